import { type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
// Not from shared/schemas: that would bring zod into the dashboard's chunk.
import { type AgencyBorders, RANKING_LEVELS, type RankingLevel } from '../../../../shared/agencies';
import { BordersField, BordersNote, UnitHistory } from '../../../components/borders-field';
import { ErrorState } from '../../../components/error-state';
import { Pagination, pageCount } from '../../../components/pagination';
import { ScrollRegion } from '../../../components/scroll-region';
import { SearchBox } from '../../../components/search-box';
import { type SimpleColumn, SimpleTable } from '../../../components/simple-table';
import { Spinner } from '../../../components/spinner';
import { formatCount, formatRate } from '../../../lib/format';
import { type RankingRow, type RankingSummary, useAgencyRanking } from '../api/dashboard-queries';

/** Rows per page of the full ranking (the server allows up to 100). */
export const RANKING_PAGE_SIZE = 25;

function RankingTable({
  rows,
  caption,
  ranked,
  busy = false,
}: {
  rows: RankingRow[];
  caption: string;
  ranked: boolean;
  busy?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const captionId = useId();
  const figure = (
    key: string,
    header: ReactNode,
    cell: (row: RankingRow) => ReactNode,
  ): SimpleColumn<RankingRow> => ({ key, header, cell, numeric: true });
  const columns: SimpleColumn<RankingRow>[] = [
    ...(ranked ? [figure('rank', t('dashboard.rank'), (row) => row.rank)] : []),
    {
      key: 'agency',
      header: t('dashboard.agency'),
      cell: (row) => (
        <>
          <Link to={`/tasks?agency=${row.agencyId}`}>{lang === 'en' ? row.nameEn : row.nameVi}</Link>
          <UnitHistory validTo={row.validTo} formerUnits={row.formerUnits} />
        </>
      ),
      rowHeader: true,
    },
    { key: 'level', header: t('dashboard.level'), cell: (row) => t(`levels.${row.level}`) },
    figure(
      'overdueRate',
      <>
        {t('dashboard.overdueRate')}
        <span className="ranking__hint">{t('dashboard.overdueRateHint')}</span>
      </>,
      (row) => formatRate(row.overdueRate, lang),
    ),
    figure('overdueCount', t('dashboard.overdueCount'), (row) => formatCount(row.counts.overdue, lang)),
    figure(
      'onTimeRate',
      <>
        {t('dashboard.onTimeRate')}
        <span className="ranking__hint">{t('dashboard.onTimeRateHint')}</span>
      </>,
      (row) => formatRate(row.onTimeOfCompleted, lang),
    ),
    figure('onTimeCount', t('dashboard.onTimeCount'), (row) =>
      formatCount(row.counts.completed_on_time, lang),
    ),
    figure('ofDue', t('dashboard.ofDueShort'), (row) => formatRate(row.ofDue, lang)),
    figure('assigned', t('dashboard.assignedShort'), (row) => formatCount(row.assigned, lang)),
  ];
  return (
    <ScrollRegion labelledBy={captionId}>
      <SimpleTable
        caption={caption}
        captionId={captionId}
        className="ranking"
        busy={busy}
        columns={columns}
        rows={rows}
        rowKey={(row) => row.agencyId}
      />
    </ScrollRegion>
  );
}

/** The whole ranking, a page at a time, by level; ranked or too few tasks to rank; searchable by name. */
function FullRanking({ id, minTasks }: { id: string; minTasks: number }) {
  const { t, i18n } = useTranslation();
  const [level, setLevel] = useState<RankingLevel>('all');
  const [ranked, setRanked] = useState(true);
  const [borders, setBorders] = useState<AgencyBorders>('current');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const ranking = useAgencyRanking({
    level,
    ranked,
    borders,
    q: q || undefined,
    page,
    pageSize: RANKING_PAGE_SIZE,
  });
  // A live update can shorten the list under the page shown: go to its new last page.
  const pages = ranking.data ? pageCount(ranking.data.total, RANKING_PAGE_SIZE) : page;
  useEffect(() => {
    if (page > pages) setPage(pages);
  }, [page, pages]);
  const levelLabel = (value: RankingLevel) =>
    value === 'all' ? t('dashboard.allLevels') : t(`levels.${value}`);
  const caption = ranked
    ? t('dashboard.fullRankingCaption', { level: levelLabel(level) })
    : t('dashboard.unrankedCaption', { min: minTasks });
  return (
    <section id={id} className="full-ranking" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('dashboard.fullRankingTitle')}</h3>
      <p>
        <a
          className="button button--small"
          href={`/export/agency-ranking.xlsx?filter=${encodeURIComponent(
            JSON.stringify({ level, ranked, borders, q: q || undefined }),
          )}&lang=${i18n.language === 'en' ? 'en' : 'vi'}`}
          download
        >
          {t('excel.download')}
        </a>
      </p>
      <div className="filters full-ranking__filters">
        <div className="field">
          <label htmlFor={`${id}-level`}>{t('dashboard.level')}</label>
          <select
            id={`${id}-level`}
            value={level}
            onChange={(event) => {
              setLevel(event.target.value as RankingLevel);
              setPage(1);
            }}
          >
            {RANKING_LEVELS.map((value) => (
              <option key={value} value={value}>
                {levelLabel(value)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-which`}>{t('dashboard.whichAgencies')}</label>
          <select
            id={`${id}-which`}
            value={ranked ? 'ranked' : 'unranked'}
            onChange={(event) => {
              setRanked(event.target.value === 'ranked');
              setPage(1);
            }}
          >
            <option value="ranked">{t('dashboard.rankedOption')}</option>
            <option value="unranked">{t('dashboard.unrankedOption', { min: minTasks })}</option>
          </select>
        </div>
        <BordersField
          id={`${id}-borders`}
          value={borders}
          onChange={(value) => {
            setBorders(value);
            setPage(1);
          }}
        />
        <SearchBox
          value={q}
          onSearch={(text) => {
            setQ(text);
            setPage(1);
          }}
          label={t('dashboard.rankingSearch')}
          hint={t('dashboard.rankingSearchHint')}
        />
      </div>
      {ranking.isPending ? (
        <Spinner />
      ) : ranking.isError ? (
        <ErrorState error={ranking.error} onRetry={() => void ranking.refetch()} />
      ) : (
        <>
          <BordersNote borders={ranking.data.borders} subject="tasks" />
          {ranking.data.items.length ? (
            <RankingTable
              rows={ranking.data.items}
              caption={caption}
              ranked={ranked}
              busy={ranking.isPlaceholderData}
            />
          ) : (
            <p className="empty">{t('dashboard.noRankingMatch')}</p>
          )}
          <Pagination
            page={page}
            pageSize={RANKING_PAGE_SIZE}
            total={ranking.data.total}
            onPageChange={setPage}
            label={t('dashboard.rankingPagination')}
          />
        </>
      )}
    </section>
  );
}

/**
 * Agencies ranked by rates, never by raw counts; too few tasks to rank means listed apart, not hidden.
 * The dashboard carries the worst few; the whole ranking is fetched a page at a time when asked for.
 */
export function AgencyRanking({ ranking }: { ranking: RankingSummary }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [showAll, setShowAll] = useState(false);
  const lang = i18n.language;
  const min = ranking.minTasksToRank;
  return (
    <section className="dashboard-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('dashboard.rankingTitle')}</h2>
      <p>{t('dashboard.rankingIntro', { min })}</p>
      <BordersNote borders="current" subject="tasks" />
      {ranking.worst.length ? (
        <RankingTable
          rows={ranking.worst}
          caption={t('dashboard.worstCaption', { n: ranking.worst.length })}
          ranked
        />
      ) : (
        <p className="empty">{t('dashboard.noRanked', { min })}</p>
      )}
      <p>
        {t('dashboard.rankingCounts', {
          ranked: formatCount(ranking.rankedCount, lang),
          unranked: formatCount(ranking.unrankedCount, lang),
          min,
        })}
      </p>
      <button
        type="button"
        className="button"
        aria-expanded={showAll}
        aria-controls={`${id}-full`}
        onClick={() => setShowAll((shown) => !shown)}
      >
        {showAll ? t('dashboard.hideFullRanking') : t('dashboard.showFullRanking')}
      </button>
      <div id={`${id}-full`} hidden={!showAll}>
        {showAll && <FullRanking id={`${id}-all`} minTasks={min} />}
      </div>
    </section>
  );
}
