import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AgencyLink, currentSuccessors, regroupedAgency } from './agency-lineage';

const mapOf = (links: AgencyLink[], current: number[]) =>
  Object.fromEntries(currentSuccessors(links, (id) => current.includes(id)));

describe('the unit a figure re-aggregates to', () => {
  it.each([
    {
      name: 'a merger: both old units go to the new one',
      links: [
        { from: 1, to: 3 },
        { from: 2, to: 3 },
      ],
      current: [3],
      want: { 1: 3, 2: 3 },
    },
    {
      name: 'a merger into a unit that continues (same row)',
      links: [{ from: 2, to: 1 }],
      current: [1],
      want: { 2: 1 },
    },
    {
      name: 'a rename then a merger: followed through',
      links: [
        { from: 1, to: 2 },
        { from: 2, to: 4 },
        { from: 3, to: 4 },
      ],
      current: [4],
      want: { 1: 4, 2: 4, 3: 4 },
    },
    {
      name: 'a split: no single successor, kept as recorded',
      links: [
        { from: 1, to: 2 },
        { from: 1, to: 3 },
      ],
      current: [2, 3],
      want: {},
    },
    {
      name: 'a split whose parts merge again: one successor',
      links: [
        { from: 1, to: 2 },
        { from: 1, to: 3 },
        { from: 2, to: 4 },
        { from: 3, to: 4 },
      ],
      current: [4],
      want: { 1: 4, 2: 4, 3: 4 },
    },
    {
      name: 'a unit split off from one that goes on: the old one is current',
      links: [{ from: 1, to: 2 }],
      current: [1, 2],
      want: {},
    },
    {
      name: 'a cycle (bad data) ends nowhere',
      links: [
        { from: 1, to: 2 },
        { from: 2, to: 1 },
      ],
      current: [],
      want: {},
    },
  ])('$name', ({ links, current, want }) => {
    expect(mapOf(links, current)).toEqual(want);
  });

  it('maps a unit with no recorded change to itself', () => {
    expect(regroupedAgency(new Map([[1, 3]]), 7)).toBe(7);
    expect(regroupedAgency(new Map([[1, 3]]), 1)).toBe(3);
  });

  // A history of mergers and renames only (no splits): every old unit ends in exactly one current unit,
  // and regrouping any figures keeps their total.
  it('for any chain of mergers and renames, sends every old unit to one current unit and keeps totals', () => {
    const history = fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        history,
        fc.array(fc.nat({ max: 100 }), { minLength: 20, maxLength: 20 }),
        (steps, figures) => {
          // Units 0..n: each step merges some of the current units into a new one.
          const current = new Set([0, 1, 2, 3, 4]);
          const links: AgencyLink[] = [];
          let next = 5;
          for (const picks of steps) {
            const pool = [...current];
            const from = [...new Set(picks.map((p) => pool[p % pool.length] as number))];
            const to = next++;
            for (const f of from) {
              links.push({ from: f, to });
              current.delete(f);
            }
            current.add(to);
          }
          const map = currentSuccessors(links, (id) => current.has(id));
          for (let id = 0; id < next; id++) {
            const target = regroupedAgency(map, id);
            expect(current.has(target)).toBe(true);
          }
          const recorded = figures.slice(0, next).map((value, id) => ({ id, value }));
          const regrouped = new Map<number, number>();
          for (const r of recorded) {
            const id = regroupedAgency(map, r.id);
            regrouped.set(id, (regrouped.get(id) ?? 0) + r.value);
          }
          const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
          expect(sum([...regrouped.values()])).toBe(sum(recorded.map((r) => r.value)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
