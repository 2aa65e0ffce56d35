import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_DATA_DICTIONARY } from '../../shared/open-data-dictionary';
import type { PublicKpiDetail, PublicPortal } from '../../shared/schemas/open-data';
import { vietnamDate } from '../../shared/time';
import { agencies, kpiFigures, reportTemplates, submissionRevisions, submissions } from '../db/schema';
import { isCurrentAgency } from '../modules/agencies/current';
import { getKpiOverview } from '../modules/kpis/service';
import { DEMO_PASSWORD } from '../seed/demo';
import { seedIfEmpty } from '../seed/index';
import { createTestApp } from '../test/app';

/**
 * Issue 18, points 1–2 (ADR 0033): the public portal and the open-data files, read with no session.
 * Only accepted figures of closed periods: the demo history is seeded as of today, so the quarter
 * under way (its deadline ahead) is reported early by Hà Nội, accepted, and made to count inside the
 * system by a 1 % coverage floor; it must still appear nowhere in public.
 */
describe('public portal and open data', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let db: Awaited<ReturnType<typeof createTestApp>>['database']['db'];
  const today = vietnamDate(new Date());
  let openQuarter = '';
  let etagBefore = '';

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });
  const portal = async () => (await get('/public-api/portal')).json() as PublicPortal;

  beforeAll(async () => {
    t = await createTestApp({ config: { PUBLIC_URL: 'https://giamsat.example.gov.vn' } });
    db = t.database.db;
    await seedIfEmpty(db, { communes: 0, demo: true, today });
    etagBefore = (await get('/public-api/portal')).headers.etag as string;

    const [quarterly] = await db.select().from(reportTemplates).where(eq(reportTemplates.code, 'BC-CPS-QUY'));
    if (!quarterly) throw new Error('no quarterly report in the seed');
    const [hanoi] = await db
      .select({ id: agencies.id })
      .from(agencies)
      .where(and(eq(agencies.nameVi, 'Thành phố Hà Nội'), isCurrentAgency()));
    // The newest quarter Hà Nội has no report of: the one under way.
    const [previous] = await db
      .select({ values: submissionRevisions.values, periodKey: submissions.periodKey })
      .from(submissions)
      .innerJoin(
        submissionRevisions,
        and(
          eq(submissionRevisions.submissionId, submissions.id),
          eq(submissionRevisions.revision, submissions.currentRevision),
        ),
      )
      .where(and(eq(submissions.agencyId, hanoi?.id ?? 0), eq(submissions.templateId, quarterly.id)))
      .orderBy(desc(submissions.periodEnd))
      .limit(1);
    const [year, q] = (previous?.periodKey ?? '').split('-Q').map(Number);
    openQuarter = q === 4 ? `${(year ?? 0) + 1}-Q1` : `${year}-Q${(q ?? 0) + 1}`;
    const officer = await t.login('hanoi.chuyenvien', DEMO_PASSWORD);
    const leader = await t.login('hanoi.lanhdao', DEMO_PASSWORD);
    const office = await t.login('vpcp', DEMO_PASSWORD);
    const admin = await t.login('quantri', DEMO_PASSWORD);
    const saved = await t.trpc(
      'submissions.saveDraft',
      { templateId: quarterly.id, periodKey: openQuarter, values: previous?.values ?? {} },
      { cookie: officer },
    );
    expect(saved.status).toBe(200);
    const sent = await t.trpc(
      'submissions.submit',
      { id: saved.data.id, version: saved.data.version },
      { cookie: officer },
    );
    const approved = await t.trpc(
      'submissions.approve',
      { id: saved.data.id, version: sent.data.version, decision: 'accept' },
      { cookie: leader },
    );
    const accepted = await t.trpc(
      'submissions.review',
      { id: saved.data.id, version: approved.data.version, decision: 'accept' },
      { cookie: office },
    );
    expect(accepted.data.state).toBe('accepted');
    const floor = await t.trpc(
      'kpis.setCoverageFloor',
      { code: 'DV-01', coverageFloor: 1 },
      { cookie: admin },
    );
    expect(floor.status).toBe(200);
  }, 240_000);
  afterAll(() => t.close());

  it('answers anonymously, sets no cookie, and keeps the signed-in API closed', async () => {
    const res = await get('/public-api/portal');
    expect(res.statusCode).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toMatch(/^public/);
    const body = res.json() as PublicPortal;
    expect(body.kpis.length).toBeGreaterThan(10);
    expect(body.taskGroups.length).toBeGreaterThan(0);
    expect((await get('/export/kpis.csv')).statusCode).toBe(401);
  });

  it('publishes no figure of a period still open, even one that counts inside the system', async () => {
    // Inside: the early, accepted quarter is DV-01's national value (1 % floor reached).
    const inside = (await getKpiOverview(db)).items.find((k) => k.code === 'DV-01');
    expect(inside?.latest?.periodKey).toBe(openQuarter);
    expect(inside?.latest?.closed).toBe(false);
    // Outside: nowhere.
    const body = await portal();
    const dv01 = body.kpis.find((k) => k.code === 'DV-01');
    expect(dv01?.latest?.periodKey).not.toBe(openQuarter);
    for (const k of body.kpis)
      for (const p of k.periods) {
        expect(p.periodEnd < today).toBe(true);
        if (p.closesOn) expect(p.closesOn < today).toBe(true);
      }
    for (const url of [
      '/public-api/portal',
      '/public-api/kpis/DV-01',
      '/open-data/kpis.csv',
      '/open-data/kpis.json?lang=en',
      '/open-data/kpis/DV-01.csv',
      '/open-data/catalog.jsonld',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body.includes(openQuarter), url).toBe(false);
    }
    expect((await get(`/open-data/kpis/DV-01/${openQuarter}.csv`)).statusCode).toBe(404);
    expect((await get(`/open-data/kpis/DV-01/${openQuarter}.json`)).statusCode).toBe(404);
  });

  it('publishes each agency’s accepted figures of a published period, and only those', async () => {
    const detail = (await get('/public-api/kpis/DV-01')).json() as PublicKpiDetail;
    const period = detail.kpi.latest?.periodKey ?? '';
    expect(period).not.toBe('');
    const accepted = await db
      .select({ agencyId: kpiFigures.agencyId, value: kpiFigures.value })
      .from(kpiFigures)
      .innerJoin(submissions, eq(submissions.id, kpiFigures.submissionId))
      .where(
        and(
          eq(kpiFigures.kpiCode, 'DV-01'),
          eq(kpiFigures.periodKey, period),
          eq(submissions.state, 'accepted'),
        ),
      );
    const published = detail.agencies.filter((a) => a.periodKey === period);
    expect(published.map((a) => a.agencyId).sort()).toEqual(accepted.map((a) => a.agencyId).sort());
    // N of the national value is the agencies published.
    expect(detail.kpi.latest?.agencies).toBe(published.length);
    expect(detail.agencies.every((a) => detail.kpi.periods.some((p) => p.periodKey === a.periodKey))).toBe(
      true,
    );
  });

  it('CSV and JSON carry the portal’s figures: a BOM, Vietnamese headers and labels, English on request', async () => {
    const body = await portal();
    const csv = await get('/open-data/kpis.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF"Mã chỉ tiêu","Chỉ tiêu","Kỳ"')).toBe(true);
    const lines = csv.body.trim().split('\r\n');
    const rows = body.kpis.flatMap((k) => k.periods.map((p) => ({ k, p })));
    expect(lines.length - 1).toBe(rows.length);
    const first = rows.find(({ k }) => k.code === 'DV-01' && k.latest);
    const line = lines.find((l) => l.startsWith(`"DV-01"`) && l.includes(`"${first?.k.latest?.periodKey}"`));
    expect(line).toContain(`"${first?.k.nameVi}"`);
    expect(line).toMatch(/"Quý \w+|"Quý/);
    const json = (await get('/open-data/kpis.json?lang=en')).json() as {
      license: string;
      modified: string;
      records: Record<string, unknown>[];
    };
    expect(json.license).toContain('creativecommons.org/licenses/by/4.0');
    expect(json.modified).toBe(body.modified);
    expect(json.records.length).toBe(rows.length);
    for (const { k, p } of rows) {
      const record = json.records.find((r) => r.code === k.code && r.periodKey === p.periodKey);
      expect(record?.numerator).toBe(p.numerator);
      expect(record?.denominator).toBe(p.denominator);
      expect(record?.agencies).toBe(p.agencies);
      expect(record?.name).toBe(k.nameEn);
    }
    const en = await get('/open-data/kpis.csv?lang=en');
    expect(en.body.startsWith('\uFEFF"KPI code","KPI","Period"')).toBe(true);
    const groups = await get('/open-data/task-groups.csv');
    expect(groups.body.split('\r\n')[0]).toContain('"Nhóm nhiệm vụ"');
    expect((await get('/open-data/kpis.csv?lang=fr')).statusCode).toBe(400);
  });

  it('answers 304 to its ETag, and a new ETag once a figure changed', async () => {
    const first = await get('/open-data/kpis.csv');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get('/open-data/kpis.csv', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await get('/open-data/kpis.csv', { 'if-none-match': '"other"' })).statusCode).toBe(200);
    // The acceptance in beforeAll moved the data: the portal's ETag then is not the one before.
    expect((await get('/public-api/portal')).headers.etag).not.toBe(etagBefore);
  });

  it('a published report reopened by the Office leaves the public figures at the next request', async () => {
    const before = (await get('/public-api/kpis/DV-01')).json() as PublicKpiDetail;
    const period = before.kpi.latest?.periodKey ?? '';
    const first = before.agencies.find((a) => a.periodKey === period);
    const [row] = await db
      .select({ id: submissions.id, version: submissions.version })
      .from(kpiFigures)
      .innerJoin(submissions, eq(submissions.id, kpiFigures.submissionId))
      .where(
        and(
          eq(kpiFigures.kpiCode, 'DV-01'),
          eq(kpiFigures.periodKey, period),
          eq(kpiFigures.agencyId, first?.agencyId ?? 0),
        ),
      );
    const office = await t.login('vpcp', DEMO_PASSWORD);
    const reopened = await t.trpc(
      'submissions.reopen',
      { id: row?.id, version: row?.version, reason: 'Kiểm tra lại số liệu trước khi công bố.' },
      { cookie: office },
    );
    expect(reopened.status).toBe(200);
    await t.app.bus.pull();
    const after = (await get('/public-api/kpis/DV-01')).json() as PublicKpiDetail;
    const latest = after.kpi.periods.find((p) => p.periodKey === period);
    expect(latest?.agencies).toBe((before.kpi.latest?.agencies ?? 0) - 1);
    expect(after.agencies.some((a) => a.periodKey === period && a.agencyId === first?.agencyId)).toBe(false);
    const csv = (await get(`/open-data/kpis/DV-01/${period}.csv`)).body;
    expect(csv.includes(`"${first?.nameVi}"`)).toBe(false);
  });

  it('refuses what is not a published table, KPI or period', async () => {
    for (const url of [
      '/open-data/users.csv',
      '/open-data/kpis.xlsx',
      '/open-data/kpis/XX-99.csv',
      '/open-data/kpis/DV-01/2099-Q1.csv',
      '/open-data/kpis/DV-01/..%2F..%2Fpasswd.csv',
      '/public-api/kpis/not-a-kpi',
    ])
      expect((await get(url)).statusCode, url).toBe(404);
  });

  it('publishes a DCAT-AP catalogue whose every distribution answers 200', async () => {
    const res = await get('/open-data/catalog.jsonld');
    expect(res.headers['content-type']).toContain('application/ld+json');
    const catalog = res.json() as Record<string, unknown> & { 'dcat:dataset': Record<string, unknown>[] };
    expect(catalog['@context']).toMatchObject({
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
    });
    expect(catalog['@type']).toBe('dcat:Catalog');
    expect(catalog['dct:license']).toEqual({ '@id': 'https://creativecommons.org/licenses/by/4.0/' });
    const datasets = catalog['dcat:dataset'];
    expect(datasets.length).toBeGreaterThan(3);
    for (const dataset of datasets) {
      expect(dataset['@type']).toBe('dcat:Dataset');
      expect(dataset['dct:publisher']).toBeDefined();
      expect(dataset['dcat:contactPoint']).toBeDefined();
      expect(dataset['dct:modified']).toBeDefined();
      expect(dataset['dct:language']).toHaveLength(2);
      const distributions = dataset['dcat:distribution'] as { 'dcat:downloadURL': { '@id': string } }[];
      expect(distributions.length).toBe(4);
      for (const d of distributions) {
        const url = d['dcat:downloadURL']['@id'];
        expect(url.startsWith('https://giamsat.example.gov.vn/open-data/')).toBe(true);
        const answer = await get(url.slice('https://giamsat.example.gov.vn'.length));
        expect(answer.statusCode, url).toBe(200);
      }
    }
    const dictionary = (await get('/open-data/dictionary.json')).json() as { tables: unknown[] };
    expect(dictionary.tables).toHaveLength(OPEN_DATA_DICTIONARY.length);
  }, 120_000);
});

describe('the public rate limit', () => {
  it('is its own bucket: spent, it refuses the public routes and leaves the signed-in API alone', async () => {
    const t = await createTestApp({
      config: { PUBLIC_RATE_LIMIT_PER_MINUTE: '3', API_RATE_LIMIT_PER_MINUTE: '2' },
    });
    for (let i = 0; i < 3; i++)
      expect((await t.app.inject({ method: 'GET', url: '/open-data/dictionary.json' })).statusCode).toBe(200);
    const refused = await t.app.inject({ method: 'GET', url: '/public-api/portal' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    // The API's bucket is untouched: its two calls pass, its third is refused, the public one still is.
    for (let i = 0; i < 2; i++)
      expect((await t.app.inject({ method: 'GET', url: '/export/kpis.csv' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/export/kpis.csv' })).statusCode).toBe(429);
    // Another address has its own.
    const other = await t.app.inject({
      method: 'GET',
      url: '/open-data/dictionary.json',
      remoteAddress: '10.0.0.9',
    });
    expect(other.statusCode).toBe(200);
    await t.close();
  });
});
