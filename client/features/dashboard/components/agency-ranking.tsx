import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount, formatRate } from '../../../lib/figures';
import type { RankingRow } from '../api/dashboard-queries';

function RankingTable({ rows, caption, ranked }: { rows: RankingRow[]; caption: string; ranked: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table must be scrollable from the keyboard (WCAG 2.1.1)
    <section className="table-scroll" tabIndex={0} aria-labelledby={captionId}>
      <table className="data-table ranking">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {ranked && (
              <th scope="col" className="numeric">
                {t('dashboard.rank')}
              </th>
            )}
            <th scope="col">{t('dashboard.agency')}</th>
            <th scope="col">{t('dashboard.level')}</th>
            <th scope="col" className="numeric">
              {t('dashboard.overdueRate')}
              <span className="ranking__hint">{t('dashboard.overdueRateHint')}</span>
            </th>
            <th scope="col" className="numeric">
              {t('dashboard.overdueCount')}
            </th>
            <th scope="col" className="numeric">
              {t('dashboard.onTimeRate')}
              <span className="ranking__hint">{t('dashboard.onTimeRateHint')}</span>
            </th>
            <th scope="col" className="numeric">
              {t('dashboard.onTimeCount')}
            </th>
            <th scope="col" className="numeric">
              {t('dashboard.ofDueShort')}
            </th>
            <th scope="col" className="numeric">
              {t('dashboard.assignedShort')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.agencyId}>
              {ranked && <td className="numeric">{index + 1}</td>}
              <th scope="row">
                <Link to={`/tasks?agency=${row.agencyId}`}>{lang === 'en' ? row.nameEn : row.nameVi}</Link>
              </th>
              <td>{t(`levels.${row.level}`)}</td>
              <td className="numeric">{formatRate(row.overdueRate, lang)}</td>
              <td className="numeric">{formatCount(row.counts.overdue, lang)}</td>
              <td className="numeric">{formatRate(row.onTimeOfCompleted, lang)}</td>
              <td className="numeric">{formatCount(row.counts.completed_on_time, lang)}</td>
              <td className="numeric">{formatRate(row.ofDue, lang)}</td>
              <td className="numeric">{formatCount(row.assigned, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Agencies ranked by rates, never by raw counts; too few tasks to rank means listed apart, not hidden. */
export function AgencyRanking({ ranking, minTasks }: { ranking: RankingRow[]; minTasks: number }) {
  const { t } = useTranslation();
  const id = useId();
  const ranked = ranking.filter((row) => row.ranked);
  const unranked = ranking.filter((row) => !row.ranked);
  return (
    <section className="dashboard-panel" aria-labelledby={id}>
      <h2 id={id}>{t('dashboard.rankingTitle')}</h2>
      <p>{t('dashboard.rankingIntro', { min: minTasks })}</p>
      <RankingTable rows={ranked} caption={t('dashboard.rankingCaption')} ranked />
      <h3>{t('dashboard.unrankedTitle', { min: minTasks })}</h3>
      {unranked.length ? (
        <RankingTable
          rows={unranked}
          caption={t('dashboard.unrankedCaption', { min: minTasks })}
          ranked={false}
        />
      ) : (
        <p>{t('dashboard.noUnranked')}</p>
      )}
    </section>
  );
}
