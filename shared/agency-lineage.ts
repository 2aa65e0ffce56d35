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
