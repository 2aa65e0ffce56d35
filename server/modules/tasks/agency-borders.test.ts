import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodsEndingBetween } from '../../../shared/reporting-periods';
import { shiftDate, vietnamInstant } from '../../../shared/time';
import { formatVietnameseDate } from '../../../shared/vietnam-date';
import { agencies, progressUpdates, tasks, users } from '../../db/schema';
import { type Cast, ok, startCast, today } from '../../test/tasks';

interface Row {
  agencyId: number;
  nameVi: string;
  assigned: number;
  overdueRate: number | null;
  validTo: string | null;
  formerUnits: number;
  counts: Record<string, number>;
}

/**
 * Issue 17 point 4: a figure recorded under two provinces that then merge adds up under the merged one
 * (today's units, the default); as recorded it stays apart. Fixture: Tỉnh Thử A leads 4 tasks (3
 * overdue), Tỉnh Thử B 4 (2 overdue); both merge into Tỉnh Thử C today, recorded by the unit import.
 */
describe('the agency ranking across a merger', () => {
  let c: Cast;
  const ids = { a: 0, b: 0, c: 0 };
  const page = async (input: Record<string, unknown>) =>
    ok(await c.query('office', 'tasks.agencyRanking', { pageSize: 100, ...input })) as {
      borders: string;
      items: Row[];
    };
  const importUnits = async (csv: string) =>
    ok(await c.mutate('admin', 'agencies.importApply', { csv, effectiveOn: today() }));

  beforeAll(async () => {
    c = await startCast();
    await importUnits(
      'code,name_vi,name_en,kind\nTHU-A,Tỉnh Thử A,Test Province A,province\nTHU-B,Tỉnh Thử B,Test Province B,province\n',
    );
    const idOf = async (code: string) =>
      (await c.database.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code)))[0]
        ?.id ?? 0;
    ids.a = await idOf('THU-A');
    ids.b = await idOf('THU-B');
    const spec = (leadAgencyId: number, overdue: number, open: number) => [
      ...Array.from({ length: overdue }, () => ({ leadAgencyId, coordinatorIds: [], deadline: today(-3) })),
      ...Array.from({ length: open }, () => ({ leadAgencyId, coordinatorIds: [], deadline: today(30) })),
    ];
    await c.createDocument([...spec(ids.a, 3, 1), ...spec(ids.b, 2, 2)]);
    const report = await importUnits(
      'code,name_vi,name_en,kind,replaces\nTHU-C,Tỉnh Thử C,Test Province C,province,THU-A;THU-B\n',
    );
    expect(report.changes).toEqual([
      { kind: 'merge', effectiveOn: today(), from: ['THU-A', 'THU-B'], to: ['THU-C'] },
    ]);
    ids.c = await idOf('THU-C');
  });
  afterAll(() => c.close());

  it('under today’s units (the default), adds the old provinces’ tasks up under the merged one', async () => {
    const current = await page({ level: 'provincial' });
    expect(current.borders).toBe('current');
    const merged = current.items.find((r) => r.agencyId === ids.c);
    expect(merged).toMatchObject({ nameVi: 'Tỉnh Thử C', assigned: 8, formerUnits: 2, validTo: null });
    expect(merged?.counts.overdue).toBe(5);
    expect(merged?.overdueRate).toBe(5 / 8);
    const unranked = await page({ level: 'provincial', ranked: false });
    const listed = [...current.items, ...unranked.items].map((r) => r.agencyId);
    expect(listed).not.toContain(ids.a);
    expect(listed).not.toContain(ids.b);
  });

  it('as recorded, keeps them apart under the units the tasks were assigned to, marked as ended', async () => {
    const recorded = await page({ level: 'provincial', ranked: false, borders: 'recorded' });
    expect(recorded.borders).toBe('recorded');
    const byId = new Map(recorded.items.map((r) => [r.agencyId, r]));
    expect(byId.get(ids.a)).toMatchObject({ assigned: 4, validTo: today(-1), formerUnits: 0 });
    expect(byId.get(ids.a)?.counts.overdue).toBe(3);
    expect(byId.get(ids.b)).toMatchObject({ assigned: 4, validTo: today(-1) });
    expect(byId.get(ids.b)?.counts.overdue).toBe(2);
    const ranked = await page({ level: 'provincial', borders: 'recorded' });
    expect(ranked.items.map((r) => r.agencyId)).not.toContain(ids.c);
  });

  it('leaves each task under the unit it was assigned to, and offers only today’s units to choose from', async () => {
    const leads = await c.database.db.select({ lead: tasks.leadAgencyId }).from(tasks);
    expect(leads.filter((t) => t.lead === ids.a)).toHaveLength(4);
    expect(leads.filter((t) => t.lead === ids.c)).toHaveLength(0);
    const picker = ok(await c.query('office', 'agencies.list', { q: 'tinh thu', pageSize: 100 }));
    expect(picker.items.map((a: { code: string }) => a.code)).toEqual(['THU-C']);
    const refused = await c.mutate('office', 'tasks.createDocument', {
      number: 'THU/QĐ-TTg',
      kind: 'decision',
      issuedOn: today(-1),
      signer: 'Phó Thủ tướng',
      title: 'Giao cho đơn vị đã sáp nhập',
      tasks: [{ title: 'Nhiệm vụ', leadAgencyId: ids.a, coordinatorIds: [], deadline: today(30) }],
    });
    expect(refused.status).toBe(400);
    expect(refused.error.data.details).toMatchObject({ field: 'leadAgencyId' });
  });

  // The KPI drill-down re-aggregates the same way (VH-04 is computed per lead agency from the tasks):
  // the old provinces' 8 tasks open since before the last finished quarter, one of A's followed in it.
  it('re-aggregates a KPI’s per-agency figures the same way, its national figure the same under both', async () => {
    const quarter = periodsEndingBetween('quarter', today(-200), today(-1)).at(-1);
    if (!quarter) throw new Error('no finished quarter');
    await c.database.db
      .update(tasks)
      .set({ createdAt: vietnamInstant(shiftDate(quarter.start, -1), 9) })
      .where(inArray(tasks.leadAgencyId, [ids.a, ids.b]));
    const [task] = await c.database.db
      .select({ id: tasks.id })
      .from(tasks)
      .where(eq(tasks.leadAgencyId, ids.a))
      .limit(1);
    const [author] = await c.database.db.select({ id: users.id }).from(users).limit(1);
    if (!task || !author) throw new Error('fixture missing');
    await c.database.db.insert(progressUpdates).values({
      taskId: task.id,
      agencyId: ids.a,
      authorId: author.id,
      percent: 10,
      narrative: 'Đang làm',
      createdAt: vietnamInstant(shiftDate(quarter.start, 5), 9),
    });
    interface KpiRow {
      agencyId: number;
      numerator: number | null;
      denominator: number | null;
      validTo: string | null;
      formerUnits: number;
      submissionId: number | null;
    }
    interface Detail {
      borders: string;
      latest: unknown;
      provisional: unknown;
      series: unknown;
      ranking: KpiRow[];
      heatmap: { periods: string[]; rows: { agencyId: number; values: (number | null)[] }[] };
    }
    const detail = async (borders?: string) =>
      ok(
        await c.query('office', 'kpis.detail', { code: 'VH-04', ...(borders ? { borders } : {}) }),
      ) as Detail;
    const current = await detail();
    const recorded = await detail('recorded');
    expect(current.borders).toBe('current');
    expect(recorded.borders).toBe('recorded');
    // The national figure does not depend on the borders.
    expect(current.latest).toEqual(recorded.latest);
    expect(current.provisional).toEqual(recorded.provisional);
    expect(current.series).toEqual(recorded.series);
    const cell = (d: Detail, id: number) => {
      const row = d.heatmap.rows.find((r) => r.agencyId === id);
      return row?.values[d.heatmap.periods.indexOf(quarter.key)];
    };
    // Today's units: Tỉnh Thử C carries 1 followed of 8 open, the old provinces are no rows of their own.
    expect(current.ranking.map((r) => r.agencyId)).not.toContain(ids.a);
    expect(current.ranking.map((r) => r.agencyId)).not.toContain(ids.b);
    expect(current.ranking.find((r) => r.agencyId === ids.c)).toMatchObject({
      formerUnits: 2,
      validTo: null,
    });
    expect(cell(current, ids.c)).toBe(12.5);
    // As recorded: A 1 of 4, B 0 of 4, marked with their last day; C has no figure of its own yet.
    expect(recorded.ranking.find((r) => r.agencyId === ids.a)).toMatchObject({
      formerUnits: 0,
      validTo: today(-1),
    });
    expect(recorded.ranking.find((r) => r.agencyId === ids.b)).toMatchObject({ validTo: today(-1) });
    expect(recorded.ranking.map((r) => r.agencyId)).not.toContain(ids.c);
    expect(cell(recorded, ids.a)).toBe(25);
    expect(cell(recorded, ids.b)).toBe(0);
    // The export follows the page's borders and says which in its title.
    const file = (format: string, borders: string) =>
      c.t.app.inject({
        method: 'GET',
        url: `/export/kpis/VH-04/ranking.${format}?borders=${borders}`,
        headers: { cookie: c.cookie.office },
      });
    const csv = await file('csv', 'recorded');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Tỉnh Thử A');
    expect(csv.body).toContain(formatVietnameseDate(today(-1)));
    expect((await file('csv', 'current')).body).not.toContain('Tỉnh Thử A');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await file('xlsx', 'recorded')).rawPayload as unknown as ArrayBuffer);
    const title = String(book.worksheets[0]?.getCell('A1').value ?? '');
    expect(title).toContain('theo đơn vị tại thời điểm báo cáo');
    const bad = await c.query('office', 'kpis.detail', { code: 'VH-04', borders: 'sometimes' });
    expect(bad.status).toBe(400);
  });
});
