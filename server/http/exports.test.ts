import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportsVi } from '../../client/lib/i18n/messages/reports.vi';
import { periodName } from '../../shared/period-names';
import type { CellStage, CellState } from '../../shared/schemas/reports';
import { vietnamDate } from '../../shared/time';
import { seedIfEmpty } from '../seed';
import { DEMO_PASSWORD } from '../seed/demo';
import { createTestApp } from '../test/app';

interface ComplianceAgency {
  nameVi: string;
  cells: Record<string, { state: CellState; stage: CellStage | null }>;
}

describe('exports', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedIfEmpty(t.database.db, { communes: 68, demo: true, today: vietnamDate(new Date()) });
    office = await t.login('vpcp', DEMO_PASSWORD);
  });
  afterAll(() => t.close());

  const filter = { status: ['overdue'], sort: 'deadline' };
  const url = (format: string) =>
    `/export/tasks.${format}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

  it('exports exactly the tasks of the current filter as CSV, with a BOM for Excel and Vietnamese headers', async () => {
    const list = await t.trpc('tasks.list', { ...filter, pageSize: 1 }, { method: 'GET', cookie: office });
    const res = await t.app.inject({ method: 'GET', url: url('csv'), headers: { cookie: office } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="nhiem-vu-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(res.body.startsWith('\uFEFF"Mã","Nhiệm vụ"')).toBe(true);
    const lines = res.body.trim().split('\r\n');
    expect(lines.length - 1).toBe(list.data.total);
    expect(lines.slice(1).every((l) => l.includes('"Quá hạn"'))).toBe(true);
  });

  it('exports the same rows as Excel', async () => {
    const list = await t.trpc('tasks.list', { ...filter, pageSize: 1 }, { method: 'GET', cookie: office });
    const res = await t.app.inject({
      method: 'GET',
      url: `${url('xlsx')}&lang=en`,
      headers: { cookie: office },
    });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(2).value).toBe('Task');
    expect((sheet?.rowCount ?? 0) - 1).toBe(list.data.total);
  });

  it('exports the monthly report to the Office, not to an agency officer', async () => {
    const ok = await t.app.inject({
      method: 'GET',
      url: '/export/monthly.xlsx?month=2026-10',
      headers: { cookie: office },
    });
    expect(ok.statusCode).toBe(200);
    const officer = await t.login('btc.chuyenvien', DEMO_PASSWORD);
    const no = await t.app.inject({
      method: 'GET',
      url: '/export/monthly.xlsx?month=2026-10',
      headers: { cookie: officer },
    });
    expect(no.statusCode).toBe(403);
  });

  it('puts the reports’ reminders and explanations beside the tasks’, with the screen’s totals', async () => {
    const screen = await t.trpc('reports.monthly', { month: '2026-10' }, { method: 'GET', cookie: office });
    const res = await t.app.inject({
      method: 'GET',
      url: '/export/monthly.xlsx?month=2026-10',
      headers: { cookie: office },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const rows = sheet?.getSheetValues() as unknown[][];
    const headerRow = rows.findIndex((row) => Array.isArray(row) && row.includes('Cơ quan'));
    const header = rows[headerRow] ?? [];
    const total = rows.at(-1) ?? [];
    const f = screen.data.totals;
    for (const [name, value] of [
      ['Báo cáo muộn hoặc chưa gửi chưa giải trình', f.reportsUnexplained],
      ['Đôn đốc báo cáo trong kỳ', f.reportRemindersInPeriod],
      ['Yêu cầu giải trình về báo cáo trong kỳ', f.reportExplanationsInPeriod],
    ] as const) {
      const column = header.indexOf(name);
      expect(column, name).toBeGreaterThan(0);
      expect(total[column] ?? null, name).toBe(value);
    }
    expect(total[1]).toBe('Tổng cộng');
  });

  it('names the monthly report’s month as people say it, in each language', async () => {
    for (const [lang, name] of [
      ['vi', 'tháng 10/2026'],
      ['en', 'October 2026'],
    ] as const) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/export/monthly.xlsx?month=2026-10&lang=${lang}`,
        headers: { cookie: office },
      });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const title = String(workbook.worksheets[0]?.getRow(1).getCell(1).value);
      expect(title).toContain(name);
      expect(title).not.toContain('2026-10');
    }
  });

  it("states the open month's “as of” instant in Vietnam time, not UTC", async () => {
    const month = vietnamDate(new Date()).slice(0, 7);
    const res = await t.app.inject({
      method: 'GET',
      url: `/export/monthly.xlsx?month=${month}&lang=en`,
      headers: { cookie: office },
    });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const line = String(workbook.worksheets[0]?.getRow(2).getCell(1).value);
    expect(line).toMatch(/^Figures as of \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(Vietnam time\)$/);
    expect(line).not.toContain('Z');
  });

  it('refuses anonymous callers and bad filters', async () => {
    expect((await t.app.inject({ method: 'GET', url: url('csv') })).statusCode).toBe(401);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/export/tasks.csv?filter=%7Bnot-json',
      headers: { cookie: office },
    });
    expect(bad.statusCode).toBe(400);
    const month = await t.app.inject({
      method: 'GET',
      url: '/export/monthly.xlsx?month=2026-13',
      headers: { cookie: office },
    });
    expect(month.statusCode).toBe(400);
  });

  it('exports reporting compliance as CSV and Excel, one row per obliged agency', async () => {
    const templates = await t.trpc('submissions.templates', undefined, { method: 'GET', cookie: office });
    const templateId = templates.data[0].id;
    const compliance = await t.trpc(
      'submissions.compliance',
      { templateId },
      { method: 'GET', cookie: office },
    );
    const csv = await t.app.inject({
      method: 'GET',
      url: `/export/compliance.csv?templateId=${templateId}`,
      headers: { cookie: office },
    });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trim().split('\r\n');
    expect(lines.length - 1).toBe(compliance.data.agencies.length);
    expect(lines[0]).toContain('Tỷ lệ đầy đủ');
    // The one compliance export carries what the page shows: level, late and missing beside the counts.
    const cells = (line = '') =>
      line
        .replace(/^\uFEFF/, '')
        .split(',')
        .map((c) => c.replace(/^"|"$/g, ''));
    const header = cells(lines[0]);
    expect(header.slice(0, 2)).toEqual(['Cơ quan', 'Cấp']);
    expect(header).toEqual(expect.arrayContaining(['Phải nộp', 'Đã nộp', 'Đúng hạn', 'Muộn', 'Chưa nộp']));
    const first = compliance.data.agencies[0];
    const row = cells(lines.find((line) => line.includes(first.nameVi)));
    expect(row[1]).toMatch(/Trung ương|Địa phương cấp tỉnh|Cấp xã/);
    const at = (name: string) => row[header.indexOf(name)];
    expect([at('Phải nộp'), at('Đúng hạn'), at('Muộn'), at('Chưa nộp')]).toEqual(
      [first.expected, first.onTime, first.late, first.missing].map(String),
    );
    // Each period's cell in the words the heatmap shows: where a report not yet accepted stands first,
    // its timeliness second; never a bare 'on time' for a report returned or awaiting someone.
    // Agency names hold commas: read the quoted fields as CSV does.
    const fields = (line = '') =>
      (line.replace(/^\uFEFF/, '').match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []).map((f) =>
        f.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'),
      );
    const words = reportsVi.reports.compliance;
    let awaiting = 0;
    for (const agency of compliance.data.agencies as ComplianceAgency[]) {
      const line = fields(lines.find((l) => l.includes(`"${agency.nameVi}"`)));
      for (const period of compliance.data.periods as { key: string }[]) {
        const cell = agency.cells[period.key];
        if (!cell) continue;
        // The column is headed by the period's name ("Tháng 11/2026"), not its key.
        expect(header).not.toContain(period.key);
        const shown = line[header.indexOf(periodName(period.key, 'vi'))];
        if (cell.stage === null || cell.stage === 'accepted') expect(shown).toBe(words.cells[cell.state]);
        else if (cell.stage === 'drafting')
          expect(shown).toBe(`${words.cells[cell.state]} (${words.cellDetails.drafting})`);
        else {
          expect(shown).toBe(`${words.cells[cell.stage]} (${words.cellDetails[cell.state]})`);
          awaiting++;
        }
      }
    }
    // The demo history leaves the latest reports with the leader or the Office.
    expect(awaiting).toBeGreaterThan(0);
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/export/compliance.xlsx?templateId=${templateId}&lang=en`,
      headers: { cookie: office },
    });
    expect(xlsx.statusCode).toBe(200);
  });
});
