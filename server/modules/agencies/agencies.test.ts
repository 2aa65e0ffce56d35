import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnameseSortKey } from '../../../shared/text';
import { DEPARTMENTS } from '../../seed/departments';
import { createTestApp, createUser } from '../../test/app';

describe('agency directory', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let cookie: string;
  const list = (input: object) => t.trpc('agencies.list', input, { method: 'GET', cookie });

  beforeAll(async () => {
    t = await createTestApp();
    await createUser(t.database, { username: 'cb.hn', role: 'officer', agency: 'Thành phố Hà Nội' });
    cookie = await t.login('cb.hn');
  });
  afterAll(() => t.close());

  it.each(['ha noi', 'HA NOI', 'Hà Nội', 'hà nội', 'thanh pho ha'])(
    '"%s" finds Thành phố Hà Nội',
    async (q) => {
      const res = await list({ q });
      expect(res.status).toBe(200);
      expect(res.data.items.map((a: { nameVi: string }) => a.nameVi)).toContain('Thành phố Hà Nội');
    },
  );

  it('finds by English name and by đ typed as d', async () => {
    const hanoi = await list({ q: 'hanoi' });
    expect(hanoi.data.items.map((a: { nameVi: string }) => a.nameVi)).toContain('Thành phố Hà Nội');
    const dak = await list({ q: 'dak lak' });
    expect(dak.data.items.map((a: { nameVi: string }) => a.nameVi)).toContain('Tỉnh Đắk Lắk');
  });

  it('treats % and _ in the query as text, not as wildcards', async () => {
    expect((await list({ q: '%' })).data.total).toBe(0);
    expect((await list({ q: '_' })).data.total).toBe(0);
  });

  it('has the reference tree: 25 central agencies and 34 provincial units at the top', async () => {
    const top = await list({ parentId: null, pageSize: 100 });
    expect(top.data.total).toBe(59);
    const levels = top.data.items.map((a: { level: string }) => a.level);
    expect(levels.filter((l: string) => l === 'central')).toHaveLength(25);
    expect(levels.filter((l: string) => l === 'provincial')).toHaveLength(34);
  });

  it('lists a province’s communes under it, paginated, in Vietnamese order', async () => {
    const hanoi = (await list({ q: 'thanh pho ha noi' })).data.items[0];
    expect(hanoi.childCount).toBeGreaterThan(0);
    const page1 = await list({ parentId: hanoi.id, level: 'commune', page: 1, pageSize: 1 });
    const page2 = await list({ parentId: hanoi.id, level: 'commune', page: 2, pageSize: 1 });
    expect(page1.data.total).toBe(hanoi.childCount);
    expect(page1.data.items[0].parentNameVi).toBe('Thành phố Hà Nội');
    expect(page1.data.items[0].id).not.toBe(page2.data.items[0].id);
    const all = await list({ parentId: hanoi.id, level: 'commune', pageSize: 100 });
    const names: string[] = all.data.items.map((a: { nameVi: string }) => a.nameVi);
    const keys = names.map(vietnameseSortKey);
    expect(keys).toEqual([...keys].sort());
  });

  it('lists a province’s departments apart from its communes, counted apart', async () => {
    const hanoi = (await list({ q: 'thanh pho ha noi' })).data.items[0];
    expect(hanoi.departmentCount).toBe(DEPARTMENTS.length);
    const departments = await list({ parentId: hanoi.id, level: 'department', pageSize: 100 });
    expect(departments.data.total).toBe(DEPARTMENTS.length);
    expect(departments.data.items.map((a: { kind: string }) => a.kind)).toEqual(
      DEPARTMENTS.map(() => 'department'),
    );
    expect(departments.data.items.map((a: { nameVi: string }) => a.nameVi)).toContain(
      'Sở Khoa học và Công nghệ thành phố Hà Nội',
    );
    // Both together: the departments first (the level's order), then the communes.
    const children = await list({ parentId: hanoi.id, pageSize: 100 });
    expect(children.data.total).toBe(DEPARTMENTS.length + hanoi.childCount);
    expect(children.data.items[0].level).toBe('department');
    // A search finds one by its name without diacritics.
    const found = await list({ q: 'so khoa hoc va cong nghe thanh pho ha noi' });
    expect(found.data.items.map((a: { level: string }) => a.level)).toEqual(['department']);
  });

  it('refuses a page size over the maximum with a validation error', async () => {
    const res = await list({ pageSize: 1000 });
    expect(res.status).toBe(400);
    expect(res.error.data.appCode).toBe('VALIDATION');
  });

  it('is closed to anonymous callers', async () => {
    const res = await t.trpc('agencies.list', {}, { method: 'GET' });
    expect(res.status).toBe(401);
    expect(res.error.data.appCode).toBe('UNAUTHENTICATED');
  });

  it('counts agencies by level', async () => {
    const res = await t.trpc('agencies.countsByLevel', undefined, { method: 'GET', cookie });
    expect(res.data).toEqual([
      { level: 'central', n: 25 },
      { level: 'provincial', n: 34 },
      { level: 'department', n: 34 * DEPARTMENTS.length },
      { level: 'commune', n: 68 },
    ]);
  });
});
