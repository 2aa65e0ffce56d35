import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n/i18n';
import { OverdueByMonth, StatusBreakdown } from './breakdowns';

// The real charts need a layout engine; the data table is what is under test.
vi.mock('./charts', () => ({
  OverdueByMonthChart: () => <svg data-testid="chart" />,
  StatusStackChart: () => <svg data-testid="chart" />,
}));

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('vi');
});

function renderWithI18n(node: React.ReactNode) {
  return render(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>);
}

describe('chart data tables', () => {
  it('reveals the numbers behind the overdue chart on request', () => {
    renderWithI18n(
      <OverdueByMonth
        rows={[
          { month: '2026-01', n: 4 },
          { month: '2026-02', n: 1234 },
        ]}
      />,
    );
    expect(screen.queryByRole('table')).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Xem bảng số liệu' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const table = screen.getByRole('table', { name: /Số nhiệm vụ quá hạn chưa hoàn thành/ });
    expect(within(table).getByRole('row', { name: /^01\/2026/ }).textContent).toContain('4');
    expect(within(table).getByRole('row', { name: /^02\/2026/ }).textContent).toContain('1.234');
    expect(within(table).getByRole('row', { name: /^Tổng cộng/ }).textContent).toContain('1.238');
  });

  it('gives each stacked bar its row of statuses, with totals', async () => {
    await i18n.changeLanguage('en');
    const counts = {
      completed_on_time: 1,
      completed_late: 2,
      in_progress: 3,
      overdue: 4,
      no_deadline: 5,
      withdrawn: 6,
    };
    renderWithI18n(
      <StatusBreakdown
        title="By level"
        caption="Tasks by level"
        rowHeader="Level"
        rows={[{ key: 'central', label: 'Central', counts }]}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show data table' }));
    const row = screen.getByRole('row', { name: /^Central/ });
    expect(
      within(row)
        .getAllByRole('cell')
        // The value, without the column's name a stacked row (on a phone) shows before it.
        .map((cell) => (cell.querySelector('.cell-value') ?? cell).textContent),
    ).toEqual(['1', '2', '3', '4', '5', '6', '21']);
  });
});
