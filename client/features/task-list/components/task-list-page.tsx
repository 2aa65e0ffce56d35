import { lazy, Suspense, useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { Pagination } from '../../../components/pagination';
import { Spinner } from '../../../components/spinner';
import { formatCount, formatDateTime } from '../../../lib/format';
import type { PagePrefetch } from '../../../lib/page-prefetch';
import { useCurrentUserQuery } from '../../../lib/use-current-user';
import { usePageTitle } from '../../../lib/use-page-title';
import { prefetchTaskList, useTaskList } from '../api/task-list-queries';
import {
  exportHref,
  hasFilters,
  parseTaskListParams,
  type TaskListState,
  type TaskSort,
  taskListSearchParams,
} from '../task-list-params';
import { TaskFilters } from './task-filters';
import { TaskTable } from './task-table';
import './task-list.css';
import { retryImport } from '../../../lib/retry-import';

// Only the Office reminds, and only on request: the form and its validation (zod) are fetched then.
const RemindListForm = lazy(() =>
  retryImport(() => import('./remind-list-form')).then((m) => ({ default: m.RemindListForm })),
);

/** The list the address asks for, fetched once the user is known, while the page is drawn. */
export const prefetch: PagePrefetch = ({ queryClient, trpc, search }) =>
  prefetchTaskList(queryClient, trpc, parseTaskListParams(search));

/** Every task the user may see, filtered on the server; the whole state is in the URL. */
export function TaskListPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('taskList.title'));
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseTaskListParams(params), [params]);
  const list = useTaskList(state);
  const isOffice = useCurrentUserQuery().data?.role === 'office';
  // The rows are drawn as a transition, in slices: a phone stays responsive while a page of them renders.
  const data = useDeferredValue(list.data);
  const [reminding, setReminding] = useState(false);
  // The Office may remind every open task of a filtered list (never the whole country at once).
  const mayRemind = isOffice && hasFilters(state) && Boolean(data && data.total > 0);

  const update = useCallback(
    (patch: Partial<TaskListState>, replace = false) =>
      setParams((current) => taskListSearchParams({ ...parseTaskListParams(current), page: 1, ...patch }), {
        replace,
      }),
    [setParams],
  );
  const onSort = (sort: TaskSort) =>
    update({ sort, direction: state.sort === sort && state.direction === 'asc' ? 'desc' : 'asc' });

  const rows = data?.items ?? [];
  // With an agency or document filter every row names it, so its name needs no extra request.
  const agencyName = state.agencyId
    ? (rows.find((row) => row.leadAgencyId === state.agencyId)?.[
        i18n.language === 'en' ? 'leadNameEn' : 'leadNameVi'
      ] ?? t('taskList.agencyUnknown', { id: state.agencyId }))
    : null;
  const documentNumber = state.documentId
    ? (rows.find((row) => row.documentId === state.documentId)?.documentNumber ?? null)
    : null;

  return (
    <section className="page task-list">
      <h1>{t('taskList.title')}</h1>
      <TaskFilters state={state} agencyName={agencyName} documentNumber={documentNumber} onChange={update} />
      <div className="task-list__bar">
        {data && (
          <p className="task-list__summary" aria-live="polite">
            <strong>{t('taskList.summary', { formatted: formatCount(data.total, i18n.language) })}</strong>
            {' · '}
            {t('taskList.asOf', { time: formatDateTime(data.asOf) })}
          </p>
        )}
        <div className="task-list__actions">
          {hasFilters(state) && (
            <Link to="/tasks" className="button">
              {t('taskList.reset')}
            </Link>
          )}
          {mayRemind && !reminding && (
            <button type="button" className="button" onClick={() => setReminding(true)}>
              {t('remindList.open')}
            </button>
          )}
          <a className="button" href={exportHref('csv', state, i18n.language)} download>
            {t('taskList.exportCsv')}
          </a>
          <a className="button" href={exportHref('xlsx', state, i18n.language)} download>
            {t('taskList.exportExcel')}
          </a>
        </div>
      </div>
      <p className="hint">{t('taskList.exportHint')}</p>
      {mayRemind && reminding && (
        <Suspense fallback={<Spinner />}>
          <RemindListForm state={state} onClose={() => setReminding(false)} />
        </Suspense>
      )}
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : !data ? (
        <Spinner />
      ) : data.total === 0 ? (
        <p className="empty" role="status">
          {t('taskList.noResults')}
        </p>
      ) : (
        <div className="stack">
          <TaskTable
            rows={rows}
            state={state}
            busy={list.isPlaceholderData || data !== list.data}
            onSort={onSort}
          />
          <Pagination
            page={state.page}
            pageSize={state.pageSize}
            total={data.total}
            onPageChange={(page) =>
              setParams((current) => taskListSearchParams({ ...parseTaskListParams(current), page }))
            }
          />
        </div>
      )}
    </section>
  );
}
