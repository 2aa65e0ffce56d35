import { describe, expect, it } from 'vitest';
import {
  arrangeRanking,
  compareToNational,
  countByStatus,
  formatAttainment,
  formatKpiValue,
  groupByPillar,
  heatBand,
  kpiExportUrls,
  kpiFiltersFromParams,
  nextTarget,
  roundFigure,
  sparklinePath,
  toCsv,
  trajectoryRows,
} from './kpi-view';

describe('KPI figures as the reader sees them', () => {
  it('shows percentages with one decimal in each language, and a dash for no figure', () => {
    expect(formatKpiValue(85.25, 'percent', 'vi')).toBe('85,3 %');
    expect(formatKpiValue(85.25, 'percent', 'en')).toBe('85.3%');
    expect(formatKpiValue(100, 'percent', 'vi')).toBe('100,0 %');
    expect(formatKpiValue(null, 'percent', 'vi')).toBe('—');
    expect(formatKpiValue(Number.NaN, 'percent', 'vi')).toBe('—');
    expect(formatKpiValue(1234, 'count', 'vi')).toBe('1.234');
  });

  it('shows attainment as a share of the target, keeping an overshoot', () => {
    expect(formatAttainment(0.5, 'vi')).toBe('50,0 %');
    expect(formatAttainment(1.2, 'en')).toBe('120.0%');
    expect(formatAttainment(null, 'vi')).toBe('—');
  });
});

describe('overview filters from the address', () => {
  it('reads known pillars and statuses', () => {
    expect(kpiFiltersFromParams(new URLSearchParams('pillar=data&status=off_track'))).toEqual({
      pillar: 'data',
      status: 'off_track',
    });
  });

  it('treats an unknown value as no filter', () => {
    expect(kpiFiltersFromParams(new URLSearchParams('pillar=x&status=bad'))).toEqual({});
    expect(kpiFiltersFromParams(new URLSearchParams(''))).toEqual({});
  });
});

describe('grouping and counting', () => {
  const items = [
    { code: 'NL-01', pillar: 'people', status: 'on_track' },
    { code: 'DV-01', pillar: 'services', status: 'off_track' },
    { code: 'DV-02', pillar: 'services', status: 'at_risk' },
    { code: 'AT-01', pillar: 'security', status: 'insufficient_data' },
  ];

  it('groups in the catalog’s pillar order and leaves empty pillars out', () => {
    const groups = groupByPillar(items);
    expect(groups.map((g) => g.pillar)).toEqual(['services', 'people', 'security']);
    expect(groups[0]?.items.map((i) => i.code)).toEqual(['DV-01', 'DV-02']);
  });

  it('counts statuses so that they add up to the total', () => {
    const { counts, total } = countByStatus(items);
    expect(counts).toEqual({ off_track: 1, at_risk: 1, on_track: 1, insufficient_data: 1 });
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(total);
  });
});

describe('sparkline', () => {
  it('draws from 0 at the bottom to 100 at the top, across the width', () => {
    expect(sparklinePath([0, 50, 100], 100, 20)).toBe('M0 20 L50 10 L100 0');
  });

  it('leaves a gap where a period has no figure', () => {
    expect(sparklinePath([10, null, 30, 40], 30, 10)).toBe('M0 9 M20 7 L30 6');
  });

  it('draws nothing without figures and a single point in the middle', () => {
    expect(sparklinePath([null, null], 100, 20)).toBe('');
    expect(sparklinePath([50], 100, 20)).toBe('M50 10');
  });

  it('stretches the scale when a value exceeds 100', () => {
    expect(sparklinePath([0, 200], 10, 10)).toBe('M0 10 L10 0');
  });
});

describe('trajectory rows', () => {
  const series = [
    { periodKey: '2026-Q1', periodEnd: '2026-03-14', value: 40, planned: 42 },
    { periodKey: '2026-Q2', periodEnd: '2026-06-14', value: 45, planned: 50 },
    { periodKey: '2026-Q3', periodEnd: '2026-09-14', value: null, planned: 58 },
  ];

  it('puts actual, planned and forecast side by side in time order, forecast starting at the last actual', () => {
    const rows = trajectoryRows(series, [
      { periodKey: '2027-Y', periodEnd: '2027-12-14', value: 70 },
      { periodKey: '2026-Q4', periodEnd: '2026-12-14', value: 52 },
    ]);
    expect(rows.map((r) => r.periodKey)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Y']);
    expect(rows[1]).toMatchObject({ actual: 45, planned: 50, forecast: 45 });
    expect(rows[2]).toMatchObject({ actual: null, planned: 58, forecast: null });
    expect(rows[3]).toMatchObject({ actual: null, planned: null, forecast: 52 });
    expect(rows[0]?.forecast).toBeNull();
  });

  it('without a forecast, has no forecast column values', () => {
    expect(trajectoryRows(series, null).every((r) => r.forecast === null)).toBe(true);
  });
});

describe('heatmap bands and targets', () => {
  it('bands a value by its share of the target', () => {
    expect(heatBand(null, 100)).toBe('none');
    expect(heatBand(100, 100)).toBe('met');
    expect(heatBand(80, 100)).toBe('high');
    expect(heatBand(60, 100)).toBe('mid');
    expect(heatBand(10, 100)).toBe('low');
    expect(heatBand(10, null)).toBe('mid');
  });

  it('picks the next target still ahead, else the last', () => {
    const targets = [
      { year: 2030, value: 99 },
      { year: 2027, value: 95 },
    ];
    expect(nextTarget(targets, 2026)).toEqual({ year: 2027, value: 95 });
    expect(nextTarget(targets, 2028)).toEqual({ year: 2030, value: 99 });
    expect(nextTarget(targets, 2031)).toEqual({ year: 2030, value: 99 });
    expect(nextTarget([], 2026)).toBeNull();
  });
});

describe('export addresses', () => {
  it('carry the format, the language and the filters', () => {
    expect(kpiExportUrls.overview('csv', 'vi', { status: 'off_track' })).toBe(
      '/export/kpis.csv?status=off_track&lang=vi',
    );
    expect(kpiExportUrls.ranking('DV-01', 'xlsx', 'en')).toBe('/export/kpis/DV-01/ranking.xlsx?lang=en');
    expect(kpiExportUrls.agency('DV-01', 7, 'csv', 'vi')).toBe('/export/kpis/DV-01/agencies/7.csv?lang=vi');
  });

  it('ask for the report to sign with the filters and the signing details given, in Vietnamese whatever the screen', () => {
    expect(kpiExportUrls.pdf()).toBe('/export/kpis.pdf');
    expect(
      kpiExportUrls.pdf(
        { pillar: 'data', status: 'at_risk' },
        { number: '5', authority: 'KT. Bộ trưởng, Chủ nhiệm', signerTitle: '', signerName: ' ' },
      ),
    ).toBe(
      '/export/kpis.pdf?pillar=data&status=at_risk&number=5&authority=KT.+B%E1%BB%99+tr%C6%B0%E1%BB%9Fng%2C+Ch%E1%BB%A7+nhi%E1%BB%87m',
    );
  });
});

describe('ranking arrangement', () => {
  const rows = [
    { nameVi: 'Thành phố Hà Nội', nameEn: 'Ha Noi City', value: 40 },
    { nameVi: 'Bộ Tài chính', nameEn: 'Ministry of Finance', value: null },
    { nameVi: 'Tỉnh An Giang', nameEn: 'An Giang Province', value: 40 },
    { nameVi: 'Đà Nẵng', nameEn: 'Da Nang City', value: 90 },
  ];

  it('sorts lowest first, ties by Vietnamese name, agencies without a figure last', () => {
    expect(arrangeRanking(rows, '', 'value-asc', 'vi').map((r) => r.nameVi)).toEqual([
      'Thành phố Hà Nội',
      'Tỉnh An Giang',
      'Đà Nẵng',
      'Bộ Tài chính',
    ]);
    expect(arrangeRanking(rows, '', 'value-desc', 'vi').map((r) => r.value)).toEqual([90, 40, 40, null]);
  });

  it('sorts by name in Vietnamese order (Đ after D, before E)', () => {
    expect(arrangeRanking(rows, '', 'name', 'vi').map((r) => r.nameVi)).toEqual([
      'Bộ Tài chính',
      'Đà Nẵng',
      'Thành phố Hà Nội',
      'Tỉnh An Giang',
    ]);
  });

  it('finds “Hà Nội” when typed “ha noi”, and does not change the input', () => {
    expect(arrangeRanking(rows, 'ha noi', 'value-asc', 'vi').map((r) => r.nameVi)).toEqual([
      'Thành phố Hà Nội',
    ]);
    expect(rows[0]?.nameVi).toBe('Thành phố Hà Nội');
  });
});

describe('agency against the national value', () => {
  it('says higher, lower, equal within the rounding shown, or not comparable', () => {
    expect(compareToNational(60, 50)).toBe('above');
    expect(compareToNational(40, 50)).toBe('below');
    expect(compareToNational(50.02, 50)).toBe('equal');
    expect(compareToNational(null, 50)).toBe('none');
    expect(compareToNational(50, null)).toBe('none');
  });
});

describe('CSV', () => {
  it('starts with a BOM, quotes what needs quoting and leaves empty figures empty', () => {
    expect(
      toCsv(
        ['Cơ quan', 'Giá trị'],
        [
          ['Bộ "A", B', 12.5],
          ['C', null],
        ],
      ),
    ).toBe('\uFEFFCơ quan,Giá trị\r\n"Bộ ""A"", B",12.5\r\nC,\r\n');
    expect(roundFigure(33.333)).toBe(33.3);
    expect(roundFigure(null)).toBeNull();
  });
});
