import { cleanup, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { completionRates, type StatusCounts } from '../../../../shared/task-status';
import { i18n } from '../../../lib/i18n/i18n';
import type { ProvinceRollup } from '../api/rollup-queries';
import { CommuneKpis, CommuneRanking } from './rollup-sections';

const none: StatusCounts = {
  completed_on_time: 0,
  completed_late: 0,
  in_progress: 0,
  overdue: 0,
  no_deadline: 0,
  withdrawn: 0,
};
const busy: StatusCounts = { ...none, completed_on_time: 2, in_progress: 2, overdue: 2 };
const row = (agencyId: number, nameVi: string, counts: StatusCounts, rank: number | null) => {
  const rates = completionRates(counts);
  return {
    agencyId,
    nameVi,
    nameEn: nameVi,
    total: rates.total,
    assigned: rates.assigned,
    overdue: counts.overdue,
    overdueRate: rates.overdueRate,
    ofDue: rates.ofDue,
    ranked: rank !== null,
    rank,
    formerUnits: 0,
  };
};

const data = {
  asOf: new Date('2026-12-07T01:00:00Z'),
  today: '2026-12-07',
  province: { id: 1, nameVi: 'Thành phố Hà Nội', nameEn: 'Ha Noi' },
  communeCount: 3,
  tasks: {
    counts: busy,
    rates: completionRates(busy),
    dueSoon: 0,
    stale: 0,
    communes: [
      row(11, 'Phường Ba Đình', busy, 1),
      row(12, 'Xã Sóc Sơn', none, null),
      row(13, 'Xã Mê Linh', none, null),
    ],
    minTasksToRank: 5,
    overdue: [],
    stalest: [],
    listLimit: 10,
  },
  reports: [],
  kpis: [
    {
      code: 'DV-01',
      nameVi: 'Dịch vụ công trực tuyến toàn trình',
      nameEn: 'End-to-end online public services',
      unit: '%',
      periodKey: '2026-Q3',
      periodEnd: '2026-09-14',
      numerator: 30,
      denominator: 40,
      value: 75,
      reporting: 2,
      communes: [
        {
          agencyId: 11,
          nameVi: 'Phường Ba Đình',
          nameEn: 'Ba Dinh',
          numerator: 10,
          denominator: 20,
          value: 50,
          submissionId: 1,
        },
        {
          agencyId: 12,
          nameVi: 'Xã Sóc Sơn',
          nameEn: 'Soc Son',
          numerator: 20,
          denominator: 20,
          value: 100,
          submissionId: 2,
        },
      ],
    },
  ],
} satisfies ProvinceRollup;

function renderWith(node: React.ReactNode) {
  render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter>{node}</MemoryRouter>
    </I18nextProvider>,
  );
}

afterEach(cleanup);

describe("a province's roll-up", () => {
  it('lists the communes that lead tasks, each leading to its tasks, and counts those that lead none', async () => {
    await i18n.changeLanguage('vi');
    renderWith(<CommuneRanking data={data} />);
    const table = screen.getByRole('table');
    expect(
      within(table).getByRole('link', { name: 'Nhiệm vụ của Phường Ba Đình' }).getAttribute('href'),
    ).toBe('/tasks?agency=11');
    expect(within(table).queryByText('Xã Sóc Sơn')).toBeNull();
    expect(screen.getByText('2 đơn vị cấp xã chưa chủ trì nhiệm vụ nào (không liệt kê).')).toBeTruthy();
  });

  it("gives the province's KPI value as Σ numerators / Σ denominators, with how many communes it rests on", async () => {
    await i18n.changeLanguage('vi');
    renderWith(<CommuneKpis data={data} />);
    const summary = screen.getByRole('table', { name: /giá trị của tỉnh/ });
    const line = within(summary).getByRole('row', { name: /DV-01/ });
    // 30 / 40 = 75 %, not the mean of 50 % and 100 %.
    expect(within(line).getByText('75,0 %')).toBeTruthy();
    expect(within(line).getByText('30 / 40')).toBeTruthy();
    expect(within(line).getByText('2/3 xã')).toBeTruthy();
  });
});
