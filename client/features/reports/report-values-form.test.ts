import { describe, expect, it } from 'vitest';
import type { TemplateField } from '../../../shared/report-values';
import { templateField } from './report-form-fixtures';
import { groupFields, ratioOf } from './report-values-form';

const shape = (fields: TemplateField[]) =>
  groupFields(fields).map((g) =>
    g.kind === 'share' ? `${g.kpiCode}:${g.numerator.code}/${g.denominator.code}` : g.field.code,
  );

describe('groupFields', () => {
  it('puts each pair at its first field, numerator before denominator, the rest in order', () => {
    const fields = [
      templateField('a'),
      templateField('x_den', { kpiCode: 'X', kpiRole: 'denominator' }),
      templateField('b'),
      templateField('x_num', { kpiCode: 'X', kpiRole: 'numerator' }),
      templateField('y_num', { kpiCode: 'Y', kpiRole: 'numerator' }),
      templateField('y_den', { kpiCode: 'Y', kpiRole: 'denominator' }),
    ];
    expect(shape(fields)).toEqual(['a', 'X:x_num/x_den', 'b', 'Y:y_num/y_den']);
  });

  it('leaves alone what has nothing to divide: half a pair, a KPI field without a role, a second numerator', () => {
    const fields = [
      templateField('lone', { kpiCode: 'L', kpiRole: 'numerator' }),
      templateField('level', { kpiCode: 'DL-04' }),
      templateField('x_num', { kpiCode: 'X', kpiRole: 'numerator' }),
      templateField('x_num2', { kpiCode: 'X', kpiRole: 'numerator' }),
      templateField('x_den', { kpiCode: 'X', kpiRole: 'denominator' }),
    ];
    expect(shape(fields)).toEqual(['lone', 'level', 'X:x_num/x_den', 'x_num2']);
  });
});

describe('ratioOf', () => {
  it('reads typed figures the reader’s way and divides as the national figures do', () => {
    expect(ratioOf('1.000', '1.250', 'vi')).toBeCloseTo(80);
    expect(ratioOf('1,000', '1,250', 'en')).toBeCloseTo(80);
    expect(ratioOf('12,5', '50', 'vi')).toBeCloseTo(25);
    expect(ratioOf(3, 4, 'vi')).toBeCloseTo(75);
  });

  it('gives no rate without both figures or over 0', () => {
    expect(ratioOf('', '10', 'vi')).toBeNull();
    expect(ratioOf('5', '0', 'vi')).toBeNull();
    expect(ratioOf('12e', '10', 'vi')).toBeNull();
    expect(ratioOf(null, 10, 'vi')).toBeNull();
  });
});
