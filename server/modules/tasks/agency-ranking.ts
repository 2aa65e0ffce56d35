import type { AgencyLevel, RankingLevel } from '../../../shared/agencies';
import type { AgencyRankingPage, AgencyRankingQuery, RankingRow } from '../../../shared/schemas/tasks';
import { completionRates, type StatusCounts } from '../../../shared/task-status';
import { foldVietnamese } from '../../../shared/text';

/** Below this many assigned tasks a rate says little: such agencies are listed apart, not ranked. */
export const MIN_TASKS_TO_RANK = 5;
/** How many of the worst ranked agencies the dashboard itself carries; the rest is paged on demand. */
export const SHORT_RANKING_LENGTH = 10;

export interface AgencyStatusCounts {
  agencyId: number;
  nameVi: string;
  nameEn: string;
  level: AgencyLevel;
  counts: StatusCounts;
}

interface Entry {
  row: Omit<RankingRow, 'rank'>;
  rank: number | null;
  /** Both names, folded: what a search without diacritics matches. */
  folded: string;
}

/**
 * The whole ranking, built once per dashboard computation (dashboard-cache.ts keeps it): for each level
 * filter, the ranked agencies in order and those with too few tasks apart. Requests only slice it.
 */
export interface AgencyRankingIndex {
  lists: Record<RankingLevel, { ranked: Entry[]; unranked: Entry[] }>;
}

/** Highest overdue rate first; an agency with more assigned tasks first among equals; then by id. */
function byOverdueRate(a: Entry, b: Entry): number {
  return (
    (b.row.overdueRate ?? -1) - (a.row.overdueRate ?? -1) ||
    b.row.assigned - a.row.assigned ||
    a.row.agencyId - b.row.agencyId
  );
}

export function buildAgencyRanking(agencies: AgencyStatusCounts[]): AgencyRankingIndex {
  const all = agencies
    .map((a): Entry => {
      const rates = completionRates(a.counts);
      return {
        row: { ...a, ...rates, ranked: rates.assigned >= MIN_TASKS_TO_RANK },
        rank: null,
        folded: foldVietnamese(`${a.nameVi} ${a.nameEn}`),
      };
    })
    .sort(byOverdueRate);
  const listFor = (level: RankingLevel) => {
    const rows = level === 'all' ? all : all.filter((e) => e.row.level === level);
    return {
      ranked: rows.filter((e) => e.row.ranked).map((e, i) => ({ ...e, rank: i + 1 })),
      unranked: rows.filter((e) => !e.row.ranked),
    };
  };
  return {
    lists: {
      all: listFor('all'),
      central: listFor('central'),
      provincial: listFor('provincial'),
      commune: listFor('commune'),
    },
  };
}

const toRow = (e: Entry): RankingRow => ({ ...e.row, rank: e.rank });

/** What the dashboard shows of the ranking: the worst few, and how many there are in all. */
export function shortRanking(index: AgencyRankingIndex) {
  const { ranked, unranked } = index.lists.all;
  return {
    worst: ranked.slice(0, SHORT_RANKING_LENGTH).map(toRow),
    rankedCount: ranked.length,
    unrankedCount: unranked.length,
    minTasksToRank: MIN_TASKS_TO_RANK,
  };
}

/** One page of the ranking, for a level, ranked or not, optionally searched (diacritics ignored). */
export function pageAgencyRanking(
  index: AgencyRankingIndex,
  { level, ranked, q, page, pageSize }: AgencyRankingQuery,
  asOf: Date,
): AgencyRankingPage {
  const list = index.lists[level][ranked ? 'ranked' : 'unranked'];
  const needle = q ? foldVietnamese(q) : '';
  const matching = needle ? list.filter((e) => e.folded.includes(needle)) : list;
  const start = (page - 1) * pageSize;
  return {
    items: matching.slice(start, start + pageSize).map(toRow),
    total: matching.length,
    page,
    pageSize,
    minTasksToRank: MIN_TASKS_TO_RANK,
    asOf,
  };
}
