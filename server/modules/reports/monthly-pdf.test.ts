import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCount, formatRate } from '../../../client/lib/format';
import { previousMonth } from '../../../shared/reporting-periods';
import type { MonthlyReport } from '../../../shared/schemas/reports';
import { vietnamDate } from '../../../shared/time';
import { decreeDate, monthInWords, placeAndDate } from '../../pdf/administrative-document';
import { seedIfEmpty } from '../../seed';
import { DEMO_PASSWORD } from '../../seed/demo';
import { createTestApp } from '../../test/app';
import { expectLetterEnd, expectLetterHead, occurrences, pagesOf } from '../../test/pdf-text';
import { getMonthlyReport } from './monthly';
import { MONTHLY_RECIPIENTS, renderMonthlyReportPdf } from './monthly-pdf';

/** A row as the screen writes it (client/lib/format.ts), in the table's column order. */
function screenFigures(f: MonthlyReport['totals']): string {
  const c = (n: number) => formatCount(n, 'vi');
  const r = (n: number | null) => (n === null ? '—' : c(n));
  return [
    c(f.assigned),
    c(f.assignedInPeriod),
    c(f.completedOnTime),
    c(f.completedLate),
    `${c(f.completedInPeriodOnTime)} / ${c(f.completedInPeriodLate)}`,
    c(f.inProgress),
    c(f.overdue),
    r(f.overdueUnexplained),
    `${r(f.remindersInPeriod)} / ${r(f.explanationsInPeriod)}`,
    c(f.noDeadline),
    c(f.withdrawn),
    formatRate(f.ofDue, 'vi'),
    formatRate(f.ofAssigned, 'vi'),
  ].join(' ');
}

const HEADERS = ['Cơ quan chủ trì', 'Được giao (lũy kế)', 'Tỷ lệ hoàn thành trên tổng số được giao'];

describe('the monthly report as a document to sign (PDF)', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: string;
  const month = previousMonth(vietnamDate(new Date()));
  const signing = {
    date: '2026-12-06',
    authority: 'KT. Bộ trưởng, Chủ nhiệm',
    signerTitle: 'Phó Chủ nhiệm',
    signerName: 'Nguyễn Văn An',
  };
  let pages: string[] = [];
  let report: MonthlyReport;

  beforeAll(async () => {
    t = await createTestApp();
    await seedIfEmpty(t.database.db, { communes: 68, demo: true, today: vietnamDate(new Date()) });
    office = await t.login('vpcp', DEMO_PASSWORD);
    const res = await t.app.inject({
      method: 'GET',
      url: `/export/monthly.pdf?month=${month}&${new URLSearchParams(signing)}`,
      headers: { cookie: office },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`bao-cao-thang-${month}.pdf`);
    pages = await pagesOf(new Uint8Array(res.rawPayload));
    report = await getMonthlyReport(t.database.db, month);
  }, 60_000);
  afterAll(() => t.close());

  /** The demo month's report with `n` agencies of its national figures (names numbered for reading back). */
  const sample = (n: number, totals: Partial<MonthlyReport['totals']> = {}): MonthlyReport => ({
    ...report,
    totals: { ...report.totals, ...totals },
    byAgency: Array.from({ length: n }, (_, i) => ({
      ...report.totals,
      agencyId: i + 1,
      nameVi: `Ủy ban nhân dân tỉnh Thử nghiệm số ${String(i + 1).padStart(3, '0')}`,
      nameEn: '',
      level: 'provincial' as const,
    })),
  });
  const full = { office: 'Văn phòng Chính phủ', officeCode: 'VPCP', place: 'Hà Nội', ...signing };
  const render = async (r: MonthlyReport) => pagesOf(new Uint8Array(await renderMonthlyReportPdf(r, full)));
  /** The letter's results about periodic reports, as the body words them. */
  const reportsResult = (f: MonthlyReport['totals']) => {
    const c = (n: number | null) => (n === null ? '—' : formatCount(n, 'vi'));
    return `3. Chế độ báo cáo định kỳ: ${c(f.reportsUnexplained)} báo cáo gửi muộn hoặc chưa gửi chưa có giải trình được chấp nhận (tính đến ngày chốt số liệu); trong kỳ đã đôn đốc ${c(f.reportRemindersInPeriod)} lượt, yêu cầu giải trình ${c(f.reportExplanationsInPeriod)} lượt về báo cáo.`;
  };
  /** The letter ends on its first page: results, recipients and signature; the appendix starts page 2. */
  const expectOnePageLetter = (texts: readonly string[]) => {
    const first = texts[0] ?? '';
    for (const part of ['II. KẾT QUẢ THỰC HIỆN', '3. Chế độ báo cáo định kỳ', 'Nơi nhận:', 'Lưu: VT, TH.'])
      expect(first).toContain(part);
    for (const line of ['KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM', 'Nguyễn Văn An'])
      expect(first).toContain(line);
    expect(texts[1] ?? '').toContain('Phụ lục TÌNH HÌNH THỰC HIỆN NHIỆM VỤ THEO CƠ QUAN CHỦ TRÌ');
    expect(texts.slice(1).join(' ')).not.toContain('Nơi nhận:');
  };

  it('writes dates and months as Decree 30 and titles do', () => {
    expect(placeAndDate('Hà Nội', '2026-12-06')).toBe('Hà Nội, ngày 06 tháng 12 năm 2026');
    expect(decreeDate('2027-02-05')).toBe('ngày 05 tháng 02 năm 2027');
    expect(decreeDate('2026-03-15')).toBe('ngày 15 tháng 3 năm 2026');
    expect(monthInWords('2026-11')).toBe('tháng 11 năm 2026');
    expect(monthInWords('2026-01')).toBe('tháng 1 năm 2026');
  });

  it('opens with the national motto, the issuing office, the number, place and date, and the title', () => {
    expectLetterHead(pages, {
      // The number is left for the clerical office to write in when it registers the signed report.
      number: /Số: \/BC-VPCP/,
      placeAndDate: 'Hà Nội, ngày 06 tháng 12 năm 2026',
      title: `BÁO CÁO Tình hình thực hiện nhiệm vụ được giao ${monthInWords(month)}`,
    });
  });

  it('states what the figures rest on, as the screen does', () => {
    const all = pages.join(' ');
    expect(all).toContain(`Số liệu gồm ${formatCount(report.byAgency.length, 'vi')} cơ quan chủ trì`);
    const basis =
      report.source === 'frozen'
        ? 'Số liệu đã chốt tại ngày chốt kỳ'
        : report.source === 'history'
          ? 'số liệu tính lại từ lịch sử ghi nhận'
          : 'số liệu trực tiếp, tại thời điểm';
    expect(all).toContain(basis);
  });

  it('ends the letter with the recipients and the signature block', () => {
    expectLetterEnd(pages, {
      recipients: MONTHLY_RECIPIENTS,
      signature: ['KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM', 'Nguyễn Văn An'],
    });
  });

  it("carries the periodic reports' figures among its results: the monthly page's totals", async () => {
    const page = await t.trpc('reports.monthly', { month }, { method: 'GET', cookie: office });
    expect(page.status).toBe(200);
    const totals = page.data.totals as MonthlyReport['totals'];
    expect(totals.reportsUnexplained).not.toBeNull();
    expect(totals.reportsUnexplained).toBe(report.totals.reportsUnexplained);
    expect(pages.join(' ')).toContain(reportsResult(totals));
  });

  it('keeps the letter, its three results, the recipients and the signature on page 1', () => {
    expectOnePageLetter(pages);
    console.info(
      `[monthly pdf] demo month ${month}: ${pages.length} pages, ${report.byAgency.length} agencies`,
    );
  });

  it("prints any report's figures as the screen writes them, and says when a frozen month kept none", async () => {
    const figures = { reportsUnexplained: 1234, reportRemindersInPeriod: 56, reportExplanationsInPeriod: 7 };
    const texts = await render(sample(3, figures));
    expect(texts.join(' ')).toContain(
      '3. Chế độ báo cáo định kỳ: 1.234 báo cáo gửi muộn hoặc chưa gửi chưa có giải trình được chấp nhận (tính đến ngày chốt số liệu); trong kỳ đã đôn đốc 56 lượt, yêu cầu giải trình 7 lượt về báo cáo.',
    );
    expectOnePageLetter(texts);
    const frozen = await render({
      ...sample(3, {
        reportsUnexplained: null,
        reportRemindersInPeriod: null,
        reportExplanationsInPeriod: null,
      }),
      source: 'frozen',
      frozen: true,
      frozenAt: new Date('2026-11-16T01:00:00Z'),
    });
    expect(frozen.join(' ')).toContain(
      '3. Chế độ báo cáo định kỳ: kỳ này được chốt trước khi Hệ thống ghi nhận việc đôn đốc, giải trình về báo cáo.',
    );
    expectOnePageLetter(frozen);
  }, 60_000);

  it('keeps the letter on page 1 at national scale (3,300 agencies), the total once on the last page', async () => {
    const big = sample(3300, {
      assigned: 1_234_567,
      reportsUnexplained: 98_765,
      reportRemindersInPeriod: 4321,
    });
    const texts = await render(big);
    expectOnePageLetter(texts);
    expect(texts.join(' ')).toContain(reportsResult(big.totals));
    expect(occurrences(texts.join(' '), 'Tổng cộng')).toBe(1);
    expect(texts.at(-1)).toContain('Tổng cộng');
    console.info(`[monthly pdf] 3,300 agencies: ${texts.length} pages`);
  }, 180_000);

  it('numbers the pages from page 2, and repeats the column headers on every page of the table', () => {
    expect(report.byAgency.length).toBeGreaterThan(20);
    expect(pages.length).toBeGreaterThan(3);
    const numberOf = (page: string) => /(?:^| )(\d+)$/.exec(page)?.[1];
    expect(numberOf(pages[0] ?? '')).toBeUndefined();
    for (const [i, page] of pages.entries()) {
      if (i === 0) continue;
      expect(numberOf(page), `page ${i + 1}`).toBe(String(i + 1));
      for (const header of HEADERS) expect(page, `page ${i + 1}`).toContain(header);
    }
  });

  it('prints the national total once, at the end, beside at least one agency', () => {
    const all = pages.join(' ');
    expect(occurrences(all, 'Tổng cộng')).toBe(1);
    const last = pages.at(-1) ?? '';
    expect(last).toContain(`Tổng cộng ${screenFigures(report.totals)}`);
    expect(report.byAgency.some((a) => last.includes(`${a.nameVi} ${screenFigures(a)}`))).toBe(true);
  });

  it("shows exactly the monthly report module's figures, every agency once", () => {
    const all = pages.join(' ');
    const missing = report.byAgency.filter(
      (a) => occurrences(all, ` ${a.nameVi} ${screenFigures(a)} `) !== 1,
    );
    expect(missing.map((a) => a.nameVi)).toEqual([]);
  });

  it('is for the oversight roles and refuses bad signing details', async () => {
    const officer = await t.login('btc.chuyenvien', DEMO_PASSWORD);
    const get = (url: string, cookie = office) => t.app.inject({ method: 'GET', url, headers: { cookie } });
    expect((await get(`/export/monthly.pdf?month=${month}`, officer)).statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: `/export/monthly.pdf?month=${month}` })).statusCode,
    ).toBe(401);
    const bad = await get(`/export/monthly.pdf?month=${month}&number=12a&date=2026-02-30`);
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['date', 'number']);
  });

  it('keeps the last agency with the total when the table would leave the total alone on a page', async () => {
    // Around a page's worth of rows, one of these lengths ends a page right before the total.
    let orphansAvoided = 0;
    for (let n = 27; n <= 34; n++) {
      const texts = await render(sample(n));
      const last = texts.at(-1) ?? '';
      expect(last, `${n} rows`).toContain('Tổng cộng');
      expect(last, `${n} rows`).toContain(HEADERS[0]);
      expect(last, `${n} rows`).toMatch(/Thử nghiệm số \d{3}/);
      if (last.match(/Thử nghiệm số \d{3}/g)?.length === 1) orphansAvoided += 1;
    }
    expect(orphansAvoided).toBeGreaterThan(0);
  }, 60_000);
});
