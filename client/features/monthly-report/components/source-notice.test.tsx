import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n/i18n';
import type { MonthlyReport } from '../api/monthly-report-queries';
import { SourceNotice } from './source-notice';

const figures = {
  assigned: 0,
  assignedInPeriod: 0,
  completedOnTime: 0,
  completedLate: 0,
  completedInPeriodOnTime: 0,
  completedInPeriodLate: 0,
  inProgress: 0,
  overdue: 0,
  noDeadline: 0,
  withdrawn: 0,
  ofDue: null,
  ofAssigned: null,
  overdueUnexplained: 1,
  remindersInPeriod: 2,
  explanationsInPeriod: 1,
  reportsUnexplained: 2,
  reportRemindersInPeriod: 1,
  reportExplanationsInPeriod: 1,
};
const closed: MonthlyReport = {
  month: '2026-10',
  periodStart: '2026-09-15',
  cutoff: '2026-10-14',
  frozen: false,
  frozenAt: null,
  asOf: new Date('2026-10-14T17:00:00Z'),
  source: 'history',
  totals: figures,
  byAgency: [],
};

async function notice(report: MonthlyReport, language: 'vi' | 'en') {
  await i18n.changeLanguage(language);
  render(
    <I18nextProvider i18n={i18n}>
      <SourceNotice report={report} />
    </I18nextProvider>,
  );
  return screen.getByText(/./).textContent ?? '';
}

describe('where a monthly report’s figures come from', () => {
  afterEach(async () => {
    cleanup();
    await i18n.changeLanguage('vi');
  });

  it('says a frozen report was stored, and when', async () => {
    const frozen = {
      ...closed,
      source: 'frozen',
      frozen: true,
      frozenAt: new Date('2026-10-14T17:10:00Z'),
    } as const;
    expect(await notice(frozen, 'vi')).toMatch(
      /đã chốt tại ngày chốt kỳ 14\/10\/2026 \(lưu lúc 15\/10\/2026/,
    );
    cleanup();
    expect(await notice(frozen, 'en')).toMatch(/frozen at the cut-off 14\/10\/2026 \(stored at 15\/10\/2026/);
  });

  it('says a closed month not frozen yet is recomputed from history as at its cut-off', async () => {
    expect(await notice(closed, 'vi')).toMatch(/tính lại từ lịch sử .* hết ngày chốt kỳ 14\/10\/2026/);
    cleanup();
    expect(await notice(closed, 'en')).toMatch(
      /recomputed from the recorded history .* cut-off day 14\/10\/2026/,
    );
  });

  it('says the running month is live, with its time', async () => {
    const live = {
      ...closed,
      month: '2026-11',
      source: 'live',
      asOf: new Date('2026-11-02T03:05:00Z'),
    } as const;
    expect(await notice(live, 'vi')).toMatch(/số liệu trực tiếp, tại thời điểm 02\/11\/2026/);
    cleanup();
    expect(await notice(live, 'en')).toMatch(/live figures, as of 02\/11\/2026/);
  });
});
