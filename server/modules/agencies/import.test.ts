import { count, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies, agencyChangeLinks, agencyChanges, auditLog } from '../../db/schema';
import { createTestApp, createUser } from '../../test/app';
import { type ExistingUnit, planAgencyImport } from './import-plan';
import { parseUnitCsv } from './unit-csv';

const HEADER = 'code,name_vi,name_en,kind,parent_code,valid_from,valid_to,replaces';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n');

describe('reading a unit list', () => {
  it('reads quoted fields with commas, doubled quotes and a BOM; codes upper-cased', () => {
    const { units, problems } = parseUnitCsv(
      `\uFEFF${csv('bxd,"Bộ Xây dựng, mới","Ministry ""of"" Construction",ministry,,,,')}`,
    );
    expect(problems).toEqual([]);
    expect(units).toEqual([
      expect.objectContaining({
        line: 2,
        code: 'BXD',
        nameVi: 'Bộ Xây dựng, mới',
        nameEn: 'Ministry "of" Construction',
      }),
    ]);
  });

  it.each([
    ['', [{ line: 1, field: '', reason: 'empty' }]],
    [
      'code,name_vi\nA1,x',
      [
        { line: 1, field: 'name_en', reason: 'missingColumn' },
        { line: 1, field: 'kind', reason: 'missingColumn' },
      ],
    ],
    [csv('"AB,Tên,Name,ministry,,,,'), [{ line: 2, field: '', reason: 'badQuotes' }]],
    [csv('AB,Tên,Name,ministry'), [{ line: 2, field: '', reason: 'columnCount' }]],
    [csv('a b,Tên,Name,ministry,,,,'), [{ line: 2, field: 'code', reason: 'invalidCode' }]],
    [
      csv('AB,Tên,Name,ministry,,,,', 'AB,Tên 2,Name 2,ministry,,,,'),
      [{ line: 3, field: 'code', reason: 'duplicateCode' }],
    ],
    [csv('AB,,Name,ministry,,,,'), [{ line: 2, field: 'name_vi', reason: 'required' }]],
    [csv('AB,Tên,Name,county,,,,'), [{ line: 2, field: 'kind', reason: 'unknownKind' }]],
    [csv('AB,Tên,Name,ministry,,2025-02-30,,'), [{ line: 2, field: 'valid_from', reason: 'invalidDate' }]],
    [
      csv('AB,Tên,Name,ministry,,2025-07-01,2025-06-30,'),
      [{ line: 2, field: 'valid_to', reason: 'endsBeforeStart' }],
    ],
    [csv('AB,Tên,Name,ministry,,,,AB'), [{ line: 2, field: 'replaces', reason: 'replacesItself' }]],
  ])('refuses %j with the line and the reason', (text, problems) => {
    expect(parseUnitCsv(text).problems).toEqual(problems);
  });
});

describe('planning an import', () => {
  const existing: ExistingUnit[] = [
    {
      id: 1,
      code: 'P1',
      nameVi: 'Tỉnh Một',
      nameEn: 'Province One',
      kind: 'province',
      level: 'provincial',
      parentCode: null,
      validTo: null,
    },
    {
      id: 2,
      code: 'P2',
      nameVi: 'Tỉnh Hai',
      nameEn: 'Province Two',
      kind: 'province',
      level: 'provincial',
      parentCode: null,
      validTo: null,
    },
    {
      id: 3,
      code: 'X1',
      nameVi: 'Xã Một',
      nameEn: 'Mot Commune',
      kind: 'commune',
      level: 'commune',
      parentCode: 'P1',
      validTo: null,
    },
  ];
  const plan = (...lines: string[]) =>
    planAgencyImport(existing, parseUnitCsv(csv(...lines)).units, '2025-07-01');

  it('adds, renames, moves and counts the unchanged; units left out stay as they are', () => {
    const p = plan(
      'P1,Tỉnh Một,Province One,province,,,,',
      'P2,Tỉnh Hai Mới,Province Two,province,,,,',
      'X1,Xã Một,Mot Commune,commune,P2,,,',
      'X2,Xã Hai,Hai Commune,commune,P9,,,',
      'P9,Tỉnh Chín,Province Nine,province,,,,',
    );
    expect(p.problems).toEqual([]);
    expect(p.add.map((u) => u.code)).toEqual(['P9', 'X2']);
    expect(p.rename).toEqual([
      { code: 'P2', nameVi: 'Tỉnh Hai Mới', nameEn: 'Province Two', fromVi: 'Tỉnh Hai' },
    ]);
    expect(p.move).toEqual([{ code: 'X1', parentCode: 'P2', fromParent: 'P1' }]);
    expect(p.unchanged).toBe(1);
    expect(p.expire).toEqual([]);
  });

  it('a merger ends its predecessors the day before; a split and a rename by code are events too', () => {
    const merger = plan('P3,Tỉnh Ba,Province Three,province,,,,P1;P2');
    expect(merger.expire).toEqual([
      { code: 'P1', nameVi: 'Tỉnh Một', validTo: '2025-06-30' },
      { code: 'P2', nameVi: 'Tỉnh Hai', validTo: '2025-06-30' },
    ]);
    expect(merger.changes).toEqual([
      { kind: 'merge', effectiveOn: '2025-07-01', from: ['P1', 'P2'], to: ['P3'] },
    ]);
    expect(merger.add[0]?.validFrom).toBe('2025-07-01');
    const split = plan('PA,Tỉnh A,A,province,,2026-01-01,,P1', 'PB,Tỉnh B,B,province,,2026-01-01,,P1');
    expect(split.changes).toEqual([
      { kind: 'split', effectiveOn: '2026-01-01', from: ['P1'], to: ['PA', 'PB'] },
    ]);
    expect(split.expire).toEqual([{ code: 'P1', nameVi: 'Tỉnh Một', validTo: '2025-12-31' }]);
    const rename = plan('P1B,Tỉnh Một B,One B,province,,,,P1');
    expect(rename.changes).toEqual([
      { kind: 'rename', effectiveOn: '2025-07-01', from: ['P1'], to: ['P1B'] },
    ]);
    const ended = plan('P2,Tỉnh Hai,Province Two,province,,,2025-06-30,');
    expect(ended.expire).toEqual([{ code: 'P2', nameVi: 'Tỉnh Hai', validTo: '2025-06-30' }]);
  });

  it.each([
    ['X9,Xã,Commune,commune,,,,', 'parent_code', 'parentRequired'],
    ['X9,Xã,Commune,commune,NOPE,,,', 'parent_code', 'unknownParent'],
    ['X9,Xã,Commune,commune,X1,,,', 'parent_code', 'parentNotProvincial'],
    ['B9,Bộ,Ministry,ministry,P1,,,', 'parent_code', 'noParentAllowed'],
    ['P3,Tỉnh Ba,Three,province,,,,NOPE', 'replaces', 'unknownPredecessor'],
    ['P1,Tỉnh Một,One,ministry,,,,', 'kind', 'levelChange'],
  ])('refuses %s (%s: %s)', (line, field, reason) => {
    expect(plan(line).problems).toEqual([{ line: 2, field, reason }]);
  });
});

describe('the unit import procedures', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: string;
  const call = (path: string, csvText: string) =>
    t.trpc(path, { csv: csvText, effectiveOn: '2025-07-01' }, { cookie: admin });
  const snapshot = async () => ({
    agencies: (await t.database.db.select({ n: count() }).from(agencies))[0]?.n,
    ended: (await t.database.db.select({ n: count() }).from(agencies).where(isNotNull(agencies.validTo)))[0]
      ?.n,
    changes: (await t.database.db.select({ n: count() }).from(agencyChanges))[0]?.n,
    audit: (await t.database.db.select({ n: count() }).from(auditLog))[0]?.n,
  });

  beforeAll(async () => {
    t = await createTestApp();
    await createUser(t.database, { username: 'qt.nhap', role: 'admin', agency: 'Văn phòng Chính phủ' });
    admin = await t.login('qt.nhap');
  });
  afterAll(() => t.close());

  const MERGER = csv(
    'TM-A,Tỉnh Mẫu A,Sample Province A,province,,,,',
    'TM-B,Tỉnh Mẫu B,Sample Province B,province,,,,',
    'TM-AB,Tỉnh Mẫu AB,Sample Province AB,province,,2025-07-01,,TM-A;TM-B',
  );

  it('previews what a list would change and writes nothing', async () => {
    const before = await snapshot();
    const res = await call('agencies.importPreview', MERGER);
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      applied: false,
      problems: [],
      added: [{ code: 'TM-A' }, { code: 'TM-B' }, { code: 'TM-AB' }],
      changes: [{ kind: 'merge', from: ['TM-A', 'TM-B'], to: ['TM-AB'] }],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('applies it: units added, the merged ones ended, the event and its links recorded, one audit entry', async () => {
    const before = await snapshot();
    const res = await call('agencies.importApply', MERGER);
    expect(res.status).toBe(200);
    expect(res.data.applied).toBe(true);
    const after = await snapshot();
    expect(after).toEqual({
      agencies: (before.agencies ?? 0) + 3,
      ended: (before.ended ?? 0) + 2,
      changes: (before.changes ?? 0) + 1,
      audit: (before.audit ?? 0) + 1,
    });
    const rows = await t.database.db
      .select({ code: agencies.code, validFrom: agencies.validFrom, validTo: agencies.validTo })
      .from(agencies)
      .where(eq(agencies.nameEn, 'Sample Province AB'));
    expect(rows).toEqual([{ code: 'TM-AB', validFrom: '2025-07-01', validTo: null }]);
    expect(await t.database.db.select().from(agencyChangeLinks)).toHaveLength(2);
    // The same list again changes nothing but reports the units as they now are.
    const again = await call('agencies.importPreview', MERGER);
    expect(again.data).toMatchObject({ added: [], renamed: [], moved: [], changes: [{ kind: 'merge' }] });
  });

  it('refuses a bad list whole, with each problem’s line, and changes nothing', async () => {
    const before = await snapshot();
    const bad = csv('TM-C,Tỉnh Mẫu C,Sample C,province,,,,', 'X-9,Xã lạ,Stray,commune,NOPE,,,');
    const preview = await call('agencies.importPreview', bad);
    expect(preview.data.problems).toEqual([{ line: 3, field: 'parent_code', reason: 'unknownParent' }]);
    const res = await call('agencies.importApply', bad);
    expect(res.status).toBe(400);
    expect(res.error.data.appCode).toBe('VALIDATION');
    expect(res.error.data.details).toEqual({
      reason: 'badUnitList',
      problems: [{ line: 3, field: 'parent_code', reason: 'unknownParent' }],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('is for administrators only', async () => {
    await createUser(t.database, { username: 'vp.nhap', role: 'office', agency: 'Văn phòng Chính phủ' });
    const office = await t.login('vp.nhap');
    const res = await t.trpc(
      'agencies.importPreview',
      { csv: MERGER, effectiveOn: '2025-07-01' },
      { cookie: office },
    );
    expect(res.status).toBe(403);
  });
});
