import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../lib/i18n/i18n';
import { renderTranslated, resetAfterEach } from '../test/render';
import { joinMonth, MonthField, monthFieldYears, splitMonth } from './month-field';

describe('month values', () => {
  it('splits and joins YYYY-MM', () => {
    expect(splitMonth('2026-11')).toEqual({ year: 2026, month: 11 });
    expect(splitMonth('2026-01')).toEqual({ year: 2026, month: 1 });
    expect(joinMonth(2026, 3)).toBe('2026-03');
    for (const text of ['2026-13', '2026-1', '11/2026', '']) expect(splitMonth(text)).toBeNull();
    for (let month = 1; month <= 12; month++)
      expect(splitMonth(joinMonth(2027, month))).toEqual({ year: 2027, month });
  });

  it('offers the years asked for, and the chosen one even outside them', () => {
    expect(monthFieldYears(2025, 2027, 2026)).toEqual([2025, 2026, 2027]);
    expect(monthFieldYears(2025, 2026, 2031)).toEqual([2025, 2026, 2031]);
    expect(monthFieldYears(2025, 2025, null)).toEqual([2025]);
  });
});

function Picker({ onChange }: { onChange: (value: string) => void }) {
  const [value, setValue] = useState('2026-11');
  return (
    <MonthField
      legend="Tháng báo cáo"
      value={value}
      fromYear={2025}
      toYear={2027}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
    />
  );
}

describe('MonthField', () => {
  resetAfterEach();

  it('names the chosen month as people say it, and changes month and year apart', () => {
    const onChange = vi.fn();
    renderTranslated(<Picker onChange={onChange} />);
    expect(screen.getByRole('group', { name: 'Tháng báo cáo' })).toBeTruthy();
    expect(screen.getByText('Tháng 11/2026')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Tháng' }) as HTMLSelectElement).value).toBe('11');
    fireEvent.change(screen.getByRole('combobox', { name: 'Tháng' }), { target: { value: '2' } });
    expect(onChange).toHaveBeenLastCalledWith('2026-02');
    fireEvent.change(screen.getByRole('combobox', { name: 'Năm' }), { target: { value: '2025' } });
    expect(onChange).toHaveBeenLastCalledWith('2025-02');
    expect(screen.getByText('Tháng 02/2025')).toBeTruthy();
  });

  it('speaks English when asked', async () => {
    await i18n.changeLanguage('en');
    renderTranslated(<Picker onChange={() => undefined} />);
    expect(screen.getByText('November 2026')).toBeTruthy();
    expect(screen.getByRole('option', { name: 'March' })).toBeTruthy();
  });
});
