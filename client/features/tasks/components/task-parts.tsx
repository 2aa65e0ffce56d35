import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProgressBar } from '../../../components/progress-bar';
import { ScrollRegion } from '../../../components/scroll-region';
import { StatusBadge } from '../../../components/status-badge';
import { formatDate } from '../../../lib/format';
import type { RouterOutputs } from '../../../lib/trpc';

type Detail = RouterOutputs['tasks']['get'];

/**
 * The commune tasks a province broke this task down into: how many are done (of which late), open and
 * overdue (the server's roll-up, by the one status rule), then each with its own progress. The task's
 * own progress stays what its lead reports; the parts are shown beside it, not added into it.
 */
export function TaskParts({ detail }: { detail: Detail }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const captionId = useId();
  const { rollup, items } = detail.parts;
  if (rollup.total === 0) return null;
  const figures = [
    ['done', rollup.done],
    ['late', rollup.late],
    ['open', rollup.open],
    ['overdue', rollup.overdue],
    ['withdrawn', rollup.withdrawn],
  ] as const;
  return (
    <section aria-labelledby="task-parts-title" className="task-parts">
      <h2 id="task-parts-title">{t('taskParts.title')}</h2>
      <p>{t('taskParts.summary', { total: rollup.total })}</p>
      <dl className="fact-panel">
        {figures.map(([key, n]) => (
          <div key={key}>
            <dt>{t(`taskParts.${key}`)}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      <ScrollRegion labelledBy={captionId}>
        <table className="data-table">
          <caption id={captionId}>{t('taskParts.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('taskParts.part')}</th>
              <th scope="col">{t('taskParts.lead')}</th>
              <th scope="col">{t('taskDetail.deadline')}</th>
              <th scope="col">{t('taskDetail.percent')}</th>
              <th scope="col">{t('taskDetail.status')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((part) => (
              <tr key={part.id} className={part.status === 'overdue' ? 'row--overdue' : undefined}>
                <th scope="row">
                  <Link to={`/tasks/${part.id}`}>{part.title}</Link>
                </th>
                <td>{en ? part.leadNameEn : part.leadNameVi}</td>
                <td className="nowrap">
                  {part.deadline ? formatDate(part.deadline) : t('taskDetail.noDeadline')}
                </td>
                <td>
                  <ProgressBar
                    percent={part.latestPercent}
                    label={t('taskDetail.percentValue', { percent: part.latestPercent })}
                  />
                </td>
                <td>
                  <StatusBadge status={part.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {items.length < rollup.total && (
        <p className="muted">{t('taskParts.more', { shown: items.length, total: rollup.total })}</p>
      )}
    </section>
  );
}
