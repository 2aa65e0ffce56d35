import { describe, expect, it } from 'vitest';
import { kpiDefinition, kpiSource } from './kpi-catalog';

describe('KPI sources', () => {
  it('maps the catalog codes to where their values come from', () => {
    expect(kpiSource('DV-01')).toBe('share');
    expect(kpiSource('DL-01')).toBe('agency_condition');
    expect(kpiSource('VH-05')).toBe('agency_condition');
    expect(['DL-04', 'DL-05', 'DL-06'].map(kpiSource)).toEqual(['maturity', 'maturity', 'maturity']);
    expect(kpiSource('VH-03')).toBe('system');
    expect(kpiSource('VH-04')).toBe('system');
  });
});

describe('KPI definitions', () => {
  it('say how each kind is computed, with the maturity threshold', () => {
    expect(kpiDefinition('DV-01').en).toContain('never a mean of percentages');
    expect(kpiDefinition('VH-03').en).toContain('Reports submitted through the system');
    expect(kpiDefinition('DL-05').en).toContain('Threshold: level 4 or above.');
    expect(kpiDefinition('DL-06').vi).toContain('Ngưỡng: mức 5.');
  });
});
