import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles';
import { assertMayReadAgencyKpis, canReadAgencyKpis, canReadKpiDetail, canSetCoverageFloor } from './policy';

/** Who reads every agency's KPI figures, written out as the users would say it. */
const READS_EVERY_AGENCY: Record<Role, boolean> = {
  admin: true,
  office: true,
  inspector: true,
  officer: false,
  leader: false,
};

describe('KPI policy', () => {
  it.each(ROLES)('%s: the ranking of every agency is for oversight roles only', (role) => {
    expect(canReadKpiDetail({ role })).toBe(READS_EVERY_AGENCY[role]);
  });

  it.each(ROLES)('%s: an agency’s KPI figures are for its own users and oversight roles', (role) => {
    expect(canReadAgencyKpis({ role, agencyId: 7 }, 7)).toBe(true);
    expect(canReadAgencyKpis({ role, agencyId: 7 }, 8)).toBe(READS_EVERY_AGENCY[role]);
    // Another agency's figures, out of scope, read as missing (NOT_FOUND), not as refused.
    if (READS_EVERY_AGENCY[role])
      expect(() => assertMayReadAgencyKpis({ role, agencyId: 7 }, 8)).not.toThrow();
    else expect(() => assertMayReadAgencyKpis({ role, agencyId: 7 }, 8)).toThrow('NOT_FOUND');
  });

  it.each(ROLES)('%s: only the administrator sets a KPI’s coverage floor', (role) => {
    expect(canSetCoverageFloor({ role })).toBe(role === 'admin');
  });
});
