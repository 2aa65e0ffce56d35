import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCount, formatRate } from '../../../client/lib/format';
import { commonVi } from '../../../client/lib/i18n/messages/common.vi';
import type { AgencyLevel } from '../../../shared/agencies';
import { periodName } from '../../../shared/period-names';
import type { ComplianceReport } from '../../../shared/schemas/reports';
import { vietnamDate } from '../../../shared/time';
import { seedIfEmpty } from '../../seed';
import { DEMO_PASSWORD } from '../../seed/demo';
import { createTestApp } from '../../test/app';
import { expectLetterEnd, expectLetterHead, occurrences, pagesOf } from '../../test/pdf-text';
import { COMPLIANCE_RECIPIENTS } from './compliance-pdf';

/** A row's figures as the compliance page writes them (client/lib/format.ts), in the table's order. */
function screenFigures(s: ComplianceReport['totals']): string {
  const c = (n: number) => formatCount(n, 'vi');
  return [
    c(s.expected),
    c(s.submitted),
    c(s.onTime),
    c(s.late),
    c(s.missing),
    formatRate(s.completeness, 'vi'),
    formatRate(s.timeliness, 'vi'),
  ].join(' ');
}

const HEADERS = ['Cơ quan', 'Phải nộp', 'Đã nộp', 'Chưa nộp', 'Tỷ lệ đầy đủ', 'Tỷ lệ đúng hạn'];

describe('the reporting compliance report as a document to sign (PDF)', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: string;
  let templateId: number;
  let report: ComplianceReport;
  let pages: string[] = [];
  const signing = {
    number: '27',
    date: '2027-02-05',
    signerTitle: 'Phó Chủ nhiệm',
    signerName: 'Trần Thị Bình',
  };
  const get = (url: string, cookie?: string) =>
    t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  beforeAll(async () => {
    t = await createTestApp();
    await seedIfEmpty(t.database.db, { communes: 68, demo: true, today: vietnamDate(new Date()) });
    office = await t.login('vpcp', DEMO_PASSWORD);
    const templates = await t.trpc('submissions.templates', undefined, { method: 'GET', cookie: office });
    // The monthly regime: the most periods due, so the most to print.
    templateId = (templates.data as { id: number; periodType: string }[]).find(
      (tpl) => tpl.periodType === 'month',
    )?.id as number;
    const res = await get(
      `/export/compliance.pdf?templateId=${templateId}&${new URLSearchParams(signing)}`,
      office,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    report = (await t.trpc('submissions.compliance', { templateId }, { method: 'GET', cookie: office })).data;
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`tinh-hinh-chap-hanh-che-do-bao-cao-${report.template.code}-\\d{4}-\\d{2}-\\d{2}\\.pdf`),
    );
    pages = await pagesOf(new Uint8Array(res.rawPayload));
    if (process.env.DUMP_PDF) console.log(pages.join('\n\n=====\n\n'));
  }, 60_000);
  afterAll(() => t.close());

  it('opens with the national motto, the issuing office, the number, place and date, and the title', () => {
    expectLetterHead(pages, {
      number: 'Số: 27/BC-VPCP',
      placeAndDate: 'Hà Nội, ngày 05 tháng 02 năm 2027',
      title: `BÁO CÁO Tình hình chấp hành chế độ báo cáo “${report.template.nameVi}”`,
    });
  });

  it('states what the figures rest on and the totals of `submissions.compliance`', () => {
    const all = pages.join(' ');
    const due = report.periods.filter((p) => p.due);
    expect(due.length).toBeGreaterThan(1);
    const first = due[0]?.key ?? '';
    const last = due.at(-1)?.key ?? '';
    expect(all).toContain(
      `từ kỳ ${periodName(first, 'vi', { inSentence: true })} đến kỳ ${periodName(last, 'vi', { inSentence: true })}`,
    );
    expect(all).toContain(`${formatCount(report.agencies.length, 'vi')} cơ quan phải báo cáo`);
    const s = report.totals;
    expect(all).toContain(
      `Số báo cáo phải nộp: ${formatCount(s.expected, 'vi')}; đã nộp: ${formatCount(s.submitted, 'vi')} (tỷ lệ đầy đủ ${formatRate(s.completeness, 'vi')})`,
    );
    expect(all).toContain(`chưa nộp: ${formatCount(s.missing, 'vi')}.`);
  });

  it('ends the letter with the recipients and the signature block', () => {
    expectLetterEnd(pages, {
      recipients: COMPLIANCE_RECIPIENTS,
      signature: ['PHÓ CHỦ NHIỆM', 'Trần Thị Bình'],
    });
  });

  it("prints every agency once with exactly the procedure's figures, and the total once, last", () => {
    const all = pages.join(' ');
    const level = (a: { level: string }) => commonVi.levels[a.level as AgencyLevel];
    const missing = report.agencies.filter(
      (a) => occurrences(all, ` ${a.nameVi} ${level(a)} ${screenFigures(a)} `) !== 1,
    );
    expect(missing.map((a) => a.nameVi)).toEqual([]);
    expect(occurrences(all, `Tổng cộng ${screenFigures(report.totals)}`)).toBe(1);
  });

  it('numbers the pages from page 2 and repeats the column headers on every page of the table', () => {
    const numberOf = (page: string) => /(?:^| )(\d+)$/.exec(page)?.[1];
    expect(numberOf(pages[0] ?? '')).toBeUndefined();
    for (const [i, page] of pages.entries())
      if (i > 0) expect(numberOf(page), `page ${i + 1}`).toBe(String(i + 1));
    const start = pages.findIndex((p) => p.includes('Phụ lục I TÌNH HÌNH NỘP BÁO CÁO THEO CƠ QUAN'));
    const next = pages.findIndex((p) => p.includes('Phụ lục II CƠ QUAN CHƯA NỘP'));
    const end = next === -1 ? pages.length : next;
    expect(start).toBeGreaterThan(0);
    // Many more agencies than a page holds: the table runs over several pages.
    expect(end - start).toBeGreaterThan(1);
    for (let i = start; i < end; i++)
      for (const header of HEADERS) expect(pages[i], `page ${i + 1}`).toContain(header);
    expect(pages[start]).toContain(
      '(Kèm theo Báo cáo số 27/BC-VPCP ngày 05 tháng 02 năm 2027 của Văn phòng Chính phủ)',
    );
  });

  it('lists who has not sent the latest due report', () => {
    const latest = report.periods.filter((p) => p.due).at(-1);
    const missing = report.agencies.filter((a) => latest && a.cells[latest.key]?.state === 'missing');
    const all = pages.join(' ');
    if (!latest || missing.length === 0) {
      expect(all).toContain('không có cơ quan nào chưa nộp');
      return;
    }
    expect(all).toContain(`${formatCount(missing.length, 'vi')} cơ quan chưa nộp (danh sách tại Phụ lục II)`);
    const appendix = pages.slice(pages.findIndex((p) => p.includes('Phụ lục II CƠ QUAN'))).join(' ');
    expect(appendix).toContain(
      `CƠ QUAN CHƯA NỘP BÁO CÁO KỲ ${periodName(latest.key, 'vi').toLocaleUpperCase('vi')}`,
    );
    for (const a of missing) expect(appendix).toContain(a.nameVi);
  });

  it('takes the export’s level filter', async () => {
    const res = await get(`/export/compliance.pdf?templateId=${templateId}&level=central`, office);
    expect(res.statusCode).toBe(200);
    const central: ComplianceReport = (
      await t.trpc(
        'submissions.compliance',
        { templateId, level: 'central' },
        { method: 'GET', cookie: office },
      )
    ).data;
    const all = (await pagesOf(new Uint8Array(res.rawPayload))).join(' ');
    expect(all).toContain('cơ quan trung ương');
    expect(all).toContain(`Tổng cộng ${screenFigures(central.totals)}`);
    expect(all).not.toContain(commonVi.levels.provincial);
  }, 60_000);

  it('is for the roles of the compliance page, and refuses bad input', async () => {
    const url = `/export/compliance.pdf?templateId=${templateId}`;
    expect((await get(url)).statusCode).toBe(401);
    expect((await get(url, await t.login('btc.chuyenvien', DEMO_PASSWORD))).statusCode).toBe(403);
    expect((await get(url, await t.login('btc.lanhdao', DEMO_PASSWORD))).statusCode).toBe(403);
    expect((await get('/export/compliance.pdf?templateId=999999', office)).statusCode).toBe(404);
    const bad = await get(`/export/compliance.pdf?templateId=x&level=city&date=2026-02-30`, office);
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['date', 'level', 'templateId']);
    // The table downloads keep their own route beside it.
    expect((await get(url.replace('.pdf', '.csv'), office)).statusCode).toBe(200);
    expect((await get(url.replace('.pdf', '.docx'), office)).statusCode).toBe(404);
  });
});
