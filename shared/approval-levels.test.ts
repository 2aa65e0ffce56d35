import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deciderOf, isAddableField, officeObligation, provinceFigure } from './approval-levels';

describe('the approval chain', () => {
  it('sends a commune’s report to its province under the province chain, everything else to the Office', () => {
    const chains = ['office', 'province_then_office'] as const;
    const agencies = [
      { level: 'commune', parentId: 5 },
      { level: 'provincial', parentId: null },
      { level: 'central', parentId: null },
    ];
    for (const approval of chains) {
      for (const agency of agencies) {
        expect(deciderOf({ approval }, agency)).toEqual(
          approval === 'province_then_office' && agency.level === 'commune'
            ? { by: 'province', agencyId: 5 }
            : { by: 'office' },
        );
      }
    }
  });
  it('has the Office expect the provinces under the province chain, the obliged agencies otherwise', () => {
    const obligation = { levels: ['commune' as const] };
    expect(officeObligation({ approval: 'province_then_office', obligation })).toEqual({
      levels: ['provincial'],
    });
    expect(officeObligation({ approval: 'office', obligation })).toBe(obligation);
  });
  it('adds up counts, amounts and KPI shares, never a percent or a 0/1 condition', () => {
    expect(isAddableField({ type: 'integer', kpiCode: null, kpiRole: null })).toBe(true);
    expect(isAddableField({ type: 'decimal', kpiCode: 'DV-01', kpiRole: 'numerator' })).toBe(true);
    expect(isAddableField({ type: 'percent', kpiCode: null, kpiRole: null })).toBe(false);
    expect(isAddableField({ type: 'integer', kpiCode: 'DL-01', kpiRole: null })).toBe(false);
  });
});

describe('provinceFigure', () => {
  const fields = [
    { code: 'n', type: 'integer' as const },
    { code: 'd', type: 'decimal' as const },
    { code: 't', type: 'text' as const },
  ];
  it('sums each number field, leaves text empty and an unfilled field empty, not zero', () => {
    expect(provinceFigure(fields, [{ n: 2, d: 0.1 }, { n: 3, d: 0.2, t: 'x' }, { n: null }], 5)).toEqual({
      values: { n: 5, d: 0.3, t: '' },
      accepted: 3,
      expected: 5,
    });
    expect(provinceFigure(fields, [], 4).values).toEqual({ n: null, d: null, t: '' });
  });
  it('is the sum over any order of reports (a share is Σ numerators / Σ denominators)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ n: fc.nat(10_000), d: fc.nat(10_000) })), (rows) => {
        const figure = provinceFigure(fields, rows, rows.length);
        const reversed = provinceFigure(fields, [...rows].reverse(), rows.length);
        expect(figure.values).toEqual(reversed.values);
        expect(figure.values.n).toBe(rows.length ? rows.reduce((s, r) => s + r.n, 0) : null);
      }),
    );
  });
});
