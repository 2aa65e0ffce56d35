import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TASK_STATUSES, type TaskStatus } from '../../../../shared/task-status';
import { ErrorState } from '../../../components/error-state';
import { Pagination } from '../../../components/pagination';
import { ProgressBar } from '../../../components/progress-bar';
import { SearchBox } from '../../../components/search-box';
import { Spinner } from '../../../components/spinner';
import { StatusBadge } from '../../../components/status-badge';
import { formatDate } from '../../../lib/format';
import { useCurrentUserQuery } from '../../../lib/use-current-user';
import { useListParams } from '../../../lib/use-list-params';
import { usePageTitle } from '../../../lib/use-page-title';
import {
  INBOX_COMPLETIONS,
  INBOX_PAGE_SIZE,
  type InboxCompletion,
  type InboxScope,
  inboxExportHref,
  useInbox,
} from '../api/task-queries';
import { type InboxItem, inboxTodos } from '../inbox-todos';
import './tasks.css';
import { ScrollRegion } from '../../../components/scroll-region';
import { ReportReminders } from './report-reminders';

type Urgency = 'overdue' | 'dueSoon';
type Viewer = Parameters<typeof inboxTodos>[1];

function isStatus(value: string | null): value is TaskStatus {
  return value !== null && (TASK_STATUSES as readonly string[]).includes(value);
}

/** `communes`: a province's view of its communes' tasks (the lead commune named; the todos are the commune's). */
function InboxRow({ task, viewer, communes }: { task: InboxItem; viewer: Viewer; communes: boolean }) {
  const { t, i18n } = useTranslation();
  const todos = communes ? [] : inboxTodos(task, viewer);
  const rowClass = task.status === 'overdue' ? 'row--overdue' : task.dueSoon ? 'row--dueSoon' : undefined;
  return (
    <tr className={rowClass}>
      <th scope="row">
        <Link to={`/tasks/${task.id}`}>{task.title}</Link>
        {task.isKey && (
          <>
            {' '}
            <span className="tag">{t('taskDetail.key')}</span>
          </>
        )}
      </th>
      <td>{task.documentNumber}</td>
      <td>
        {communes
          ? i18n.language === 'en'
            ? task.leadNameEn
            : task.leadNameVi
          : task.leadAgencyId === viewer.agencyId
            ? t('inbox.roleLead')
            : t('inbox.roleCoordinator')}
      </td>
      <td className="nowrap">
        {task.deadline ? formatDate(task.deadline) : t('taskDetail.noDeadline')}
        {task.originalDeadline && task.originalDeadline !== task.deadline && (
          <span className="muted block">
            {t('taskDetail.originalDeadline')}: {formatDate(task.originalDeadline)}
          </span>
        )}
      </td>
      <td>
        <ProgressBar
          percent={task.latestPercent}
          label={t('taskDetail.percentValue', { percent: task.latestPercent })}
        />
      </td>
      <td>
        <StatusBadge status={task.status} dueSoon={task.dueSoon} stale={task.stale} />
      </td>
      <td>
        {todos.length ? (
          <ul className="todo-list">
            {todos.map((todo) => (
              <li key={todo}>{t(`inbox.todos.${todo}`)}</li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t('inbox.todos.none')}</span>
        )}
      </td>
    </tr>
  );
}

/** The agency's own tasks, open ones first by deadline, with what each one needs from the user. */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('inbox.title'));
  const statusId = useId();
  const urgencyId = useId();
  const captionId = useId();
  const scopeId = useId();
  const me = useCurrentUserQuery();
  const { params, q, page, setParam, onSearch, onPageChange } = useListParams();
  const rawStatus = params.get('status');
  const status = isStatus(rawStatus) ? rawStatus : undefined;
  const rawUrgency = params.get('urgency');
  const urgency: Urgency | undefined =
    rawUrgency === 'overdue' || rawUrgency === 'dueSoon' ? rawUrgency : undefined;
  const rawCompletion = params.get('completion');
  const completion = Object.keys(INBOX_COMPLETIONS).find((c): c is InboxCompletion => c === rawCompletion);
  const leadOnly = params.get('lead') === '1';
  // A province answers for its communes: it may list their tasks instead of its own.
  const province = me.data?.agencyLevel === 'provincial';
  const scope: InboxScope = province && params.get('scope') === 'communes' ? 'communes' : 'own';
  const communes = scope === 'communes';
  const inbox = useInbox({ q, status, urgency, completion, leadOnly, scope, page });

  const viewer = me.data ? { role: me.data.role, agencyId: me.data.agencyId } : null;

  return (
    <section className="page">
      <div className="page__header">
        <h1>{t('inbox.title')}</h1>
        <a
          className="button"
          href={inboxExportHref({ q, status, urgency, completion, leadOnly, scope }, i18n.language)}
          download
        >
          {t('excel.download')}
        </a>
      </div>
      <p>{t('inbox.intro')}</p>
      <ReportReminders />
      <div className="filters">
        {province && (
          <div className="field">
            <label htmlFor={scopeId}>{t('inbox.scope')}</label>
            <select
              id={scopeId}
              value={scope}
              onChange={(e) => setParam('scope', e.target.value === 'communes' ? 'communes' : undefined)}
            >
              <option value="own">{t('inbox.scopeOwn')}</option>
              <option value="communes">{t('inbox.scopeCommunes')}</option>
            </select>
          </div>
        )}
        <SearchBox value={q} onSearch={onSearch} label={t('inbox.search')} hint={t('inbox.searchHint')} />
        <div className="field">
          <label htmlFor={statusId}>{t('inbox.statusFilter')}</label>
          <select
            id={statusId}
            value={status ?? ''}
            onChange={(e) => setParam('status', e.target.value || undefined)}
          >
            <option value="">{t('inbox.allStatuses')}</option>
            {TASK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={urgencyId}>{t('inbox.urgency')}</label>
          <select
            id={urgencyId}
            value={urgency ?? ''}
            onChange={(e) => setParam('urgency', e.target.value || undefined)}
          >
            <option value="">{t('inbox.urgencyAll')}</option>
            <option value="overdue">{t('inbox.onlyOverdue')}</option>
            <option value="dueSoon">{t('inbox.onlyDueSoon')}</option>
          </select>
        </div>
      </div>
      {(completion || leadOnly) && (
        <p className="notice">
          <span>
            {completion ? t(`inbox.completionFilter.${completion}`) : null}
            {completion && leadOnly ? ' · ' : null}
            {leadOnly ? t('inbox.leadOnly') : null}
          </span>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setParam('completion', undefined);
              setParam('lead', undefined);
            }}
          >
            {t('inbox.clearFilter')}
          </button>
        </p>
      )}
      {inbox.isPending || !viewer ? (
        <Spinner />
      ) : inbox.isError ? (
        <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : inbox.data.total === 0 ? (
        <p className="empty" role="status">
          {t('inbox.noResults')}
        </p>
      ) : (
        <div className="stack">
          <ScrollRegion labelledBy={captionId}>
            <table className="data-table" aria-busy={inbox.isPlaceholderData}>
              <caption id={captionId}>{t(communes ? 'inbox.captionCommunes' : 'inbox.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('inbox.task')}</th>
                  <th scope="col">{t('inbox.document')}</th>
                  <th scope="col">{t(communes ? 'inbox.communeLead' : 'inbox.ourRole')}</th>
                  <th scope="col">{t('inbox.deadline')}</th>
                  <th scope="col">{t('inbox.percent')}</th>
                  <th scope="col">{t('inbox.status')}</th>
                  <th scope="col">{t('inbox.todo')}</th>
                </tr>
              </thead>
              <tbody>
                {inbox.data.items.map((task) => (
                  <InboxRow key={task.id} task={task} viewer={viewer} communes={communes} />
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <Pagination
            page={page}
            pageSize={INBOX_PAGE_SIZE}
            total={inbox.data.total}
            onPageChange={onPageChange}
          />
        </div>
      )}
    </section>
  );
}
