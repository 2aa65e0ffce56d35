import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProgressBar } from '../../../components/progress-bar';
import { StatusBadge } from '../../../components/status-badge';
import { formatDate, formatDateTime } from '../../../lib/format';
import type { RouterOutputs } from '../../../lib/trpc';
import { taskStages } from '../task-stage';
import { useDecider } from '../use-decider';
import { TaskForecastFact } from './task-forecast';

type Detail = RouterOutputs['tasks']['get'];

function DaysLeft({ deadline, status, today }: { deadline: string | null; status: string; today: string }) {
  const { t } = useTranslation();
  if (!deadline || (status !== 'in_progress' && status !== 'overdue')) return null;
  const days = Math.round(
    (Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
  const text =
    days > 0
      ? t('taskDetail.daysLeft', { count: days })
      : days === 0
        ? t('taskDetail.dueToday')
        : t('taskDetail.daysOverdue', { count: -days });
  return <span className="muted"> ({text})</span>;
}

/** Everything known about the task at a glance. */
export function TaskFacts({ detail, today }: { detail: Detail; today: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { task, document, coordinators } = detail;
  const decider = useDecider(detail.issuer);
  const groupName = task.groupNo
    ? ((en ? task.groupNameEn : task.groupNameVi) ?? t(`taskGroups.${String(task.groupNo) as '1'}`))
    : null;
  return (
    <dl className="fact-panel">
      <div>
        <dt>{t('taskDetail.status')}</dt>
        <dd>
          <StatusBadge status={task.status} dueSoon={task.dueSoon} stale={task.stale} />
          {/* What the task waits on: "in progress" alone would hide a completion awaiting review. */}
          {taskStages(detail).map((stage) =>
            stage === 'completionAwaitingLeader' ||
            stage === 'completionAwaitingOffice' ||
            stage === 'extensionPending' ? (
              <span key={stage} className="task-stage" data-stage={stage}>
                {t(`taskDetail.stage.${stage}`, { decider })}
              </span>
            ) : null,
          )}
        </dd>
      </div>
      <div>
        <dt>{t('taskDetail.percent')}</dt>
        <dd>
          <ProgressBar
            percent={task.latestPercent}
            label={t('taskDetail.percentValue', { percent: task.latestPercent })}
          />
        </dd>
      </div>
      <TaskForecastFact taskId={task.id} />
      <div>
        <dt>{t('taskDetail.document')}</dt>
        <dd>
          {document ? (
            <Link to={`/documents/${document.id}`}>
              {document.number}
              <span className="muted"> – {document.title}</span>
            </Link>
          ) : (
            task.documentNumber
          )}
        </dd>
      </div>
      <div>
        <dt>{t('taskParts.issuer')}</dt>
        <dd>
          {detail.issuer ? (en ? detail.issuer.nameEn : detail.issuer.nameVi) : t('taskParts.government')}
        </dd>
      </div>
      {detail.parent && (
        <div>
          <dt>{t('taskParts.parent')}</dt>
          <dd>
            <Link to={`/tasks/${detail.parent.id}`}>{detail.parent.title}</Link>
            <span className="muted"> – {en ? detail.parent.leadNameEn : detail.parent.leadNameVi}</span>
          </dd>
        </div>
      )}
      <div>
        <dt>{t('taskDetail.group')}</dt>
        <dd>{groupName ? `${task.groupNo}. ${groupName}` : t('taskDetail.noGroup')}</dd>
      </div>
      <div>
        <dt>{t('taskDetail.lead')}</dt>
        <dd>{en ? task.leadNameEn : task.leadNameVi}</dd>
      </div>
      <div>
        <dt>{t('taskDetail.coordinators')}</dt>
        <dd>
          {coordinators.length ? (
            <ul className="plain-list">
              {coordinators.map((c) => (
                <li key={c.id}>{en ? c.nameEn : c.nameVi}</li>
              ))}
            </ul>
          ) : (
            t('taskDetail.none')
          )}
        </dd>
      </div>
      <div>
        <dt>{t('taskDetail.deadline')}</dt>
        <dd>
          {task.deadline ? formatDate(task.deadline) : t('taskDetail.noDeadline')}
          <DaysLeft deadline={task.deadline} status={task.status} today={today} />
        </dd>
      </div>
      {task.originalDeadline !== task.deadline && (
        <div>
          <dt>{t('taskDetail.originalDeadline')}</dt>
          <dd>{task.originalDeadline ? formatDate(task.originalDeadline) : t('taskDetail.noDeadline')}</dd>
        </div>
      )}
      {task.completedOn && (
        <div>
          <dt>{t('taskDetail.completedOn')}</dt>
          <dd>{formatDate(task.completedOn)}</dd>
        </div>
      )}
      <div>
        <dt>{t('taskDetail.priority')}</dt>
        <dd>{t(`priorities.${task.priority}`)}</dd>
      </div>
      <div>
        <dt>{t('taskDetail.isKey')}</dt>
        <dd>{task.isKey ? t('common.yes') : t('common.no')}</dd>
      </div>
      <div>
        <dt>{t('taskDetail.lastUpdate')}</dt>
        <dd>{task.lastLeadUpdateAt ? formatDateTime(task.lastLeadUpdateAt) : t('taskDetail.never')}</dd>
      </div>
    </dl>
  );
}
