import { describe, expect, it } from 'vitest';
import { kpiPageFor, mayOpen, mayRegisterDocuments, PAGE_ROLES, type PagePath } from './page-access';
import { AGENCY_ROLES, ROLES } from './roles';

/** The page of the table an address falls on (`:param` matches one segment). */
function pageOf(address: string): PagePath | undefined {
  const pages = Object.keys(PAGE_ROLES) as PagePath[];
  return pages.find((page) =>
    new RegExp(`^${page.replace(/:[a-zA-Z]+/g, '[^/]+')}$`).test(address.split('?')[0] ?? ''),
  );
}

describe('the pages a role may open', () => {
  it.each(ROLES)("links a KPI's name, for %s, to a page that role may open", (role) => {
    const to = kpiPageFor({ role, agencyId: 7 }, 'DV-01');
    const page = to ? pageOf(to) : undefined;
    expect(page && [page, mayOpen(role, page)]).toEqual([page, true]);
  });

  it.each(AGENCY_ROLES)('takes %s from a KPI to its own agency, not to the ranking of all', (role) => {
    expect(mayOpen(role, '/kpis/:code')).toBe(false);
    expect(kpiPageFor({ role, agencyId: 7 }, 'DV-01')).toBe('/kpis/DV-01/agencies/7');
  });

  it('gives every page at least one role, and only roles that exist', () => {
    for (const [page, roles] of Object.entries(PAGE_ROLES)) {
      expect([page, roles.length > 0]).toEqual([page, true]);
      for (const role of roles) expect(ROLES).toContain(role);
    }
  });

  it('lets the Office and a province’s officers register documents, nobody else', () => {
    const who = ROLES.flatMap((role) =>
      (['central', 'provincial', 'commune'] as const)
        .filter((agencyLevel) => mayRegisterDocuments({ role, agencyLevel }))
        .map((agencyLevel) => `${role}@${agencyLevel}`),
    );
    expect(who).toEqual(['office@central', 'office@provincial', 'office@commune', 'officer@provincial']);
    for (const role of ROLES)
      if (who.some((w) => w.startsWith(`${role}@`))) expect(mayOpen(role, '/documents/new')).toBe(true);
  });
});
