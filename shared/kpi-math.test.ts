import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agencySharesAtPeriods,
  aggregateShare,
  coverageOf,
  DEFAULT_COVERAGE_FLOOR,
  FORECAST_METHOD,
  figuresFromValues,
  forecastSeries,
  isPublishedPeriod,
  kpiStatus,
  leastSquares,
  periodCounts,
  plannedValue,
  splitProvisional,
  summariseSeries,
  targetDate,
  trendOf,
  yearsOf,
} from './kpi-math';
import { periodOf } from './reporting-periods';

const q = (year: number, index: number) => periodOf('quarter', year, index);
/** A quarterly series from 2026-Q1 with the given values. */
function series(values: (number | null)[]) {
  return values.map((value, i) => {
    const p = q(2026 + Math.floor(i / 4), (i % 4) + 1);
    return { periodKey: p.key, periodEnd: p.end, value };
  });
}

describe('figures from a submission', () => {
  const fields = [
    { code: 'dv_01_num', kpiCode: 'DV-01', kpiRole: 'numerator' as const },
    { code: 'dv_01_den', kpiCode: 'DV-01', kpiRole: 'denominator' as const },
    { code: 'nl_01_num', kpiCode: 'NL-01', kpiRole: 'numerator' as const },
    { code: 'nl_01_den', kpiCode: 'NL-01', kpiRole: 'denominator' as const },
    { code: 'dl_01_open_data', kpiCode: 'DL-01', kpiRole: null },
    { code: 'data_maturity_level', kpiCode: 'DL-04', kpiRole: null },
    { code: 'notes', kpiCode: null, kpiRole: null },
  ];

  it('turns numerator/denominator, 0/1 conditions and the maturity level into figures', () => {
    const figures = figuresFromValues(fields, {
      dv_01_num: 30,
      dv_01_den: 40,
      nl_01_num: 0,
      nl_01_den: 0,
      dl_01_open_data: 1,
      data_maturity_level: 4,
      notes: 'x',
    });
    const by = Object.fromEntries(figures.map((f) => [f.kpiCode, f]));
    expect(by['DV-01']).toEqual({ kpiCode: 'DV-01', numerator: 30, denominator: 40, value: 75, level: null });
    expect(by['NL-01']?.value).toBeNull();
    expect(by['DL-01']).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
    // Level 4: at level 3 or above and 4 or above, not at level 5.
    expect([by['DL-04'], by['DL-05'], by['DL-06']].map((f) => [f?.numerator, f?.level])).toEqual([
      [1, 4],
      [1, 4],
      [0, 4],
    ]);
  });

  it('gives no figure for a KPI whose numbers are missing', () => {
    const figures = figuresFromValues(fields, { dv_01_num: 3, dl_01_open_data: null });
    expect(figures.map((f) => f.kpiCode)).toEqual([]);
  });
});

describe('national aggregation', () => {
  it('is Σ numerators / Σ denominators, not the mean of percentages', () => {
    // Agency A 1/1 = 100 %, agency B 10/100 = 10 %: mean of percentages would say 55 %.
    const agg = aggregateShare([
      { numerator: 1, denominator: 1 },
      { numerator: 10, denominator: 100 },
    ]);
    expect(agg.numerator).toBe(11);
    expect(agg.denominator).toBe(101);
    expect(agg.value).toBeCloseTo(10.891, 3);
    expect(agg.agencies).toBe(2);
  });

  it('has no value when nothing is reported', () => {
    expect(aggregateShare([]).value).toBeNull();
    expect(aggregateShare([{ numerator: 0, denominator: 0 }]).value).toBeNull();
  });

  it('equals the percentage of the sums for any figures (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 })).map(([n, d]) => ({
            numerator: Math.min(n, d),
            denominator: d,
          })),
          { minLength: 1, maxLength: 30 },
        ),
        (rows) => {
          const agg = aggregateShare(rows);
          const n = rows.reduce((s, r) => s + r.numerator, 0);
          const d = rows.reduce((s, r) => s + r.denominator, 0);
          expect(agg.value).toBeCloseTo((100 * n) / d, 9);
          expect(agg.value ?? -1).toBeGreaterThanOrEqual(0);
          expect(agg.value ?? 101).toBeLessThanOrEqual(100);
        },
      ),
    );
  });

  it('counts agencies for "share of agencies that…", over all obliged agencies, latest statement carried', () => {
    const periods = [q(2026, 1), q(2026, 2), q(2026, 3)];
    const result = agencySharesAtPeriods(
      periods,
      [1, 2, 3, 4],
      [
        { agencyId: 1, periodEnd: q(2026, 1).end, met: true },
        { agencyId: 2, periodEnd: q(2026, 1).end, met: false },
        { agencyId: 2, periodEnd: q(2026, 2).end, met: true },
        { agencyId: 3, periodEnd: q(2026, 3).end, met: true },
        { agencyId: 1, periodEnd: q(2026, 3).end, met: false },
        // not obliged: ignored
        { agencyId: 9, periodEnd: q(2026, 1).end, met: true },
      ],
    );
    // [period, met, obliged, stated in the period, carried from an earlier one]
    expect(
      result.map((r) => [r.periodKey, r.numerator, r.denominator, r.agencies, r.carriedForward]),
    ).toEqual([
      ['2026-Q1', 1, 4, 2, 0],
      ['2026-Q2', 2, 4, 1, 1],
      ['2026-Q3', 2, 4, 2, 1],
    ]);
    expect(result[0]?.value).toBe(25);
  });
});

describe('coverage: which periods count', () => {
  // Quarterly report: deadline the 20th of the quarter's last month (the cut-off is the 14th).
  const facts = (index: number, agencies: number, obliged = 59) => {
    const p = q(2026, index);
    return { periodKey: p.key, periodEnd: p.end, agencies, obliged, closesOn: `${p.end.slice(0, 8)}20` };
  };

  it('N of M as a percentage, none without obliged agencies', () => {
    expect(coverageOf(33, 59)).toBeCloseTo(55.93, 2);
    expect(coverageOf(3, 0)).toBeNull();
    expect(coverageOf(3, null)).toBeNull();
  });

  it('a period counts once its deadline has passed, or once its coverage reaches the floor', () => {
    const q4 = facts(4, 1);
    expect(periodCounts(q4, 80, '2026-12-06')).toBe(false);
    // On the deadline day itself agencies may still report: not closed yet.
    expect(periodCounts(q4, 80, '2026-12-20')).toBe(false);
    expect(periodCounts(q4, 80, '2026-12-21')).toBe(true);
    expect(periodCounts(facts(4, 47), 80, '2026-12-06')).toBe(false); // 79.7 %
    expect(periodCounts(facts(4, 48), 80, '2026-12-06')).toBe(true); // 81.4 %
    expect(periodCounts(q4, 1, '2026-12-06')).toBe(true); // 1.7 % over a 1 % floor
    // A system-computed period awaits nobody.
    expect(periodCounts({ ...q4, obliged: null, closesOn: null }, 80, '2026-12-06')).toBe(true);
    expect(DEFAULT_COVERAGE_FLOOR).toBe(80);
  });

  it('one early report of an open quarter stays provisional: the closed quarter before stays the value', () => {
    const periods = [facts(1, 50), facts(2, 45), facts(3, 33), facts(4, 1)];
    const { counted, provisional } = splitProvisional(periods, 80, '2026-12-06');
    expect(counted.map((p) => p.periodKey)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(counted.every((p) => p.closed)).toBe(true);
    expect(provisional).toMatchObject({ periodKey: '2026-Q4', agencies: 1, obliged: 59, closed: false });
    expect(provisional?.coverage).toBeCloseTo(100 / 59, 9);
    // The deadline passes: Q4 counts, whatever its coverage.
    const later = splitProvisional(periods, 80, '2026-12-21');
    expect(later.counted.map((p) => p.periodKey)).toContain('2026-Q4');
    expect(later.provisional).toBeNull();
    // Coverage reaches the floor before the deadline: Q4 counts, not closed.
    const covered = splitProvisional([...periods.slice(0, 3), facts(4, 48)], 80, '2026-12-06');
    expect(covered.counted.at(-1)).toMatchObject({ periodKey: '2026-Q4', closed: false });
    expect(covered.provisional).toBeNull();
  });

  it('the provisional period is the newest after the last one that counts; the trend ignores it', () => {
    const periods = [facts(1, 50), facts(2, 45), facts(3, 33), facts(4, 1)];
    const { counted, provisional } = splitProvisional(periods, 80, '2026-12-06');
    const values = [60, 65, 74.4];
    const summary = summariseSeries(
      counted.map((p, i) => ({ periodKey: p.periodKey, periodEnd: p.periodEnd, value: values[i] ?? null })),
      [{ year: 2027, value: 100 }],
    );
    expect(summary.series.map((p) => p.periodKey)).not.toContain(provisional?.periodKey);
    expect(splitProvisional([], 80, '2026-12-06')).toEqual({ counted: [], provisional: null });
    // Nothing counts yet (the Program's first quarter, still open): all of it is provisional.
    const first = splitProvisional([facts(1, 2)], 80, '2026-03-01');
    expect(first.counted).toEqual([]);
    expect(first.provisional?.periodKey).toBe('2026-Q1');
  });
});

describe('planned trajectory', () => {
  const baseline = { date: '2026-03-14', value: 40 };

  it('runs straight from the baseline to the target, then from target to target', () => {
    const targets = [
      { year: 2027, value: 95 },
      { year: 2030, value: 99 },
    ];
    expect(plannedValue(baseline, targets, '2026-03-14')).toBe(40);
    expect(plannedValue(baseline, targets, targetDate(2027))).toBeCloseTo(95, 9);
    expect(plannedValue(baseline, targets, targetDate(2030))).toBeCloseTo(99, 9);
    // Halfway in time between baseline and the 2027 target: halfway in value.
    const mid = new Date((Date.parse('2026-03-14') + Date.parse(targetDate(2027))) / 2)
      .toISOString()
      .slice(0, 10);
    expect(plannedValue(baseline, targets, mid)).toBeCloseTo(67.5, 0);
    expect(plannedValue(baseline, targets, '2031-06-14')).toBe(99);
    expect(plannedValue(baseline, targets, '2025-12-14')).toBeNull();
  });

  it('a target year ends at the yearly report cut-off, 14 December', () => {
    expect(targetDate(2027)).toBe('2027-12-14');
  });
});

describe('least-squares forecast', () => {
  it('fits a straight line exactly', () => {
    const fit = leastSquares([
      { x: 0, y: 1 },
      { x: 1, y: 3 },
      { x: 2, y: 5 },
    ]);
    expect(fit?.a).toBeCloseTo(1, 9);
    expect(fit?.b).toBeCloseTo(2, 9);
  });

  it('matches the hand-computed fit of a noisy series', () => {
    // x = 0,1,2,3; y = 1,2,2,4: slope = Σ(x−1.5)(y−2.25)/Σ(x−1.5)² = 4.5/5 = 0.9, intercept 2.25 − 1.35 = 0.9.
    const fit = leastSquares([0, 1, 2, 3].map((x, i) => ({ x, y: [1, 2, 2, 4][i] ?? 0 })));
    expect(fit?.b).toBeCloseTo(0.9, 9);
    expect(fit?.a).toBeCloseTo(0.9, 9);
  });

  it('extrapolates the trend to each target year, bounded to 0–100', () => {
    const s = series([40, 45, 50, 55]);
    const f = forecastSeries(s, [2027, 2030]);
    expect(f).not.toBeNull();
    // Quarter ends are ~0.25 year apart, so about +20 points a year from 55 at 2026-12-14.
    const perYear = 5 / ((yearsOf(q(2026, 4).end) - yearsOf(q(2026, 1).end)) / 3);
    expect(f?.byTargetYear[0]?.value).toBeCloseTo(
      55 + perYear * (yearsOf('2027-12-14') - yearsOf(q(2026, 4).end)),
      1,
    );
    expect(f?.byTargetYear[1]?.value).toBe(100);
    expect(f?.points[0]?.periodKey).toBe('2026-Q4');
    expect(f?.points.at(-1)?.periodKey).toBe('2030-Q4');
    expect(f?.method.vi).toContain('bình phương tối thiểu');
  });

  it('uses only the last 8 periods with figures', () => {
    // An early collapse followed by 8 flat periods: the forecast is flat.
    const s = series([100, 90, 80, 10, 10, 10, 10, 10, 10, 10, 10]);
    expect(forecastSeries(s, [2030])?.byTargetYear[0]?.value).toBeCloseTo(10, 9);
  });

  it('refuses to guess with fewer than 3 periods', () => {
    expect(forecastSeries(series([40, 50]), [2027])).toBeNull();
    expect(forecastSeries(series([40, null, 50]), [2027])).toBeNull();
  });
});

describe('status rule on constructed series', () => {
  const targets = [{ year: 2027, value: 100 }];
  const statusOf = (values: (number | null)[], t = targets) => summariseSeries(series(values), t).status;

  it('rising fast enough is on track', () => {
    expect(statusOf([40, 50, 60, 70])).toBe('on_track');
  });

  it('already at the target is on track', () => {
    expect(statusOf([100, 100, 100])).toBe('on_track');
  });

  it('flat well below the target is off track', () => {
    expect(statusOf([50, 50, 50, 50])).toBe('off_track');
  });

  it('falling is off track', () => {
    expect(statusOf([70, 65, 60, 55])).toBe('off_track');
  });

  it('rising but ending a little short is at risk', () => {
    // +3 a quarter, 80 at 2026-Q3: about 95 by 14/12/2027 — short of 100 but ≥ 90 % of it.
    expect(statusOf([74, 77, 80])).toBe('at_risk');
  });

  it('too little data says so', () => {
    const result = summariseSeries(series([40, 60]), targets);
    expect(result.status).toBe('insufficient_data');
    expect(result.statusReason.vi).toContain('Chưa đủ số liệu');
    expect(result.forecast).toBeNull();
    expect(statusOf([])).toBe('insufficient_data');
  });

  it('judges against the nearest target not yet past', () => {
    const two = [
      { year: 2027, value: 50 },
      { year: 2030, value: 100 },
    ];
    // 2027 target of 50 already met: on track for the nearest target.
    expect(statusOf([50, 52, 54], two)).toBe('on_track');
  });

  it('on or above the plan but trending short is at risk', () => {
    const s = series([10, 30, 50]).map((p) => ({ ...p, planned: 40 }));
    const { status } = kpiStatus({
      series: s,
      targets: [{ year: 2027, value: 100 }],
      forecast: { method: { vi: '', en: '' }, byTargetYear: [{ year: 2027, value: 60 }], points: [] },
    });
    expect(status).toBe('at_risk');
  });

  it('writes the figures in each language, as the screens do', () => {
    const { reason } = kpiStatus({
      series: series([10, 30, 52.7]).map((p) => ({ ...p, planned: null })),
      targets: [{ year: 2027, value: 100 }],
      forecast: { method: { vi: '', en: '' }, byTargetYear: [{ year: 2027, value: 60.25 }], points: [] },
    });
    expect(reason.vi).toBe(
      'Dự báo 60,3 % vào 2027, dưới 90 % mục tiêu 100 % (2027), và đang thấp hơn lộ trình kế hoạch.',
    );
    expect(reason.en).toBe(
      'Forecast 60.3% in 2027, below 90% of the target 100% (2027), and under the planned path.',
    );
    expect(FORECAST_METHOD.vi).toContain('0–100 %');
    expect(FORECAST_METHOD.en).toContain('0–100%');
  });

  it('attainment is the latest value over each target', () => {
    const result = summariseSeries(series([40, 45, 50]), [
      { year: 2027, value: 95 },
      { year: 2030, value: 99 },
    ]);
    expect(result.attainment[0]?.ratio).toBeCloseTo(50 / 95, 9);
    expect(result.baseline).toEqual({ periodKey: '2026-Q1', value: 40 });
    expect(result.series[0]?.planned).toBe(40);
  });
});

describe('agency trend', () => {
  it('compares with the previous figure', () => {
    expect(trendOf(50, 40)).toBe('up');
    expect(trendOf(40, 50)).toBe('down');
    expect(trendOf(50, 50)).toBe('flat');
    expect(trendOf(50, null)).toBeNull();
  });
});

describe('isPublishedPeriod (what the public portal may show)', () => {
  it.each([
    // [closesOn, periodEnd, today, published]
    ['2026-09-21', '2026-09-14', '2026-09-22', true],
    ['2026-09-21', '2026-09-14', '2026-09-21', false], // the deadline day itself: still open
    ['2026-12-21', '2026-12-14', '2026-12-07', false], // the quarter under way
    [null, '2026-09-14', '2026-09-15', true], // system KPI: the period is over
    [null, '2026-12-14', '2026-12-07', false], // system KPI: the quarter under way
    [null, '2026-12-14', '2026-12-14', false], // its last day
  ] as const)('closes %s, ends %s, on %s: %s', (closesOn, periodEnd, today, published) => {
    expect(isPublishedPeriod({ closesOn, periodEnd }, today)).toBe(published);
  });
});
