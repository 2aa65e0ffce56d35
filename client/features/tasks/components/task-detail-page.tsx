import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { TASK_HISTORY_PAGE } from '../../../../shared/schemas/tasks';
import { vietnamDate } from '../../../../shared/vietnam-date';
import { PageError } from '../../../components/error-state';
import { Spinner } from '../../../components/spinner';
import type { RouterOutputs } from '../../../lib/trpc';
import { usePageTitle } from '../../../lib/use-page-title';
import { useTaskDetail } from '../api/task-queries';
import { TaskActions } from './task-actions';
import { TaskAudit } from './task-audit';
import { TaskFacts } from './task-facts';
import { TaskParts } from './task-parts';
import { TaskTimeline } from './task-timeline';
import './tasks.css';

interface TaskDetailPageProps {
  /**
   * Sections another feature adds under the task's actions (reminders and explanations), composed by
   * the app's route: features do not import each other. Shown only where the task's details are.
   */
  sections?: (detail: RouterOutputs['tasks']['get']) => ReactNode;
}

export function TaskDetailPage({ sections }: TaskDetailPageProps = {}) {
  const { t } = useTranslation();
  const params = useParams();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const [history, setHistory] = useState(TASK_HISTORY_PAGE);
  const detail = useTaskDetail(valid ? id : 0, history);
  usePageTitle(detail.data?.task.title ?? t('taskDetail.title'));

  const back = { to: '/tasks', label: t('pageError.backToTasks') };
  if (!valid) return <PageError title={t('taskDetail.title')} code="NOT_FOUND" back={back} />;
  if (detail.isPending) return <Spinner />;
  if (detail.isError)
    return (
      <PageError
        title={t('taskDetail.title')}
        error={detail.error}
        onRetry={() => void detail.refetch()}
        back={back}
      />
    );
  const data = detail.data;
  const reload = () => detail.refetch().then((result) => result.data);
  return (
    <article className="page task-detail">
      <header>
        <p className="muted">{t('taskDetail.title')}</p>
        <h1>
          {data.task.title}
          {data.task.isKey && <span className="tag task-detail__key">{t('taskDetail.key')}</span>}
        </h1>
      </header>
      <TaskFacts detail={data} today={vietnamDate(new Date())} />
      <TaskParts detail={data} />
      {data.task.description && (
        <section aria-labelledby="task-description-title">
          <h2 id="task-description-title">{t('taskDetail.description')}</h2>
          <p className="task-detail__description">{data.task.description}</p>
        </section>
      )}
      {data.detailsVisible ? (
        <>
          <TaskActions detail={data} onReload={reload} />
          {sections?.(data)}
          <TaskTimeline detail={data} />
          <TaskAudit entries={data.audit} />
          {(data.progressTotal > data.progress.length || data.auditTotal > data.audit.length) && (
            <p className="task-detail__history">
              {t('taskDetail.historyShown', {
                progress: data.progress.length,
                progressTotal: data.progressTotal,
                audit: data.audit.length,
                auditTotal: data.auditTotal,
              })}{' '}
              <button
                type="button"
                className="button"
                disabled={detail.isFetching}
                onClick={() => setHistory((n) => n * 4)}
              >
                {t('taskDetail.historyMore')}
              </button>
            </p>
          )}
        </>
      ) : (
        <p className="notice" role="note">
          {t('taskDetail.restricted')}
        </p>
      )}
    </article>
  );
}
