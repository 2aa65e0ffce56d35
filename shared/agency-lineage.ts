/** One link of a recorded change: `from` became (part of) `to` (a merger, split or rename). */
export interface AgencyLink {
  from: number;
  to: number;
}

/**
 * For every unit that is no longer current, the one current unit its figures re-aggregate to, following
 * the changes transitively (A renamed B, B merged into C: A → C). A unit whose line reaches several
 * current units (a split, at any step) has no single successor: its figures stay under it, as recorded,
 * because nothing says how to divide them. Current units are not in the map (they stay themselves,
 * even one a part was split off from). Cycles (bad data) are cut.
 */
export function currentSuccessors(
  links: readonly AgencyLink[],
  isCurrent: (id: number) => boolean,
): Map<number, number> {
  const next = new Map<number, Set<number>>();
  for (const l of links) {
    if (l.from === l.to) continue;
    const set = next.get(l.from) ?? new Set<number>();
    set.add(l.to);
    next.set(l.from, set);
  }
  const memo = new Map<number, Set<number>>();
  const reach = (id: number, path: Set<number>): Set<number> => {
    const known = memo.get(id);
    if (known) return known;
    const out = new Set<number>();
    if (isCurrent(id)) out.add(id);
    else if (!path.has(id)) {
      path.add(id);
      for (const to of next.get(id) ?? []) for (const c of reach(to, path)) out.add(c);
      path.delete(id);
    }
    memo.set(id, out);
    return out;
  };
  const result = new Map<number, number>();
  for (const from of next.keys()) {
    if (isCurrent(from)) continue;
    const ends = reach(from, new Set());
    const [only] = ends;
    if (ends.size === 1 && only !== undefined) result.set(from, only);
  }
  return result;
}

/** The unit a figure recorded under `id` is shown under today: its single current successor, or itself. */
export function regroupedAgency(successors: ReadonlyMap<number, number>, id: number): number {
  return successors.get(id) ?? id;
}

/** A KPI figure of one unit and period, as the per-agency views read it. */
export interface UnitFigure {
  agencyId: number;
  periodKey: string;
  periodEnd: string;
  numerator: number;
  denominator: number;
  /** Percent; null when the denominator is 0. */
  value: number | null;
  level: number | null;
  submissionId: number | null;
}

/**
 * Figures recorded under former units, re-aggregated to today's units: per unit and period, Σ numerators
 * over Σ denominators of every figure recorded under it or under a unit that became it (never the mean
 * of percentages). A figure made of several has no single level or submission behind it (null). The
 * national sums are unchanged: only the rows move. `formerUnits` counts, per unit, the former units whose
 * figures it now carries.
 */
export function regroupFigures<F extends UnitFigure>(
  figures: readonly F[],
  successors: ReadonlyMap<number, number>,
): { figures: F[]; formerUnits: Map<number, number> } {
  const cells = new Map<string, { figure: F }>();
  const former = new Map<number, Set<number>>();
  for (const f of figures) {
    const unit = regroupedAgency(successors, f.agencyId);
    if (unit !== f.agencyId) {
      const set = former.get(unit) ?? new Set<number>();
      set.add(f.agencyId);
      former.set(unit, set);
    }
    const key = `${unit}|${f.periodKey}`;
    const cell = cells.get(key);
    if (!cell) {
      cells.set(key, { figure: { ...f, agencyId: unit } });
      continue;
    }
    const numerator = cell.figure.numerator + f.numerator;
    const denominator = cell.figure.denominator + f.denominator;
    cell.figure = {
      ...cell.figure,
      numerator,
      denominator,
      value: denominator > 0 ? (100 * numerator) / denominator : null,
      level: null,
      submissionId: null,
    };
  }
  const out = [...cells.values()].map((c) => c.figure);
  out.sort((a, b) =>
    a.periodEnd < b.periodEnd ? -1 : a.periodEnd > b.periodEnd ? 1 : a.agencyId - b.agencyId,
  );
  return { figures: out, formerUnits: new Map([...former].map(([unit, set]) => [unit, set.size])) };
}
