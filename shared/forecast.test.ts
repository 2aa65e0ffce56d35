import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  completedPace,
  FLAG_DAYS,
  forecastCompletion,
  forecastFromSummary,
  MIN_SIMILAR,
  medianPace,
  paceFromSums,
  summariseProgress,
} from './forecast';

describe('forecastCompletion', () => {
  const steady = [
    { on: '2026-01-21', percent: 20 },
    { on: '2026-02-10', percent: 40 },
  ];

  it("projects the task's own pace from today: 1 point a day, 60 left, 11 days after the deadline", () => {
    const f = forecastCompletion({
      points: steady,
      startedOn: '2026-01-01',
      deadline: '2026-03-31',
      today: '2026-02-10',
      similar: { pace: 5, tasks: 40 },
    });
    expect(f).toMatchObject({
      method: 'own',
      expectedOn: '2026-04-11',
      lateByDays: 11,
      basis: 2,
      flagged: true,
    });
    expect(f.pacePerWeek).toBeCloseTo(7, 6);
  });

  it('does not flag a task whose pace brings it in before its deadline, or within the margin', () => {
    const early = forecastCompletion({
      points: steady,
      startedOn: '2026-01-01',
      deadline: '2026-05-01',
      today: '2026-02-10',
      similar: null,
    });
    expect(early).toMatchObject({ lateByDays: -20, flagged: false });
    const margin = forecastCompletion({
      points: steady,
      startedOn: '2026-01-01',
      deadline: `2026-04-0${11 - FLAG_DAYS + 1}`,
      today: '2026-02-10',
      similar: null,
    });
    expect(margin).toMatchObject({ lateByDays: FLAG_DAYS - 1, flagged: false });
  });

  it('flags a task whose reports have not moved for the last months: no date, not moving', () => {
    const f = forecastCompletion({
      points: [
        { on: '2025-12-20', percent: 40 },
        { on: '2026-01-20', percent: 40 },
        { on: '2026-02-20', percent: 40 },
      ],
      startedOn: '2025-06-01',
      deadline: '2026-12-31',
      today: '2026-03-01',
      similar: { pace: 1, tasks: 10 },
    });
    expect(f).toMatchObject({ method: 'own', expectedOn: null, lateByDays: null, flagged: true });
  });

  it('uses similar tasks when the task has too few reports, from today for what is left', () => {
    const f = forecastCompletion({
      points: [{ on: '2026-02-01', percent: 50 }],
      startedOn: '2026-01-01',
      deadline: '2026-03-01',
      today: '2026-02-10',
      similar: { pace: 0.5, tasks: 12 },
    });
    expect(f).toMatchObject({ method: 'similar', expectedOn: '2026-05-21', basis: 12, flagged: true });
  });

  it('says nothing without reports or similar tasks, and never reads reports after today', () => {
    expect(
      forecastCompletion({
        points: [],
        startedOn: '2026-01-01',
        deadline: '2026-03-01',
        today: '2026-02-10',
        similar: null,
      }),
    ).toMatchObject({ method: 'none', expectedOn: null, flagged: false });
    const withFuture = forecastCompletion({
      points: [...steady, { on: '2026-02-20', percent: 100 }],
      startedOn: '2026-01-01',
      deadline: '2026-03-31',
      today: '2026-02-10',
      similar: null,
    });
    expect(withFuture.expectedOn).toBe('2026-04-11');
  });
});

describe('similar tasks', () => {
  it("counts a completed task's pace over its days, and takes the median of at least MIN_SIMILAR", () => {
    expect(completedPace('2026-01-01', '2026-04-11')).toBe(1);
    expect(completedPace('2026-01-01', '2026-01-01')).toBe(100);
    expect(medianPace([1, 2, 3, 4, 5].slice(0, MIN_SIMILAR - 1))).toBeNull();
    expect(medianPace([1, 2, 3, 4, 5])).toBe(3);
    expect(medianPace([1, 2, 3, 4, 5, 6])).toBe(3.5);
  });
});

describe('the forecast from sums (the escalation job sums in SQL what the task page sums here)', () => {
  /** Least squares as a statistician writes it: through the means. */
  function centredPace(points: readonly { x: number; y: number }[]): number | null {
    if (points.length < 2) return null;
    const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
    const my = points.reduce((s, p) => s + p.y, 0) / points.length;
    let cov = 0;
    let variance = 0;
    for (const p of points) {
      cov += (p.x - mx) * (p.y - my);
      variance += (p.x - mx) ** 2;
    }
    return variance === 0 ? null : cov / variance;
  }

  it('gives the least-squares pace through the points, null for fewer than two distinct days', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: -2000, max: 0 }), y: fc.integer({ min: 0, max: 100 }) }), {
          maxLength: 60,
        }),
        (points) => {
          const sums = points.reduce(
            (s, p) => ({
              n: s.n + 1,
              sx: s.sx + p.x,
              sy: s.sy + p.y,
              sxx: s.sxx + p.x * p.x,
              sxy: s.sxy + p.x * p.y,
            }),
            { n: 0, sx: 0, sy: 0, sxx: 0, sxy: 0 },
          );
          const expected = centredPace(points);
          const pace = paceFromSums(sums);
          if (expected === null) expect(pace).toBeNull();
          else expect(pace).toBeCloseTo(expected, 9);
        },
      ),
    );
  });

  it('summarises reports up to its day only: the latest percent, the span, the last 90 days apart', () => {
    const summary = summariseProgress(
      [
        { on: '2026-01-01', percent: 10 },
        { on: '2026-05-01', percent: 30 },
        { on: '2026-06-10', percent: 35 },
        { on: '2026-06-11', percent: 90 },
      ],
      '2026-06-10',
    );
    expect(summary).toMatchObject({ reports: 3, spanDays: 160, current: 35 });
    expect(summary.recent).toEqual({ n: 2, sx: -40, sy: 65, sxx: 1600, sxy: -1200 });
    expect(summary.all.n).toBe(3);
  });

  it('flags from the threshold it is given (the escalation rule’s), the same forecast otherwise', () => {
    const input = {
      points: [
        { on: '2026-01-21', percent: 20 },
        { on: '2026-02-10', percent: 40 },
      ],
      startedOn: '2026-01-01',
      deadline: '2026-03-31',
      today: '2026-02-10',
      similar: null,
    };
    expect(forecastCompletion(input)).toMatchObject({ lateByDays: 11, flagged: true });
    expect(forecastCompletion({ ...input, flagDays: 12 })).toMatchObject({ lateByDays: 11, flagged: false });
    expect(
      forecastFromSummary({ ...input, summary: summariseProgress(input.points, input.today), flagDays: 11 }),
    ).toEqual(forecastCompletion({ ...input, flagDays: 11 }));
  });
});
