import { AGENCY_LEVELS, type AgencyLevel } from '../../../shared/agencies';
import { MAX_INT4 } from '../../../shared/api-limits';
import { isCalendarDate } from '../../../shared/calendar-date';
import { TASK_SORTS } from '../../../shared/task-sorts';
import {
  COMPLETION_STATES,
  type CompletionState,
  TASK_STATUSES,
  type TaskStatus,
} from '../../../shared/task-status';

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export type TaskSort = (typeof TASK_SORTS)[number];

/** Everything the task list shows, as `tasks.list` takes it (shared/schemas/tasks.ts, taskListInput). */
export interface TaskListState {
  q?: string;
  status?: TaskStatus[];
  dueSoon?: boolean;
  stale?: boolean;
  isKey?: boolean;
  agencyId?: number;
  agencyLevel?: AgencyLevel;
  groupNo?: number;
  documentId?: number;
  deadlineFrom?: string;
  deadlineTo?: string;
  /** The state of the latest completion report (the home page's "awaiting the Office"). */
  completion?: CompletionState[];
  extensionPending?: boolean;
  sort: TaskSort;
  direction: 'asc' | 'desc';
  page: number;
  pageSize: PageSize;
}

export const DEFAULT_STATE: TaskListState = { sort: 'deadline', direction: 'asc', page: 1, pageSize: 25 };

function positiveInt(value: string | null, max = MAX_INT4): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= max ? n : undefined;
}

function flag(value: string | null): boolean | undefined {
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  return undefined;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

/**
 * The URL is the list's state: a dashboard link (`?status=overdue`, `?dueSoon=1`), a reload or a shared
 * address shows the same list. Anything unreadable is dropped rather than refused.
 */
export function parseTaskListParams(params: URLSearchParams): TaskListState {
  const state: TaskListState = { ...DEFAULT_STATE };
  const q = params.get('q')?.trim().slice(0, 200);
  if (q) state.q = q;
  const status = params
    .getAll('status')
    .flatMap((s) => s.split(','))
    .map((s) => oneOf(TASK_STATUSES, s))
    .filter((s): s is TaskStatus => s !== undefined);
  if (status.length) state.status = [...new Set(status)];
  if (flag(params.get('dueSoon'))) state.dueSoon = true;
  if (flag(params.get('stale'))) state.stale = true;
  const isKey = flag(params.get('key'));
  if (isKey !== undefined) state.isKey = isKey;
  const agencyId = positiveInt(params.get('agency'));
  if (agencyId) state.agencyId = agencyId;
  const level = oneOf(AGENCY_LEVELS, params.get('level'));
  if (level) state.agencyLevel = level;
  const group = positiveInt(params.get('group'), 9);
  if (group) state.groupNo = group;
  const documentId = positiveInt(params.get('document'));
  if (documentId) state.documentId = documentId;
  const from = params.get('from');
  if (from && isCalendarDate(from)) state.deadlineFrom = from;
  const to = params.get('to');
  if (to && isCalendarDate(to)) state.deadlineTo = to;
  const completion = params
    .getAll('completion')
    .flatMap((s) => s.split(','))
    .map((s) => oneOf(COMPLETION_STATES, s))
    .filter((s): s is CompletionState => s !== undefined);
  if (completion.length) state.completion = [...new Set(completion)];
  if (params.get('extension') === 'pending') state.extensionPending = true;
  state.sort = oneOf(TASK_SORTS, params.get('sort')) ?? DEFAULT_STATE.sort;
  state.direction = oneOf(['asc', 'desc'] as const, params.get('dir')) ?? DEFAULT_STATE.direction;
  state.page = positiveInt(params.get('page'), 100_000) ?? 1;
  const size = Number(params.get('pageSize'));
  state.pageSize = PAGE_SIZES.find((s) => s === size) ?? DEFAULT_STATE.pageSize;
  return state;
}

/** The inverse of parseTaskListParams; defaults are left out so addresses stay short. */
export function taskListSearchParams(state: TaskListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.status?.length) params.set('status', state.status.join(','));
  if (state.dueSoon) params.set('dueSoon', '1');
  if (state.stale) params.set('stale', '1');
  if (state.isKey !== undefined) params.set('key', state.isKey ? '1' : '0');
  if (state.agencyId) params.set('agency', String(state.agencyId));
  if (state.agencyLevel) params.set('level', state.agencyLevel);
  if (state.groupNo) params.set('group', String(state.groupNo));
  if (state.documentId) params.set('document', String(state.documentId));
  if (state.deadlineFrom) params.set('from', state.deadlineFrom);
  if (state.deadlineTo) params.set('to', state.deadlineTo);
  if (state.completion?.length) params.set('completion', state.completion.join(','));
  if (state.extensionPending) params.set('extension', 'pending');
  if (state.sort !== DEFAULT_STATE.sort) params.set('sort', state.sort);
  if (state.direction !== DEFAULT_STATE.direction) params.set('dir', state.direction);
  if (state.page !== 1) params.set('page', String(state.page));
  if (state.pageSize !== DEFAULT_STATE.pageSize) params.set('pageSize', String(state.pageSize));
  return params;
}

/** Whether any filter (not sort or paging) narrows the list. */
export function hasFilters(state: TaskListState): boolean {
  const { sort: _s, direction: _d, page: _p, pageSize: _ps, ...filters } = state;
  return Object.values(filters).some((v) => v !== undefined);
}

/** The export's `filter` parameter: the same filter and sort, every page. */
export function exportHref(kind: 'csv' | 'xlsx', state: TaskListState, language: string): string {
  const { page: _p, pageSize: _ps, ...filter } = state;
  const lang = language === 'en' ? 'en' : 'vi';
  return `/export/tasks.${kind}?filter=${encodeURIComponent(JSON.stringify(filter))}&lang=${lang}`;
}
