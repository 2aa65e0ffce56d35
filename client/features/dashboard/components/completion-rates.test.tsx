import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { completionRates } from '../../../../shared/task-status';
import { formatRate } from '../../../lib/format';
import { i18n } from '../../../lib/i18n/i18n';
import { CompletionRates } from './completion-rates';

const counts = {
  completed_on_time: 6,
  completed_late: 2,
  in_progress: 0,
  overdue: 2,
  no_deadline: 0,
  withdrawn: 1,
};
const none = {
  completed_on_time: 0,
  completed_late: 0,
  in_progress: 0,
  overdue: 0,
  no_deadline: 0,
  withdrawn: 0,
};

function renderRates() {
  render(
    <I18nextProvider i18n={i18n}>
      <CompletionRates
        counts={counts}
        keyCounts={none}
        rates={completionRates(counts)}
        keyRates={completionRates(none)}
      />
    </I18nextProvider>,
  );
}

describe('rate formatting', () => {
  it('writes 0.8 the Vietnamese and the English way, and no figure as a dash', () => {
    expect(formatRate(0.8, 'vi')).toBe('80,0 %');
    expect(formatRate(0.8, 'en')).toBe('80.0%');
    expect(formatRate(null, 'vi')).toBe('—');
    expect(formatRate(null, 'en')).toBe('—');
    expect(formatRate(1 / 3, 'vi')).toBe('33,3 %');
  });
});

describe('CompletionRates', () => {
  afterEach(async () => {
    cleanup();
    await i18n.changeLanguage('vi');
  });

  it('labels both rates and shows a dash where there is nothing to divide by', () => {
    renderRates();
    // 8 completed of 10 due (8 + 2 overdue), and of 10 assigned (the withdrawn one is not assigned work).
    expect(screen.getAllByText('80,0 %')).toHaveLength(2);
    expect(screen.getAllByText('Tỷ lệ hoàn thành nhiệm vụ đến hạn')).toHaveLength(2);
    expect(screen.getAllByText('Tỷ lệ hoàn thành trên tổng số nhiệm vụ được giao')).toHaveLength(2);
    expect(screen.getAllByText('= hoàn thành / (hoàn thành + quá hạn chưa hoàn thành)')).toHaveLength(2);
    // Key tasks: none at all, so no figure rather than a made-up 0 %.
    expect(screen.getAllByText('—')).toHaveLength(2);
  });

  it('reconciles the buckets to the total, withdrawn included', () => {
    renderRates();
    const total = screen.getByRole('row', { name: /^Tổng cộng/ });
    expect(total.textContent).toContain('11');
    expect(screen.getByRole('row', { name: /^Đã thu hồi/ }).textContent).toContain('1');
  });

  it('speaks English when asked', async () => {
    await i18n.changeLanguage('en');
    renderRates();
    expect(screen.getAllByText('80.0%')).toHaveLength(2);
    expect(screen.getAllByText('Completion rate of due tasks')).toHaveLength(2);
  });
});
