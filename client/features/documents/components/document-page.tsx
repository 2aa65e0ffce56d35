import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageError } from '../../../components/error-state';
import { ProgressBar } from '../../../components/progress-bar';
import { Spinner } from '../../../components/spinner';
import { StatusBadge } from '../../../components/status-badge';
import { formatDate, formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/use-page-title';
import { useDocument } from '../api/document-queries';
import './documents.css';
import { ScrollRegion } from '../../../components/scroll-region';

/** One directive document and the tasks it assigns, each with its live status. */
export function DocumentPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const captionId = useId();
  const params = useParams();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useDocument(valid ? id : 0);
  usePageTitle(query.data?.document.number ?? t('documents.title'));

  const back = { to: '/documents', label: t('pageError.backToDocuments') };
  if (!valid) return <PageError title={t('documents.title')} code="NOT_FOUND" back={back} />;
  if (query.isPending) return <Spinner />;
  if (query.isError)
    return (
      <PageError
        title={t('documents.title')}
        error={query.error}
        onRetry={() => void query.refetch()}
        back={back}
      />
    );
  const { document, tasks, asOf } = query.data;
  return (
    <article className="page">
      <header>
        <p className="muted">
          <Link to="/documents">{t('documents.title')}</Link>
        </p>
        <h1>
          {t(`documents.kinds.${document.kind}`)} {document.number}
        </h1>
        <p className="document-title">{document.title}</p>
      </header>
      <dl className="fact-panel">
        <div>
          <dt>{t('documents.number')}</dt>
          <dd>{document.number}</dd>
        </div>
        <div>
          <dt>{t('documents.kind')}</dt>
          <dd>{t(`documents.kinds.${document.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('documents.issuedOn')}</dt>
          <dd>{formatDate(document.issuedOn)}</dd>
        </div>
        <div>
          <dt>{t('documents.signer')}</dt>
          <dd>{document.signer}</dd>
        </div>
        <div>
          <dt>{t('documents.issuer')}</dt>
          <dd>
            {(i18n.language === 'en' ? document.issuerNameEn : document.issuerNameVi) ??
              t('documents.government')}
          </dd>
        </div>
      </dl>
      <section aria-labelledby="document-tasks-title" className="stack">
        <h2 id="document-tasks-title">{t('documents.tasksTitle')}</h2>
        <p className="muted">{t('documents.asOf', { time: formatDateTime(asOf) })}</p>
        {tasks.length === 0 ? (
          <p className="empty">{t('documents.noTasks')}</p>
        ) : (
          <ScrollRegion labelledBy={captionId}>
            <table className="data-table">
              <caption id={captionId}>{t('documents.tasksCaption', { number: document.number })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('documents.task')}</th>
                  <th scope="col">{t('documents.lead')}</th>
                  <th scope="col">{t('documents.deadline')}</th>
                  <th scope="col">{t('documents.percent')}</th>
                  <th scope="col">{t('documents.status')}</th>
                </tr>
              </thead>
              <tbody>
                {tasks.map((task) => (
                  <tr
                    key={task.id}
                    className={
                      task.status === 'overdue' ? 'row--overdue' : task.dueSoon ? 'row--dueSoon' : undefined
                    }
                  >
                    <th scope="row">
                      <Link to={`/tasks/${task.id}`}>{task.title}</Link>
                      {task.isKey && (
                        <>
                          {' '}
                          <span className="tag">{t('taskDetail.key')}</span>
                        </>
                      )}
                    </th>
                    <td>{en ? task.leadNameEn : task.leadNameVi}</td>
                    <td className="nowrap">
                      {task.deadline ? formatDate(task.deadline) : t('taskDetail.noDeadline')}
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
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </article>
  );
}
