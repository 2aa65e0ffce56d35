import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AgencyLink,
  currentSuccessors,
  regroupedAgency,
  regroupFigures,
  type UnitFigure,
} from './agency-lineage';

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

const figure = (agencyId: number, periodKey: string, numerator: number, denominator: number): UnitFigure => ({
  agencyId,
  periodKey,
  periodEnd: `${periodKey.slice(0, 4)}-12-31`,
  numerator,
  denominator,
  value: denominator > 0 ? (100 * numerator) / denominator : null,
  level: 3,
  submissionId: agencyId * 100,
});

describe("KPI figures re-aggregated to today's units", () => {
  it("adds the former units' figures to their successor as Σ numerators / Σ denominators, period by period", () => {
    // 1 and 2 merged into 3 (2024 figures under 1 and 2, 2026 under 3); 4 untouched.
    const successors = new Map([
      [1, 3],
      [2, 3],
    ]);
    const { figures, formerUnits } = regroupFigures(
      [figure(1, '2024', 1, 4), figure(2, '2024', 9, 16), figure(3, '2026', 5, 10), figure(4, '2024', 2, 2)],
      successors,
    );
    const at = (id: number, period: string) =>
      figures.find((f) => f.agencyId === id && f.periodKey === period);
    // 10 of 20, not the mean of 25 % and 56.25 %.
    expect(at(3, '2024')).toMatchObject({
      numerator: 10,
      denominator: 20,
      value: 50,
      level: null,
      submissionId: null,
    });
    expect(at(3, '2026')).toMatchObject({
      numerator: 5,
      denominator: 10,
      value: 50,
      level: 3,
      submissionId: 300,
    });
    expect(at(4, '2024')).toMatchObject({ numerator: 2, denominator: 2, value: 100, submissionId: 400 });
    expect(figures.some((f) => f.agencyId === 1 || f.agencyId === 2)).toBe(false);
    expect(formerUnits.get(3)).toBe(2);
    expect(formerUnits.has(4)).toBe(false);
  });

  it('changes nothing without successors (as recorded)', () => {
    const recorded = [figure(1, '2024', 1, 4), figure(2, '2025', 3, 0)];
    const { figures, formerUnits } = regroupFigures(recorded, new Map());
    expect(figures).toEqual(recorded);
    expect(formerUnits.size).toBe(0);
  });

  it("for any figures and any merger map, keeps every period's national Σ and leaves no former unit a row", () => {
    const unit = fc.integer({ min: 0, max: 9 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(unit, fc.constantFrom('2024', '2025', '2026'), fc.nat(50), fc.nat(50)), {
          maxLength: 40,
        }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 5, max: 9 })), { maxLength: 5 }),
        (rows, merges) => {
          const successors = new Map(merges);
          const recorded = rows.map(([id, period, n, extra]) => figure(id, period, n, n + extra));
          const { figures } = regroupFigures(recorded, successors);
          for (const period of ['2024', '2025', '2026']) {
            const sum = (list: UnitFigure[]) =>
              list
                .filter((f) => f.periodKey === period)
                .reduce((acc, f) => ({ n: acc.n + f.numerator, d: acc.d + f.denominator }), { n: 0, d: 0 });
            expect(sum(figures)).toEqual(sum(recorded));
          }
          for (const f of figures) expect(successors.has(f.agencyId)).toBe(false);
          // One row per unit and period.
          const keys = figures.map((f) => `${f.agencyId}|${f.periodKey}`);
          expect(new Set(keys).size).toBe(keys.length);
        },
      ),
    );
  });
});
