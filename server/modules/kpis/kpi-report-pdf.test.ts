import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAttainment, formatKpiValue } from '../../../client/features/kpis/kpi-view';
import { formatCount, formatPercent } from '../../../client/lib/format';
import { kpisVi } from '../../../client/lib/i18n/messages/kpis.vi';
import { periodName } from '../../../shared/period-names';
import type { KpiSummary } from '../../../shared/schemas/kpis';
import { vietnamDate } from '../../../shared/time';
import { seedIfEmpty } from '../../seed';
import { DEMO_PASSWORD } from '../../seed/demo';
import { createTestApp } from '../../test/app';
import { expectLetterEnd, expectLetterHead, pagesOf } from '../../test/pdf-text';
import { KPI_RECIPIENTS, renderKpiReportPdf } from './kpi-report-pdf';

const WORDS = kpisVi.kpis;
const HEADERS = [WORDS.code, WORDS.national, WORDS.reported, 'Mục tiêu 2027', 'Mức đạt 2030', WORDS.status];

/** A KPI's row after its name, as the overview page's table writes it (client/features/kpis/kpi-view.ts). */
function screenRow(k: KpiSummary): string {
  // The screen's CoverageText (kpi-bits.tsx): N/M agencies, coverage, those counted by an earlier period.
  const v = k.latest;
  const coverage = !v
    ? '—'
    : v.obliged === null
      ? `${formatCount(v.agencies, 'vi')} cơ quan báo cáo`
      : [
          `${formatCount(v.agencies, 'vi')}/${formatCount(v.obliged, 'vi')} cơ quan đã báo cáo`,
          `độ bao phủ ${formatPercent(v.coverage, 'vi', 1)}`,
          ...(v.carriedForward
            ? [`${formatCount(v.carriedForward, 'vi')} cơ quan tính theo số liệu của kỳ trước`]
            : []),
        ].join('; ');
  const year = (y: number) => [
    formatKpiValue(k.targets.find((t) => t.year === y)?.value ?? null, k.unit, 'vi'),
    formatAttainment(k.attainment.find((a) => a.year === y)?.ratio ?? null, 'vi'),
  ];
  return [
    formatKpiValue(k.latest?.value ?? null, k.unit, 'vi'),
    k.latest ? periodName(k.latest.periodKey, 'vi') : '—',
    coverage,
  ]
    .join(' ')
    .concat(' ', [...year(2027), ...year(2030), WORDS.statuses[k.status]].join(' '));
}

describe('the KPI report as a document to sign (PDF)', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let officer: string;
  let items: KpiSummary[] = [];
  let pages: string[] = [];
  let all = '';
  const get = (url: string, cookie?: string) =>
    t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  beforeAll(async () => {
    t = await createTestApp();
    await seedIfEmpty(t.database.db, { communes: 68, demo: true, today: vietnamDate(new Date()) });
    // The overview is every signed-in user's page: an agency officer prints it too.
    officer = await t.login('btc.chuyenvien', DEMO_PASSWORD);
    const res = await get(
      '/export/kpis.pdf?number=8&date=2026-12-06&signerName=L%C3%AA%20V%C4%83n%20C%C6%B0%E1%BB%9Dng',
      officer,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/ket-qua-thuc-hien-chi-tieu-\d{4}-\d{2}-\d{2}\.pdf/);
    pages = await pagesOf(new Uint8Array(res.rawPayload));
    all = pages.join(' ');
    items = (await t.trpc('kpis.overview', {}, { method: 'GET', cookie: officer })).data.items;
    if (process.env.DUMP_PDF) console.log(pages.join('\n\n=====\n\n'));
  }, 60_000);
  afterAll(() => t.close());

  it('opens with the national motto, the issuing office, the number, place and date, and the title', () => {
    expectLetterHead(pages, {
      number: 'Số: 8/BC-VPCP',
      placeAndDate: 'Hà Nội, ngày 06 tháng 12 năm 2026',
      title: 'BÁO CÁO Kết quả thực hiện các chỉ tiêu của Chương trình phát triển Chính phủ số',
    });
  });

  it('states when the figures were read and counts the KPIs by status, as `kpis.overview` has them', () => {
    expect(all).toMatch(/Số liệu tại thời điểm \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(giờ Việt Nam\)/);
    expect(items.length).toBeGreaterThan(10);
    expect(all).toContain(`Tổng số ${formatCount(items.length, 'vi')} chỉ tiêu:`);
    for (const status of ['off_track', 'at_risk', 'on_track', 'insufficient_data'] as const) {
      const n = items.filter((k) => k.status === status).length;
      expect(all).toContain(`${formatCount(n, 'vi')} ${WORDS.statuses[status].toLocaleLowerCase('vi')}`);
    }
    for (const k of items.filter((k) => k.status === 'off_track'))
      expect(all).toContain(`- ${k.code} ${k.nameVi}: ${k.statusReason.vi}`);
  });

  it("prints every KPI once with the overview's figures: value, period, N of M agencies, targets, attainment", () => {
    const appendix = pages.slice(pages.findIndex((p) => p.includes('Phụ lục KẾT QUẢ'))).join(' ');
    const wrong = items.filter(
      (k) => appendix.split(` ${k.code} ${k.nameVi} `).length - 1 !== 1 || !appendix.includes(screenRow(k)),
    );
    expect(wrong.map((k) => `${k.code}: ${screenRow(k)}`)).toEqual([]);
  });

  it('flags a figure that does not count yet as provisional, with its coverage and deadline', async () => {
    // The demo's newest period has not ended yet: the flag is shown on a KPI given one.
    const [first, ...rest] = items;
    if (!first?.latest) throw new Error('the demo has KPI figures');
    const provisional = {
      ...first.latest,
      periodKey: '2026-Q4',
      periodEnd: '2026-12-31',
      value: 45,
      agencies: 12,
      obliged: 59,
      coverage: (12 / 59) * 100,
      closesOn: '2027-01-20',
      closed: false,
    };
    const report = { items: [{ ...first, provisional }, ...rest], filters: {}, asOf: new Date() };
    const signing = {
      office: 'Văn phòng Chính phủ',
      officeCode: 'VPCP',
      place: 'Hà Nội',
      date: '2026-12-06',
      signerTitle: 'Bộ trưởng',
      signerName: '',
    };
    const text = (await pagesOf(new Uint8Array(await renderKpiReportPdf(report, signing)))).join(' ');
    expect(text).toContain(
      `${first.nameVi} Tạm tính: 12/59 cơ quan — kỳ quý IV/2026: ${formatKpiValue(45, first.unit, 'vi')} (độ bao phủ ${formatPercent((12 / 59) * 100, 'vi', 1)}). Chưa tính vào giá trị toàn quốc`,
    );
    expect(text).toContain('hết hạn nộp ngày 20/01/2027');
    expect(text).toContain('1 chỉ tiêu có số liệu tạm tính');
  }, 60_000);

  it('ends the letter with the recipients and the signature block', () => {
    expectLetterEnd(pages, {
      recipients: KPI_RECIPIENTS,
      signature: ['BỘ TRƯỞNG, CHỦ NHIỆM', 'Lê Văn Cường'],
    });
  });

  it('numbers the pages from page 2 and repeats the column headers on every page of the table', () => {
    const numberOf = (page: string) => /(?:^| )(\d+)$/.exec(page)?.[1];
    expect(numberOf(pages[0] ?? '')).toBeUndefined();
    for (const [i, page] of pages.entries())
      if (i > 0) expect(numberOf(page), `page ${i + 1}`).toBe(String(i + 1));
    const start = pages.findIndex((p) => p.includes('Phụ lục KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU'));
    expect(start).toBeGreaterThan(0);
    expect(pages.length - start).toBeGreaterThan(1);
    for (let i = start; i < pages.length; i++)
      for (const header of HEADERS) expect(pages[i], `page ${i + 1}`).toContain(header);
  });

  it("takes the overview's filters", async () => {
    const res = await get('/export/kpis.pdf?pillar=services&status=off_track', officer);
    expect(res.statusCode).toBe(200);
    const filtered: KpiSummary[] = (
      await t.trpc(
        'kpis.overview',
        { pillar: 'services', status: 'off_track' },
        { method: 'GET', cookie: officer },
      )
    ).data.items;
    const text = (await pagesOf(new Uint8Array(res.rawPayload))).join(' ');
    expect(text).toContain(
      `thuộc trụ cột “${WORDS.pillars.services}”, có trạng thái “${WORDS.statuses.off_track}”`,
    );
    expect(text).toContain(`Tổng số ${formatCount(filtered.length, 'vi')} chỉ tiêu:`);
    for (const k of items)
      expect(text.includes(` ${k.code} `), k.code).toBe(filtered.some((f) => f.code === k.code));
  }, 60_000);

  it('is for the signed-in, and refuses bad input', async () => {
    expect((await get('/export/kpis.pdf')).statusCode).toBe(401);
    const bad = await get('/export/kpis.pdf?pillar=roads&officeCode=vpcp', officer);
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['officeCode', 'pillar']);
    // The table downloads keep their own route beside it.
    expect((await get('/export/kpis.csv', officer)).statusCode).toBe(200);
  });
});
