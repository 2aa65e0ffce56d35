import { describe, expect, it } from 'vitest';
import { completedPace, FLAG_DAYS, forecastCompletion, MIN_SIMILAR, medianPace } from './forecast';

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
