import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENCY_LEVELS } from '../../../shared/agencies';
import { taskListInput } from '../../../shared/schemas/tasks';
import { TASK_SORTS } from '../../../shared/task-sorts';
import { COMPLETION_STATES, TASK_STATUSES } from '../../../shared/task-status';
import {
  DEFAULT_STATE,
  exportHref,
  PAGE_SIZES,
  parseTaskListParams,
  type TaskListState,
  taskListSearchParams,
} from './task-list-params';

const isoDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const stateArb: fc.Arbitrary<TaskListState> = fc.record(
  {
    q: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s.length > 0),
    status: fc.uniqueArray(fc.constantFrom(...TASK_STATUSES), { minLength: 1, maxLength: 6 }),
    dueSoon: fc.constant(true),
    stale: fc.constant(true),
    isKey: fc.boolean(),
    agencyId: fc.integer({ min: 1, max: 1_000_000 }),
    agencyLevel: fc.constantFrom(...AGENCY_LEVELS),
    groupNo: fc.integer({ min: 1, max: 9 }),
    documentId: fc.integer({ min: 1, max: 1_000_000 }),
    deadlineFrom: isoDate,
    deadlineTo: isoDate,
    completion: fc.uniqueArray(fc.constantFrom(...COMPLETION_STATES), { minLength: 1, maxLength: 5 }),
    extensionPending: fc.constant(true),
    sort: fc.constantFrom(...TASK_SORTS),
    direction: fc.constantFrom('asc' as const, 'desc' as const),
    page: fc.integer({ min: 1, max: 100_000 }),
    pageSize: fc.constantFrom(...PAGE_SIZES),
  },
  { requiredKeys: ['sort', 'direction', 'page', 'pageSize'] },
);

/** What a reader of the address bar would get back: the same list. */
function roundTrip(state: TaskListState): TaskListState {
  const url = new URL(`https://example.test/tasks?${taskListSearchParams(state).toString()}`);
  return parseTaskListParams(url.searchParams);
}

describe('task list URL state', () => {
  it('reads back every filter, sort and page it wrote', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const back = roundTrip(state);
        expect({
          ...back,
          status: back.status && [...back.status].sort(),
          completion: back.completion && [...back.completion].sort(),
        }).toEqual({
          ...state,
          status: state.status && [...state.status].sort(),
          completion: state.completion && [...state.completion].sort(),
        });
      }),
    );
  });

  it('gives a state the server accepts as it is', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        expect(taskListInput.safeParse(roundTrip(state)).success).toBe(true);
      }),
    );
  });

  it('keeps the plain list address short', () => {
    expect(taskListSearchParams(DEFAULT_STATE).toString()).toBe('');
    expect(parseTaskListParams(new URLSearchParams())).toEqual(DEFAULT_STATE);
  });

  it('understands the dashboard links', () => {
    expect(parseTaskListParams(new URLSearchParams('status=overdue'))).toMatchObject({ status: ['overdue'] });
    expect(parseTaskListParams(new URLSearchParams('dueSoon=1'))).toMatchObject({ dueSoon: true });
    expect(parseTaskListParams(new URLSearchParams('stale=1'))).toMatchObject({ stale: true });
    expect(parseTaskListParams(new URLSearchParams('agency=12'))).toMatchObject({ agencyId: 12 });
  });

  it('understands the home page links', () => {
    expect(parseTaskListParams(new URLSearchParams('extension=pending'))).toMatchObject({
      extensionPending: true,
    });
    expect(parseTaskListParams(new URLSearchParams('completion=awaiting_office'))).toMatchObject({
      completion: ['awaiting_office'],
    });
  });

  it('drops what it cannot read instead of failing', () => {
    const state = parseTaskListParams(
      new URLSearchParams('status=overdue,bogus&group=12&page=-3&pageSize=7&sort=x&dir=up&from=yesterday'),
    );
    expect(state).toEqual({ ...DEFAULT_STATE, status: ['overdue'] });
  });

  it('exports the same filter and sort, without the page', () => {
    const state: TaskListState = {
      ...DEFAULT_STATE,
      status: ['overdue'],
      q: 'hà nội',
      page: 3,
      sort: 'title',
    };
    const href = exportHref('xlsx', state, 'vi');
    const url = new URL(href, 'https://example.test');
    expect(url.pathname).toBe('/export/tasks.xlsx');
    const filter = JSON.parse(url.searchParams.get('filter') ?? '');
    expect(filter).toEqual({ status: ['overdue'], q: 'hà nội', sort: 'title', direction: 'asc' });
    expect(taskListInput.safeParse(filter).success).toBe(true);
    expect(url.searchParams.get('lang')).toBe('vi');
  });
});
