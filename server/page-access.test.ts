import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiPageFor, mayOpen, type PagePath } from '../shared/page-access';
import { CAST, type Cast, startCast, today, type Who } from './test/tasks';

/**
 * The pages' table (`shared/page-access.ts`) and the server agree: a role the menu and the route guard
 * let onto a page gets its data, a role they keep off is refused by the procedure behind it, and the
 * page a KPI's name links to answers every role that sees the link.
 */
const PAGE_DATA: { page: PagePath; procedure: string; input: () => unknown }[] = [
  { page: '/kpis/:code', procedure: 'kpis.detail', input: () => ({ code: 'DV-01' }) },
  { page: '/reports/monthly', procedure: 'reports.monthly', input: () => ({ month: today().slice(0, 7) }) },
  { page: '/admin/templates', procedure: 'templates.list', input: () => undefined },
  { page: '/admin/users', procedure: 'users.list', input: () => ({}) },
];

const PEOPLE = ['admin', 'office', 'leadOfficer', 'leadLeader', 'inspector'] as const satisfies Who[];

describe('who may open a page is who the server answers', () => {
  let c: Cast;
  beforeAll(async () => {
    c = await startCast();
  });
  afterAll(() => c.close());

  for (const { page, procedure, input } of PAGE_DATA) {
    it.each(PEOPLE)(`${page} and ${procedure} agree for %s`, async (who) => {
      const res = await c.query(who, procedure, input());
      const role = CAST[who].role;
      const answer = res.status === 200 ? 'ok' : res.error.data.appCode;
      expect([role, answer]).toEqual([role, mayOpen(role, page) ? 'ok' : 'FORBIDDEN']);
    });
  }

  it.each(PEOPLE)("links a KPI's name to a page that answers %s", async (who) => {
    const role = CAST[who].role;
    const agencyId = who === 'leadOfficer' || who === 'leadLeader' ? c.agency.finance : c.agency.office;
    const to = kpiPageFor({ role, agencyId }, 'DV-01');
    const own = /^\/kpis\/DV-01\/agencies\/(\d+)$/.exec(to ?? '');
    const res = own
      ? await c.query(who, 'kpis.agencySubmissions', { code: 'DV-01', agencyId: Number(own[1]) })
      : await c.query(who, 'kpis.detail', { code: 'DV-01' });
    expect([to, res.status]).toEqual([to, 200]);
    // Agency staff land on their own agency's figures, never on the ranking of every agency.
    if (role === 'officer' || role === 'leader') expect(to).toBe(`/kpis/DV-01/agencies/${agencyId}`);
  });
});
