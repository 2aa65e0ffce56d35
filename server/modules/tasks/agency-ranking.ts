import type { AgencyBorders, AgencyLevel, RankingLevel } from '../../../shared/agencies';
import { regroupedAgency } from '../../../shared/agency-lineage';
import type { AgencyRankingPage, AgencyRankingQuery, RankingRow } from '../../../shared/schemas/tasks';
import {
  completionRates,
  emptyStatusCounts,
  type StatusCounts,
  TASK_STATUSES,
} from '../../../shared/task-status';
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
  validTo: string | null;
  formerUnits: number;
}

/**
 * The counts under today's units: each former unit's added to the one current unit it became
 * (shared/agency-lineage.ts); a former unit with no single successor (a split) stays as recorded.
 * `info` names every unit a count may move to.
 */
export function regroupAgencyCounts(
  rows: readonly AgencyStatusCounts[],
  successors: ReadonlyMap<number, number>,
  info: ReadonlyMap<number, Omit<AgencyStatusCounts, 'counts' | 'formerUnits' | 'agencyId'>>,
): AgencyStatusCounts[] {
  const out = new Map<number, AgencyStatusCounts>();
  for (const row of rows) {
    const id = regroupedAgency(successors, row.agencyId);
    const target = info.get(id);
    const key = target ? id : row.agencyId;
    let entry = out.get(key);
    if (!entry) {
      const unit = target ?? row;
      entry = {
        agencyId: key,
        nameVi: unit.nameVi,
        nameEn: unit.nameEn,
        level: unit.level,
        validTo: unit.validTo,
        counts: emptyStatusCounts(),
        formerUnits: 0,
      };
      out.set(key, entry);
    }
    for (const s of TASK_STATUSES) entry.counts[s] += row.counts[s];
    if (key !== row.agencyId) entry.formerUnits += 1;
  }
  return [...out.values()];
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

/** The ranking under either borders (the `borders` the page asks for). */
export type AgencyRankings = Record<AgencyBorders, AgencyRankingIndex>;

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
      department: listFor('department'),
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
  { level, ranked, q, page, pageSize, borders }: AgencyRankingQuery,
  asOf: Date,
): AgencyRankingPage {
  const list = index.lists[level][ranked ? 'ranked' : 'unranked'];
  const needle = q ? foldVietnamese(q) : '';
  const matching = needle ? list.filter((e) => e.folded.includes(needle)) : list;
  const start = (page - 1) * pageSize;
  return {
    borders,
    items: matching.slice(start, start + pageSize).map(toRow),
    total: matching.length,
    page,
    pageSize,
    minTasksToRank: MIN_TASKS_TO_RANK,
    asOf,
  };
}
