import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ScrollRegion } from '../../../components/scroll-region';
import { StatusBadge } from '../../../components/status-badge';
import { formatDate, formatDateTime, formatPercent } from '../../../lib/format';
import type { TaskListItem } from '../api/task-list-queries';
import type { TaskListState, TaskSort } from '../task-list-params';

interface TaskTableProps {
  rows: TaskListItem[];
  state: TaskListState;
  busy: boolean;
  onSort: (sort: TaskSort) => void;
}

function SortHeader({
  sort,
  label,
  state,
  onSort,
}: {
  sort: TaskSort;
  label: string;
  state: TaskListState;
  onSort: (sort: TaskSort) => void;
}) {
  const { t } = useTranslation();
  const current = state.sort === sort ? state.direction : null;
  const hint =
    current === 'asc'
      ? t('common.sortAscending')
      : current === 'desc'
        ? t('common.sortDescending')
        : t('common.sortable');
  return (
    <th
      scope="col"
      aria-sort={current === 'asc' ? 'ascending' : current === 'desc' ? 'descending' : undefined}
    >
      <button type="button" className="sort-button" onClick={() => onSort(sort)}>
        {label}
        <span className="visually-hidden">, {hint}</span>
        <span className="sort-button__icon" aria-hidden="true">
          {current === 'asc' ? '▲' : current === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}

/** One page of tasks, sorted by the server (the headers change the sort of the whole list, not the page). */
export function TaskTable({ rows, state, busy, onSort }: TaskTableProps) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const en = i18n.language === 'en';
  return (
    <ScrollRegion labelledBy={captionId}>
      <table className="data-table task-table" aria-busy={busy}>
        <caption id={captionId}>{t('taskList.caption', { page: state.page })}</caption>
        <thead>
          <tr>
            <SortHeader sort="title" label={t('taskList.colTitle')} state={state} onSort={onSort} />
            <th scope="col">{t('taskList.colDocument')}</th>
            <th scope="col">{t('taskList.colAgency')}</th>
            <SortHeader sort="deadline" label={t('taskList.colDeadline')} state={state} onSort={onSort} />
            <SortHeader sort="percent" label={t('taskList.colPercent')} state={state} onSort={onSort} />
            <th scope="col">{t('taskList.colStatus')}</th>
            <SortHeader sort="lastUpdate" label={t('taskList.colLastUpdate')} state={state} onSort={onSort} />
          </tr>
        </thead>
        <tbody>
          {rows.map((task) => (
            <tr key={task.id}>
              <th scope="row">
                <Link to={`/tasks/${task.id}`}>{task.title}</Link>
                {task.isKey && <span className="tag task-table__key">{t('taskList.key')}</span>}
              </th>
              <td>
                <Link to={`/documents/${task.documentId}`}>{task.documentNumber}</Link>
              </td>
              <td>{en ? task.leadNameEn : task.leadNameVi}</td>
              <td className="nowrap">
                {task.deadline ? formatDate(task.deadline) : t('taskList.noDeadline')}
                {task.originalDeadline && task.originalDeadline !== task.deadline && (
                  <span className="task-table__original">
                    {t('taskList.originalDeadline', { date: formatDate(task.originalDeadline) })}
                  </span>
                )}
              </td>
              <td className="numeric">{formatPercent(task.latestPercent, i18n.language)}</td>
              <td>
                <StatusBadge status={task.status} dueSoon={task.dueSoon} stale={task.stale} />
              </td>
              <td className="nowrap">
                {task.lastLeadUpdateAt ? formatDateTime(task.lastLeadUpdateAt) : t('taskList.noUpdate')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
