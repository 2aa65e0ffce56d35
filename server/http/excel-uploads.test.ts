import { deflateRawSync } from 'node:zlib';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodContaining, periodOf } from '../../shared/reporting-periods';
import { vietnamDate } from '../../shared/time';
import {
  agencies,
  auditLog,
  documents,
  reportTemplates,
  submissionRevisions,
  submissions,
  tasks,
} from '../db/schema';
import { createTestApp, createUser } from '../test/app';

/** A multipart body of one file, as a browser's form sends it. */
function multipart(content: Buffer, filename = 'bao-cao.xlsx') {
  const boundary = 'excelBoundary7MA4YWxk';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A zip of one entry, by hand: `size` zero bytes deflated to a few kilobytes (a "zip bomb" in small). */
function zipOfZeros(name: string, size: number): Buffer {
  const data = deflateRawSync(Buffer.alloc(size));
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(fileName.length, 28);
  const directoryOffset = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

async function workbookOf(payload: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  return workbook;
}

async function bytes(workbook: ExcelJS.Workbook) {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('Excel in: the report form', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let officer: string;
  let leader: string;
  let other: string;
  let office: string;
  let templateId: number;
  let periodKey: string;
  let previousKey: string;

  beforeAll(async () => {
    t = await createTestApp();
    await createUser(t.database, { username: 'hn.cv', role: 'officer', agency: 'Thành phố Hà Nội' });
    await createUser(t.database, { username: 'hn.ld', role: 'leader', agency: 'Thành phố Hà Nội' });
    await createUser(t.database, { username: 'yt.cv', role: 'officer', agency: 'Bộ Y tế' });
    await createUser(t.database, { username: 'vp', role: 'office', agency: 'Văn phòng Chính phủ' });
    officer = await t.login('hn.cv');
    leader = await t.login('hn.ld');
    other = await t.login('yt.cv');
    office = await t.login('vp');
    const [monthly] = await t.database.db
      .select()
      .from(reportTemplates)
      .where(eq(reportTemplates.code, 'BC-NV-THANG'));
    templateId = monthly?.id ?? 0;
    const current = periodContaining('month', vietnamDate(new Date()));
    const year = current?.year ?? 2026;
    const index = current?.index ?? 2;
    periodKey = periodOf('month', index === 1 ? year - 1 : year, index === 1 ? 12 : index - 1).key;
    previousKey = periodOf('month', index <= 2 ? year - 1 : year, index <= 2 ? 10 + index : index - 2).key;
  });
  afterAll(() => t.close());

  const download = (cookie: string, key = periodKey, lang = 'vi') =>
    t.app.inject({
      method: 'GET',
      url: `/export/report-form.xlsx?templateId=${templateId}&periodKey=${key}&lang=${lang}`,
      headers: { cookie },
    });
  const upload = (cookie: string, content: Buffer, extra = '', key = periodKey) => {
    const { body, contentType } = multipart(content);
    return t.app.inject({
      method: 'POST',
      url: `/api/reports/form?templateId=${templateId}&periodKey=${key}${extra}`,
      headers: { cookie, 'content-type': contentType },
      payload: body,
    });
  };
  const saved = async () => {
    const [s] = await t.database.db.select({ n: count() }).from(submissions);
    const [r] = await t.database.db.select({ n: count() }).from(submissionRevisions);
    const [a] = await t.database.db.select({ n: count() }).from(auditLog);
    return { submissions: s?.n, revisions: r?.n, audit: a?.n };
  };
  /** The downloaded form with values typed into column C, by field row. */
  async function filled(values: Record<number, ExcelJS.CellValue>, cookie = officer) {
    const res = await download(cookie);
    expect(res.statusCode).toBe(200);
    const workbook = await workbookOf(res.rawPayload);
    const sheet = workbook.getWorksheet('Báo cáo');
    for (const [row, value] of Object.entries(values)) {
      if (sheet) sheet.getCell(`C${row}`).value = value;
    }
    return { workbook, content: await bytes(workbook) };
  }

  it('downloads one named sheet with the template, agency and period, labels, required marks and validation', async () => {
    const res = await download(officer);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`bieu-mau-BC-NV-THANG-${periodKey}.xlsx`);
    const workbook = await workbookOf(res.rawPayload);
    const visible = workbook.worksheets.filter((s) => s.state === 'visible').map((s) => s.name);
    expect(visible).toEqual(['Báo cáo']);
    const sheet = workbook.getWorksheet('Báo cáo') as ExcelJS.Worksheet;
    expect(String(sheet.getCell('A1').value)).toContain('Báo cáo tình hình thực hiện nhiệm vụ');
    expect(sheet.getCell('B2').value).toBe('Thành phố Hà Nội');
    expect(sheet.getCell('C6').value).toBe('Giá trị');
    expect(sheet.getCell('A7').value).toBe('tasks_assigned');
    expect(sheet.getCell('B7').value).toBe('Số nhiệm vụ được giao (lũy kế) *');
    expect(sheet.getCell('D7').value).toBe('nhiệm vụ');
    expect(sheet.getCell('C7').dataValidation).toMatchObject({ type: 'whole' });
    expect(sheet.getCell('C7').protection).toMatchObject({ locked: false });
    const english = await workbookOf((await download(officer, periodKey, 'en')).rawPayload);
    expect(english.getWorksheet('Report')?.getCell('B7').value).toBe('Tasks assigned (to date) *');
  });

  it('refuses the form to another agency’s or the Office’s staff where the template does not oblige them', async () => {
    expect((await download(office)).statusCode).toBe(403);
  });

  it('round trip: download, fill with exceljs (Vietnamese 1.000 typed as text too), upload: the draft holds the figures', async () => {
    const { content } = await filled({ 7: '1.000', 8: 700, 9: 12, 10: 'Khó khăn về kinh phí' });
    const res = await upload(officer, content);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const detail = await t.trpc('submissions.get', { id: body.id }, { method: 'GET', cookie: officer });
    expect(detail.data.revisions.at(-1).values).toEqual({
      tasks_assigned: 1000,
      tasks_completed: 700,
      tasks_overdue: 12,
      notes: 'Khó khăn về kinh phí',
    });
    // The next download starts from the saved draft.
    const again = await workbookOf((await download(officer)).rawPayload);
    expect(again.getWorksheet('Báo cáo')?.getCell('C7').value).toBe(1000);
  });

  it('saves through saveDraft: without the page’s version a saved report is refused as stale, with it it saves', async () => {
    const { content } = await filled({ 7: 900, 8: 800, 9: 10 });
    const stale = await upload(officer, content);
    expect(stale.statusCode).toBe(409);
    const [row] = await t.database.db.select().from(submissions).where(eq(submissions.periodKey, periodKey));
    const ok = await upload(officer, content, `&version=${row?.version}`);
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('accepts a formula by the result Excel saved with it, and refuses one without a result', async () => {
    const before = await saved();
    const { content: noResult } = await filled(
      { 7: { formula: 'C8+C9' } as ExcelJS.CellFormulaValue, 8: 5, 9: 1 },
      officer,
    );
    const refused = await upload(officer, noResult, '', previousKey);
    // The form is of periodKey: its identifier says so, whatever period the page asks.
    expect(refused.json()).toMatchObject({ reason: 'wrongPeriod' });
    const own = await upload(officer, noResult);
    expect(own.statusCode).toBe(400);
    expect(own.json().cells).toEqual([expect.objectContaining({ cell: 'C7', code: 'formulaWithoutResult' })]);
    const error = await filled({
      7: { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue,
    });
    expect((await upload(officer, error.content)).json().cells[0]).toMatchObject({
      cell: 'C7',
      code: 'formulaError',
    });
    expect(await saved()).toEqual(before);

    const [row] = await t.database.db.select().from(submissions).where(eq(submissions.periodKey, periodKey));
    const withResult = await filled({
      7: { formula: 'C8+C9', result: 21 } as ExcelJS.CellFormulaValue,
      8: 20,
      9: 1,
    });
    const ok = await upload(officer, withResult.content, `&version=${row?.version}`);
    expect(ok.statusCode, ok.body).toBe(200);
    const detail = await t.trpc('submissions.get', { id: ok.json().id }, { method: 'GET', cookie: officer });
    expect(detail.data.revisions.at(-1).values.tasks_assigned).toBe(21);
  });

  it('answers cell by cell (whole number, required, range, text not a number, a rule) and saves nothing', async () => {
    const before = await saved();
    const { content } = await filled({ 7: 12.5, 8: null, 9: -3, 10: 'ghi chú' });
    const res = await upload(officer, content, '&lang=vi');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'VALIDATION', reason: 'cells' });
    expect(res.json().cells).toEqual([
      expect.objectContaining({ cell: 'C7', code: 'notAnInteger' }),
      expect.objectContaining({ cell: 'C8', code: 'required' }),
      expect.objectContaining({ cell: 'C9', code: 'belowMin', min: 0 }),
    ]);
    const words = await filled({ 7: 'mười', 8: 5, 9: 1 });
    expect((await upload(officer, words.content)).json().cells).toEqual([
      expect.objectContaining({ cell: 'C7', code: 'notANumber' }),
    ]);
    // The template's rule: completed ≤ assigned, on the cell of its first field.
    const rule = await filled({ 7: 5, 8: 9, 9: 1 });
    const ruled = (await upload(officer, rule.content)).json();
    expect(ruled.cells).toEqual([
      expect.objectContaining({
        cell: 'C8',
        code: 'rule',
        messageVi: 'Số nhiệm vụ đã hoàn thành không được lớn hơn số nhiệm vụ được giao.',
      }),
    ]);
    expect(await saved()).toEqual(before);
  });

  it('refuses a wrong sheet, a file that is not the form, not xlsx, a corrupt zip, and 20 MB, saving nothing', async () => {
    const before = await saved();
    const renamed = await filled({ 7: 1, 8: 1, 9: 1 });
    const sheet = renamed.workbook.getWorksheet('Báo cáo');
    if (sheet) sheet.name = 'Sheet1';
    const wrongSheet = await upload(officer, await bytes(renamed.workbook));
    expect(wrongSheet.statusCode).toBe(400);
    expect(wrongSheet.json()).toMatchObject({ reason: 'wrongSheet', sheet: 'Báo cáo' });

    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Báo cáo').getCell('C7').value = 5;
    expect((await upload(officer, await bytes(plain))).json()).toMatchObject({ reason: 'notAForm' });

    const pdf = await upload(officer, Buffer.from('%PDF-1.7\nkhông phải Excel\n'));
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json()).toMatchObject({ reason: 'notXlsx' });

    const good = renamed.content;
    const cut = await upload(officer, good.subarray(0, Math.floor(good.length / 2)));
    expect(cut.statusCode).toBe(400);
    expect(cut.json()).toMatchObject({ reason: 'corruptFile' });
    const garbled = Buffer.from(good);
    garbled.fill(0x41, 200, 1200);
    expect((await upload(officer, garbled)).json()).toMatchObject({ reason: 'corruptFile' });

    // Small on the wire, 60 MB unpacked: refused from the zip's directory, never inflated.
    const bomb = zipOfZeros('xl/worksheets/sheet1.xml', 60 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const bombed = await upload(officer, bomb);
    expect(bombed.statusCode).toBe(413);
    expect(bombed.json()).toMatchObject({ reason: 'fileTooLarge' });

    const huge = Buffer.alloc(20 * 1024 * 1024, 0x50);
    const tooLarge = await upload(officer, huge);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ reason: 'fileTooLarge', maxBytes: 5 * 1024 * 1024 });
    expect(await saved()).toEqual(before);
  });

  it('another agency cannot upload Hà Nội’s form, nor a leader or the Office; nothing saved', async () => {
    const before = await saved();
    const { content } = await filled({ 7: 3, 8: 2, 9: 1 });
    const otherAgency = await upload(other, content);
    expect(otherAgency.statusCode).toBe(400);
    expect(otherAgency.json()).toMatchObject({ reason: 'wrongAgency' });
    expect((await upload(leader, content)).statusCode).toBe(403);
    expect((await upload(office, content)).statusCode).toBe(403);
    const anon = multipart(content);
    const nobody = await t.app.inject({
      method: 'POST',
      url: `/api/reports/form?templateId=${templateId}&periodKey=${periodKey}`,
      headers: { 'content-type': anon.contentType },
      payload: anon.body,
    });
    expect(nobody.statusCode).toBe(401);
    expect(await saved()).toEqual(before);
  });
});

describe('Excel in: a document’s tasks', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: string;
  let province: string;
  let officer: string;
  let financeId: number;
  let healthId: number;

  beforeAll(async () => {
    t = await createTestApp();
    await createUser(t.database, { username: 'vp', role: 'office', agency: 'Văn phòng Chính phủ' });
    await createUser(t.database, { username: 'hn.cv', role: 'officer', agency: 'Thành phố Hà Nội' });
    await createUser(t.database, { username: 'yt.cv', role: 'officer', agency: 'Bộ Y tế' });
    office = await t.login('vp');
    province = await t.login('hn.cv');
    officer = await t.login('yt.cv');
    const [finance] = await t.database.db.select().from(agencies).where(eq(agencies.nameVi, 'Bộ Tài chính'));
    const [health] = await t.database.db.select().from(agencies).where(eq(agencies.nameVi, 'Bộ Y tế'));
    financeId = finance?.id ?? 0;
    healthId = health?.id ?? 0;
    // A unit whose name differs from the ministry's only by its diacritics: typed without them, ambiguous.
    if (finance)
      await t.database.db.insert(agencies).values({
        ...finance,
        id: undefined,
        code: 'BTC-THU',
        nameVi: 'Bo Tai chinh',
        nameEn: 'Finance (test twin)',
      });
  });
  afterAll(() => t.close());

  const sheetRows = async (rows: ExcelJS.CellValue[][], name = 'Nhiệm vụ') => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/export/task-import.xlsx',
      headers: { cookie: office },
    });
    expect(res.statusCode).toBe(200);
    const workbook = await workbookOf(res.rawPayload);
    const sheet = workbook.getWorksheet('Nhiệm vụ') as ExcelJS.Worksheet;
    for (const row of rows) sheet.addRow(row);
    sheet.name = name;
    return bytes(workbook);
  };
  const preview = (cookie: string, content: Buffer) => {
    const { body, contentType } = multipart(content, 'nhiem-vu.xlsx');
    return t.app.inject({
      method: 'POST',
      url: '/api/documents/task-import',
      headers: { cookie, 'content-type': contentType },
      payload: body,
    });
  };
  const stored = async () => {
    const [d] = await t.database.db.select({ n: count() }).from(documents);
    const [k] = await t.database.db.select({ n: count() }).from(tasks);
    return { documents: d?.n, tasks: k?.n };
  };

  it('previews the rows with their agencies resolved by name or code, dates typed or real; saves nothing; then the form registers them', async () => {
    const before = await stored();
    const content = await sheetRows([
      [
        'Xây dựng cơ sở dữ liệu tài chính',
        'Mô tả',
        'bộ tài chính',
        'Bộ Y tế; Thành phố Hà Nội',
        '31/12/2026',
        2,
        'Cao',
        'x',
      ],
      ['Kết nối dữ liệu y tế', '', 'Bộ Y tế', '', new Date(Date.UTC(2027, 2, 15)), '', '', ''],
    ]);
    const res = await preview(office, content);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.issues).toEqual([]);
    expect(body.rows).toMatchObject([
      {
        row: 2,
        lead: { id: financeId, nameVi: 'Bộ Tài chính' },
        coordinators: [{ id: healthId }, { nameVi: 'Thành phố Hà Nội' }],
        deadline: '2026-12-31',
        groupNo: 2,
        priority: 'high',
        isKey: true,
      },
      { row: 3, lead: { id: healthId }, deadline: '2027-03-15', priority: 'normal', isKey: false },
    ]);
    expect(await stored()).toEqual(before);

    const created = await t.trpc(
      'tasks.createDocument',
      {
        number: '99/QĐ-TTg',
        kind: 'decision',
        issuedOn: '2026-11-01',
        signer: 'Thủ tướng',
        title: 'Quyết định thử nhập nhiệm vụ từ Excel',
        tasks: body.rows.map(
          (r: { lead: { id: number }; coordinators: { id: number }[] } & Record<string, unknown>) => ({
            title: r.title,
            description: r.description,
            groupNo: r.groupNo,
            leadAgencyId: r.lead.id,
            coordinatorIds: r.coordinators.map((c) => c.id),
            deadline: r.deadline,
            priority: r.priority,
            isKey: r.isKey,
          }),
        ),
      },
      { cookie: office },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.data.taskIds).toHaveLength(2);
  });

  it('answers row by row and column by column: unknown, ambiguous agency, bad date, group, priority, missing title', async () => {
    const before = await stored();
    const content = await sheetRows([
      ['Nhiệm vụ một', '', 'Bộ Tài chánh', '', '31/02/2026', '', '', ''],
      ['Nhiệm vụ hai', '', 'Bộ Tai Chinh', 'Bộ Y tế', '2026-12-31', 12, 'rất gấp', ''],
      ['', '', 'Bộ Y tế', '', '', '', '', ''],
      ['Nhiệm vụ đúng', '', 'BTC-THU', '', '', '', '', ''],
    ]);
    const body = (await preview(office, content)).json();
    expect(body.issues).toEqual(
      [
        expect.objectContaining({ row: 2, column: 'C', code: 'agencyNotFound', value: 'Bộ Tài chánh' }),
        expect.objectContaining({ row: 2, column: 'E', code: 'notADate' }),
        expect.objectContaining({ row: 3, column: 'C', code: 'agencyAmbiguous', value: 'Bộ Tai Chinh' }),
        expect.objectContaining({ row: 3, column: 'E', code: 'notADate' }),
        expect.objectContaining({ row: 3, column: 'F', code: 'invalidGroup' }),
        expect.objectContaining({ row: 3, column: 'G', code: 'invalidPriority' }),
        expect.objectContaining({ row: 4, column: 'A', code: 'required' }),
      ].map((m) => m),
    );
    expect(body.rows.map((r: { row: number }) => r.row)).toEqual([5]);
    expect(await stored()).toEqual(before);
  });

  it('a province’s officer may take only its own communes; a ministry’s officer may not import at all', async () => {
    const content = await sheetRows([['Nhiệm vụ của tỉnh', '', 'Bộ Y tế', '', '', '', '', '']]);
    const body = (await preview(province, content)).json();
    expect(body.issues).toEqual([
      expect.objectContaining({ cell: 'C2', code: 'agencyNotAssignable', value: 'Bộ Y tế' }),
    ]);
    expect((await preview(officer, content)).statusCode).toBe(403);
  });

  it('refuses a wrong sheet, a sheet with other columns, and a file that is not Excel', async () => {
    expect((await preview(office, await sheetRows([['a']], 'Sheet1'))).json()).toMatchObject({
      reason: 'wrongSheet',
      sheet: 'Nhiệm vụ',
    });
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Nhiệm vụ').addRow(['Tên', 'Ngày']);
    expect((await preview(office, await bytes(other))).json()).toMatchObject({ reason: 'notAForm' });
    expect((await preview(office, Buffer.from('a,b,c\n1,2,3\n'))).statusCode).toBe(415);
  });
});
