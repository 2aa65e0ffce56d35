import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createTRPCClient, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppRouter } from '../../../../server/app-router';
import { i18n } from '../../../lib/i18n/i18n';
import { TRPCProvider } from '../../../lib/trpc';
import { ProvinceApprovalsPage } from './province-approvals-page';

const PAGE = {
  provinceId: 1,
  pending: [
    {
      id: 41,
      version: 3,
      templateId: 9,
      templateCode: 'BC-MOTCUA-XA',
      templateNameVi: 'Báo cáo Một cửa cấp xã',
      templateNameEn: 'One-stop shop report',
      agencyId: 101,
      agencyNameVi: 'Xã Tân Thành',
      agencyNameEn: 'Tan Thanh Commune',
      periodKey: '2026-Q3',
      deadline: '2026-09-20',
      firstSubmittedAt: new Date('2026-09-18T02:00:00Z'),
      revision: 1,
    },
  ],
  figures: [
    {
      templateId: 9,
      templateCode: 'BC-MOTCUA-XA',
      templateNameVi: 'Báo cáo Một cửa cấp xã',
      templateNameEn: 'One-stop shop report',
      periodKey: '2026-Q3',
      periodEnd: '2026-09-14',
      fields: [
        {
          code: 'hs',
          labelVi: 'Số hồ sơ tiếp nhận',
          labelEn: 'Applications received',
          unit: 'hồ sơ',
          type: 'integer' as const,
        },
        { code: 'ghi_chu', labelVi: 'Ghi chú', labelEn: 'Notes', unit: null, type: 'text' as const },
      ],
      values: { hs: 1234, ghi_chu: '' },
      accepted: 3,
      expected: 12,
      sent: 5,
      communes: { expected: 12, onTime: 4, late: 1, missing: 7, completeness: 5 / 12, timeliness: 4 / 12 },
      own: null,
    },
  ],
  canDecide: true,
  asOf: new Date('2026-12-07T01:00:00Z'),
};

function renderPage() {
  const calls: { path: string; input: unknown }[] = [];
  const link: TRPCLink<AppRouter> =
    () =>
    ({ op }) =>
      observable((observer) => {
        calls.push({ path: op.path, input: op.input });
        const data =
          op.path === 'submissions.provinceApprovals'
            ? PAGE
            : op.path === 'submissions.sendUp'
              ? { id: 77, version: 1, revision: 1, accepted: 3, expected: 12 }
              : null;
        if (data === null) {
          observer.error(new Error(`unexpected call ${op.path}`) as never);
          return;
        }
        observer.next({ result: { type: 'data', data } });
        observer.complete();
      });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={createTRPCClient<AppRouter>({ links: [link] })} queryClient={queryClient}>
          <MemoryRouter>
            <ProvinceApprovalsPage />
          </MemoryRouter>
        </TRPCProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return calls;
}

describe('the province’s page of its communes’ reports', () => {
  afterEach(cleanup);

  it('lists the reports awaiting it, each opened to decide, and the computed figure with its coverage', async () => {
    renderPage();
    const queue = await screen.findByRole('table', { name: /chờ tỉnh chấp nhận/ });
    const link = within(queue).getByRole('link', { name: /Xã Tân Thành, kỳ 2026-Q3/ });
    expect(link.getAttribute('href')).toBe('/reports/submissions/41');
    const figure = screen.getByRole('table', { name: /Số liệu tổng hợp kỳ 2026-Q3/ });
    expect(within(figure).getByRole('rowheader', { name: 'Số hồ sơ tiếp nhận' })).toBeTruthy();
    expect(within(figure).getByText(/1\.234 hồ sơ/)).toBeTruthy();
    // Text fields are not summed and not shown as a figure.
    expect(within(figure).queryByText('Ghi chú')).toBeNull();
    expect(screen.getByText(/3\/12 đơn vị cấp xã \(đã gửi: 5\)/)).toBeTruthy();
    expect(screen.getByText(/đúng hạn 4, muộn 1, chưa nộp 7/)).toBeTruthy();
  });

  it('sends the figure up and says what it rests on', async () => {
    const calls = renderPage();
    fireEvent.click(await screen.findByRole('button', { name: /Gửi số liệu tổng hợp lên/ }));
    await waitFor(() => expect(screen.getByText(/Đã gửi số liệu tổng hợp \(3\/12 xã\)/)).toBeTruthy());
    expect(calls.find((c) => c.path === 'submissions.sendUp')?.input).toEqual({
      templateId: 9,
      periodKey: '2026-Q3',
    });
  });
});
