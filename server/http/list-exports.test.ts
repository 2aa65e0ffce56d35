import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDate } from '../../shared/time';
import { seedIfEmpty } from '../seed';
import { DEMO_PASSWORD } from '../seed/demo';
import { createTestApp } from '../test/app';

/** The rows of a downloaded workbook's first sheet, as values. */
async function sheetOf(payload: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: sheet.name, rows };
}

describe('Excel out: the ranking, documents, inbox, agencies and scorecards', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: string;
  let finance: string;
  let hanoi: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedIfEmpty(t.database.db, { communes: 68, demo: true, today: vietnamDate(new Date()) });
    office = await t.login('vpcp', DEMO_PASSWORD);
    finance = await t.login('btc.chuyenvien', DEMO_PASSWORD);
    hanoi = await t.login('hanoi.chuyenvien', DEMO_PASSWORD);
  }, 120_000);
  afterAll(() => t.close());

  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const filter = (f: unknown) => encodeURIComponent(JSON.stringify(f));

  it('the agency ranking: every ranked agency of the level, its level as a word, rates as numbers', async () => {
    const screen = await t.trpc(
      'tasks.agencyRanking',
      { level: 'central', pageSize: 100 },
      { method: 'GET', cookie: office },
    );
    const res = await get(`/export/agency-ranking.xlsx?filter=${filter({ level: 'central' })}`, office);
    expect(res.statusCode).toBe(200);
    const { name, rows } = await sheetOf(res.rawPayload);
    expect(name).toBe('Xếp hạng cơ quan');
    const body = rows.slice(3);
    expect(rows[2]?.[2]).toBe('Cấp');
    expect(body).toHaveLength(screen.data.total);
    expect(body.every((r) => r[2] === 'Trung ương')).toBe(true);
    expect(body[0]?.[1]).toBe(screen.data.items[0].nameVi);
    expect(typeof body[0]?.[3]).toBe('number');
    const en = await sheetOf(
      (await get(`/export/agency-ranking.xlsx?filter=${filter({ level: 'provincial' })}&lang=en`, office))
        .rawPayload,
    );
    expect(en.rows.slice(3).every((r) => r[2] === 'Provincial')).toBe(true);
  });

  it('documents: kinds and issuers as words, dates dd/MM/yyyy, the search of the screen', async () => {
    const screen = await t.trpc(
      'documents.list',
      { q: 'chuyen doi so', pageSize: 100 },
      { method: 'GET', cookie: office },
    );
    const res = await get(`/export/documents.xlsx?filter=${filter({ q: 'chuyen doi so' })}`, office);
    expect(res.statusCode).toBe(200);
    const { rows } = await sheetOf(res.rawPayload);
    expect(rows[0]).toEqual([
      'Số hiệu',
      'Loại văn bản',
      'Ngày ban hành',
      'Người ký',
      'Trích yếu',
      'Cơ quan giao',
      'Số nhiệm vụ',
    ]);
    expect(screen.data.total).toBeGreaterThan(0);
    expect(rows.slice(1)).toHaveLength(screen.data.total);
    for (const row of rows.slice(1)) {
      expect(['Quyết định', 'Nghị quyết', 'Thông báo kết luận', 'Công văn', 'Chỉ thị']).toContain(row[1]);
      expect(row[2]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      expect(typeof row[6]).toBe('number');
    }
  });

  it('inbox: only the user’s own agency’s tasks, even when the filter names another agency', async () => {
    const screen = await t.trpc('tasks.inbox', { pageSize: 1 }, { method: 'GET', cookie: finance });
    const res = await get(`/export/inbox.xlsx?filter=${filter({ agencyId: 1 })}`, finance);
    // The inbox's schema has no agency to choose: the key is not taken.
    expect(res.statusCode).toBe(200);
    const { rows } = await sheetOf(res.rawPayload);
    const body = rows.slice(1);
    expect(body).toHaveLength(screen.data.total);
    expect(body.length).toBeGreaterThan(0);
    const ids = new Set(body.map((r) => r[0]));
    const mine = await t.trpc('tasks.inbox', { pageSize: 100 }, { method: 'GET', cookie: finance });
    for (const item of mine.data.items) expect(ids.has(item.id)).toBe(true);
    // Hà Nội's inbox shares none of the Ministry of Finance's led tasks it does not take part in.
    const hn = await sheetOf((await get('/export/inbox.xlsx', hanoi)).rawPayload);
    const hnScreen = await t.trpc('tasks.inbox', { pageSize: 1 }, { method: 'GET', cookie: hanoi });
    expect(hn.rows.slice(1)).toHaveLength(hnScreen.data.total);
    expect(rows[0]?.[4]).toBe('Cấp');
    expect(body.every((r) => ['Trung ương', 'Địa phương cấp tỉnh', 'Cấp xã'].includes(String(r[4])))).toBe(
      true,
    );
    expect(body.some((r) => /^\d\. /.test(String(r[5])))).toBe(true);
  });

  it('agencies: kinds and levels as words, the parent by name', async () => {
    const res = await get(`/export/agencies.xlsx?filter=${filter({ level: 'provincial' })}&lang=en`, office);
    expect(res.statusCode).toBe(200);
    const { rows } = await sheetOf(res.rawPayload);
    expect(rows[0]).toEqual(['Code', 'Agency', 'Kind', 'Level', 'Under', 'Units under it']);
    expect(rows.slice(1)).toHaveLength(34);
    expect(rows.slice(1).every((r) => r[3] === 'Provincial')).toBe(true);
    expect(rows.slice(1).map((r) => r[2])).toContain('Centrally-run city');
  });

  it('scorecards: the agency’s own and oversight only; another agency’s reads as missing', async () => {
    const me = await t.trpc('auth.me', null, { method: 'GET', cookie: finance });
    const agencyId = me.data.agencyId;
    const own = await get(`/export/scorecards/${agencyId}.xlsx`, finance);
    expect(own.statusCode).toBe(200);
    const { rows } = await sheetOf(own.rawPayload);
    expect(String(rows[0]?.[0])).toBe('Thẻ điểm chỉ tiêu: Bộ Tài chính (Trung ương)');
    const statuses = ['Đúng lộ trình', 'Có nguy cơ', 'Chệch lộ trình', 'Chưa đủ số liệu'];
    expect(rows.slice(3).length).toBeGreaterThan(0);
    expect(rows.slice(3).every((r) => statuses.includes(String(r[9])))).toBe(true);
    expect((await get(`/export/scorecards/${agencyId}.xlsx`, office)).statusCode).toBe(200);
    expect((await get(`/export/scorecards/${agencyId}.xlsx`, hanoi)).statusCode).toBe(404);
  });
});
