import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../lib/format';
import type { RouterOutputs } from '../../../lib/trpc';
import { buildTimeline, type TimelineEntry } from '../timeline';
import { useDecider } from '../use-decider';

type Detail = RouterOutputs['tasks']['get'];

function EntryBody({ entry, decider }: { entry: TimelineEntry; decider: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  switch (entry.type) {
    case 'progress': {
      const p = entry.item;
      return (
        <>
          <p className="timeline__title">
            {t(
              p.kind === 'contribution' ? 'taskDetail.entries.contribution' : 'taskDetail.entries.progress',
              {
                percent: p.percent,
              },
            )}
          </p>
          <p className="timeline__meta">
            {p.authorName} · {en ? p.agencyNameEn : p.agencyNameVi}
          </p>
          <p className="timeline__text">{p.narrative}</p>
          {p.evidenceUrl && (
            <p>
              {t('taskDetail.evidence')}:{' '}
              <a href={p.evidenceUrl} target="_blank" rel="noopener noreferrer">
                {p.evidenceUrl}
              </a>
            </p>
          )}
          {p.evidenceFileId && p.evidenceFileName && (
            <p>
              <a href={`/api/evidence/${p.evidenceFileId}`} download>
                {t('taskDetail.evidenceFile', { name: p.evidenceFileName })}
              </a>
            </p>
          )}
        </>
      );
    }
    case 'extensionRequested': {
      const e = entry.item;
      return (
        <>
          <p className="timeline__title">
            {t('taskDetail.entries.extensionRequested', { date: formatDate(e.requestedDeadline) })}
          </p>
          <p className="timeline__meta">{e.requestedByName}</p>
          <p className="timeline__text">
            {t('taskDetail.reason')}: {e.reason}
          </p>
          <p className="timeline__meta">
            {t('taskDetail.currentDeadline')}:{' '}
            {e.currentDeadline ? formatDate(e.currentDeadline) : t('taskDetail.noDeadline')}
            {e.state === 'pending' && ` · ${t('taskDetail.pendingDecision')}`}
          </p>
        </>
      );
    }
    case 'extensionDecided': {
      const e = entry.item;
      return (
        <>
          <p className="timeline__title">
            {t(
              e.state === 'approved'
                ? 'taskDetail.entries.extensionApproved'
                : 'taskDetail.entries.extensionRefused',
              { date: formatDate(e.requestedDeadline) },
            )}
          </p>
          {e.decidedByName && <p className="timeline__meta">{e.decidedByName}</p>}
          {e.decisionComment && (
            <p className="timeline__text">
              {t('taskDetail.comment')}: {e.decisionComment}
            </p>
          )}
        </>
      );
    }
    case 'completionReported': {
      const c = entry.item;
      return (
        <>
          <p className="timeline__title">
            {t('taskDetail.entries.completionReported', { date: formatDate(c.completionDate) })}
          </p>
          <p className="timeline__meta">{c.reportedByName}</p>
          <p className="timeline__text">
            {t('taskDetail.result')}: {c.result}
          </p>
          {c.evidenceUrl && (
            <p>
              {t('taskDetail.evidence')}:{' '}
              <a href={c.evidenceUrl} target="_blank" rel="noopener noreferrer">
                {c.evidenceUrl}
              </a>
            </p>
          )}
        </>
      );
    }
    case 'completionLeader': {
      const c = entry.item;
      return (
        <>
          <p className="timeline__title">
            {t(
              c.state === 'returned_by_leader'
                ? 'taskDetail.entries.leaderReturned'
                : 'taskDetail.entries.leaderApproved',
            )}
          </p>
          {c.leaderName && <p className="timeline__meta">{c.leaderName}</p>}
          {c.leaderComment && (
            <p className="timeline__text">
              {t('taskDetail.comment')}: {c.leaderComment}
            </p>
          )}
        </>
      );
    }
    case 'completionOffice': {
      const c = entry.item;
      return (
        <>
          <p className="timeline__title">
            {t(
              c.state === 'accepted'
                ? 'taskDetail.entries.officeAccepted'
                : 'taskDetail.entries.officeReturned',
              { decider },
            )}
          </p>
          {c.reviewerName && <p className="timeline__meta">{c.reviewerName}</p>}
          {c.reviewComment && (
            <p className="timeline__text">
              {t('taskDetail.comment')}: {c.reviewComment}
            </p>
          )}
        </>
      );
    }
  }
}

/** The task's history, newest first; each entry says what happened, who did it and when. */
export function TaskTimeline({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  const entries = buildTimeline(detail);
  const decider = useDecider(detail.issuer);
  return (
    <section aria-labelledby="task-timeline-title">
      <h2 id="task-timeline-title">{t('taskDetail.timeline')}</h2>
      {entries.length === 0 ? (
        <p className="empty">{t('taskDetail.timelineEmpty')}</p>
      ) : (
        <ol className="timeline">
          {entries.map((entry) => (
            <li key={entry.key} className={`timeline__item timeline__item--${entry.type}`}>
              <time dateTime={entry.at.toISOString()} className="timeline__time">
                {formatDateTime(entry.at)}
              </time>
              <div>
                <EntryBody entry={entry} decider={decider} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
