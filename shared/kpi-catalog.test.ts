import { describe, expect, it } from 'vitest';
import { kpiDefinition, kpiSource, REPORTS_ON_TIME, SYSTEM_INDICATORS } from './kpi-catalog';
import { KPI_CODE_PATTERN } from './kpi-vocabulary';

describe('KPI sources', () => {
  it('maps the catalog codes to where their values come from', () => {
    expect(kpiSource('DV-01')).toBe('share');
    expect(kpiSource('DL-01')).toBe('agency_condition');
    expect(kpiSource('VH-05')).toBe('agency_condition');
    expect(['DL-04', 'DL-05', 'DL-06'].map(kpiSource)).toEqual(['maturity', 'maturity', 'maturity']);
    // VH-03 (regimes run through the Reporting Information System) is reported by the agencies.
    expect(kpiSource('VH-03')).toBe('share');
    expect(kpiSource('VH-04')).toBe('system');
  });
});

describe('KPI definitions', () => {
  it('say how each kind is computed, with the maturity threshold', () => {
    expect(kpiDefinition('DV-01').en).toContain('never a mean of percentages');
    expect(kpiDefinition('VH-03').en).toContain(
      'Reporting regimes carried out through the Reporting Information System',
    );
    expect(kpiDefinition('VH-04').en).toContain('Tasks followed in the system');
    expect(kpiDefinition('DL-05').en).toContain('Threshold: level 4 or above.');
    expect(kpiDefinition('DL-06').vi).toContain('Ngưỡng: mức 5.');
  });
});

describe('system indicators', () => {
  it('name exactly what they count', () => {
    const codes = SYSTEM_INDICATORS.map((i) => i.code);
    expect(codes).toEqual([REPORTS_ON_TIME]);
    const onTime = SYSTEM_INDICATORS[0];
    expect(onTime?.name.en).toBe('Periodic reports submitted on time through the system');
    expect(onTime?.definition.en).toContain('Late reports do not count');
    expect(onTime?.code).toMatch(KPI_CODE_PATTERN);
  });
});
