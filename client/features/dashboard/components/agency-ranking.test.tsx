import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createTRPCClient, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppRouter } from '../../../../server/app-router';
import type { AgencyRankingInput } from '../../../../shared/schemas/tasks';
import { i18n } from '../../../lib/i18n/i18n';
import { TRPCProvider } from '../../../lib/trpc';
import type { RankingRow, RankingSummary } from '../api/dashboard-queries';
import { AgencyRanking } from './agency-ranking';

const LEVELS = ['central', 'provincial', 'commune'] as const;

/** Agency n: overdue rate falling with n, so agency 1 is ranked first; levels take turns. */
function agency(n: number, rank: number | null): RankingRow {
  const overdue = 100 - n;
  const inProgress = n;
  return {
    agencyId: n,
    nameVi: `Cơ quan số ${n}`,
    nameEn: `Agency ${n}`,
    level: LEVELS[n % 3] ?? 'central',
    counts: {
      completed_on_time: 10,
      completed_late: 0,
      in_progress: inProgress,
      overdue,
      no_deadline: 0,
      withdrawn: 0,
    },
    total: 110,
    assigned: 110,
    completed: 10,
    ofDue: 10 / (10 + overdue),
    ofAssigned: 10 / 110,
    onTimeOfCompleted: 1,
    overdueRate: overdue / (overdue + inProgress),
    ranked: rank !== null,
    rank,
    validTo: null,
    formerUnits: 0,
  };
}

const RANKED = 60;
const ALL = Array.from({ length: RANKED }, (_, i) => agency(i + 1, i + 1));

/** Stands in for the server's tasks.agencyRanking: records each request, answers when let through. */
function fakeServer() {
  const requests: AgencyRankingInput[] = [];
  let release: () => void = () => {};
  let gate: Promise<void> = Promise.resolve();
  const link: TRPCLink<AppRouter> =
    () =>
    ({ op }) =>
      observable((observer) => {
        if (op.path !== 'tasks.agencyRanking') {
          observer.error(new Error(`unexpected call ${op.path}`) as never);
          return;
        }
        const input = op.input as Required<AgencyRankingInput>;
        requests.push(input);
        const inLevel = input.level === 'all' ? ALL : ALL.filter((row) => row.level === input.level);
        const rows = input.ranked ? inLevel.map((row, i) => ({ ...row, rank: i + 1 })) : [];
        const start = (input.page - 1) * input.pageSize;
        void gate.then(() => {
          observer.next({
            result: {
              type: 'data',
              data: {
                borders: input.borders,
                items: rows.slice(start, start + input.pageSize),
                total: rows.length,
                page: input.page,
                pageSize: input.pageSize,
                minTasksToRank: 5,
                asOf: new Date(),
              },
            },
          });
          observer.complete();
        });
      });
  return {
    link,
    requests,
    /** Answers wait until `open()` is called. */
    hold() {
      gate = new Promise((resolve) => {
        release = resolve;
      });
    },
    open() {
      release();
      gate = Promise.resolve();
    },
  };
}

const summary: RankingSummary = {
  worst: ALL.slice(0, 10),
  rankedCount: RANKED,
  unrankedCount: 2,
  minTasksToRank: 5,
};

function renderPanel() {
  const server = fakeServer();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const trpcClient = createTRPCClient<AppRouter>({ links: [server.link] });
  render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <MemoryRouter>
            <AgencyRanking ranking={summary} />
          </MemoryRouter>
        </TRPCProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return server;
}

/** Rank and agency name of each body row of a table. */
function rows(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => {
      // The value, without the column's name a stacked row (on a phone) shows before it.
      const cell = row.querySelector('td');
      const rank = (cell?.querySelector('.cell-value') ?? cell)?.textContent ?? '';
      return `${rank} ${row.querySelector('th')?.textContent ?? ''}`;
    });
}

const fullTable = () => screen.getByRole('table', { name: /Xếp hạng cơ quan theo tỷ lệ quá hạn/ });

describe('AgencyRanking', () => {
  afterEach(async () => {
    cleanup();
    await i18n.changeLanguage('vi');
  });

  it('shows the ten worst agencies and the counts, and asks the server for nothing more', () => {
    const server = renderPanel();
    const table = screen.getByRole('table', { name: '10 cơ quan có tỷ lệ quá hạn cao nhất' });
    expect(rows(table)).toHaveLength(10);
    expect(rows(table)[0]).toBe('1 Cơ quan số 1');
    expect(rows(table)[9]).toBe('10 Cơ quan số 10');
    expect(within(table).getByRole('link', { name: 'Cơ quan số 3' }).getAttribute('href')).toBe(
      '/tasks?agency=3',
    );
    expect(
      screen.getByText('60 cơ quan được xếp hạng; 2 cơ quan chưa đủ 5 nhiệm vụ để xếp hạng.'),
    ).toBeTruthy();
    const toggle = screen.getByRole('button', { name: 'Xem toàn bộ bảng xếp hạng' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(server.requests).toEqual([]);
  });

  it('opens the full ranking a page at a time, keeping the page shown while the next one loads', async () => {
    const server = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Xem toàn bộ bảng xếp hạng' }));
    expect(
      screen.getByRole('button', { name: 'Ẩn toàn bộ bảng xếp hạng' }).getAttribute('aria-expanded'),
    ).toBe('true');
    await waitFor(() => expect(rows(fullTable())).toHaveLength(25));
    expect(server.requests).toEqual([
      { level: 'all', ranked: true, borders: 'current', page: 1, pageSize: 25 },
    ]);
    expect(rows(fullTable())[0]).toBe('1 Cơ quan số 1');
    expect(screen.getByText('Trang 1 / 3')).toBeTruthy();

    server.hold();
    fireEvent.click(screen.getByRole('button', { name: 'Trang sau' }));
    // The first page stays, marked busy, until the second arrives: no empty flash.
    await waitFor(() => expect(fullTable().getAttribute('aria-busy')).toBe('true'));
    expect(rows(fullTable())[0]).toBe('1 Cơ quan số 1');
    act(() => server.open());
    await waitFor(() => expect(rows(fullTable())[0]).toBe('26 Cơ quan số 26'));
    expect(fullTable().getAttribute('aria-busy')).toBe('false');
    expect(server.requests.at(-1)).toEqual({
      level: 'all',
      ranked: true,
      borders: 'current',
      page: 2,
      pageSize: 25,
    });
    expect(screen.getByText('Trang 2 / 3')).toBeTruthy();
  });

  it('filters by level from the first page, ranks counted within the level', async () => {
    const server = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Xem toàn bộ bảng xếp hạng' }));
    await waitFor(() => expect(rows(fullTable())).toHaveLength(25));
    fireEvent.click(screen.getByRole('button', { name: 'Trang sau' }));
    await waitFor(() => expect(screen.getByText('Trang 2 / 3')).toBeTruthy());

    // Central agencies are 3, 6, 9…: the third nationally is first among them.
    fireEvent.change(screen.getByLabelText('Cấp'), { target: { value: 'central' } });
    await waitFor(() => expect(rows(fullTable()).slice(0, 2)).toEqual(['1 Cơ quan số 3', '2 Cơ quan số 6']));
    expect(server.requests.at(-1)).toEqual({
      level: 'central',
      ranked: true,
      borders: 'current',
      page: 1,
      pageSize: 25,
    });
    expect(rows(fullTable())).toHaveLength(20);
    expect(screen.getByText('Trang 1 / 1')).toBeTruthy();
    expect(fullTable().querySelector('caption')?.textContent).toContain('Trung ương');

    fireEvent.change(screen.getByLabelText('Cơ quan'), { target: { value: 'unranked' } });
    await screen.findByText('Không có cơ quan nào phù hợp.');
    expect(server.requests.at(-1)).toEqual({
      level: 'central',
      ranked: false,
      borders: 'current',
      page: 1,
      pageSize: 25,
    });
  });

  it('shows today’s units by default and the units as assigned when asked, and says which', async () => {
    const server = renderPanel();
    expect(screen.getAllByText(/Số liệu theo đơn vị hiện nay/)).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Xem toàn bộ bảng xếp hạng' }));
    await waitFor(() => expect(rows(fullTable())).toHaveLength(25));
    expect(screen.getAllByText(/Số liệu theo đơn vị hiện nay/)).toHaveLength(2);
    fireEvent.change(screen.getByLabelText('Địa giới'), { target: { value: 'recorded' } });
    await screen.findByText(/Số liệu theo đơn vị tại thời điểm giao nhiệm vụ/);
    expect(server.requests.at(-1)).toMatchObject({ borders: 'recorded', page: 1 });
  });

  it('speaks English when asked', async () => {
    await i18n.changeLanguage('en');
    renderPanel();
    expect(screen.getByRole('table', { name: 'The 10 agencies with the highest overdue rate' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show the full ranking' }));
    await screen.findByRole('table', { name: /Agencies ranked by overdue rate — All levels/ });
  });
});
