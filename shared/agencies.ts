/**
 * 'department': a province's department (sở, ban, ngành), under its province. A level of its own, so
 * nothing that counts, ranks or obliges provinces or communes counts it as either
 * (docs/decisions/0032-provincial-departments.md).
 */
export const AGENCY_LEVELS = ['central', 'provincial', 'department', 'commune'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

/** The levels whose units sit under a provincial unit (their province): the rest stand at the top. */
export const PROVINCE_CHILD_LEVELS = ['department', 'commune'] as const satisfies readonly AgencyLevel[];

export function isProvinceChildLevel(level: AgencyLevel): boolean {
  return (PROVINCE_CHILD_LEVELS as readonly AgencyLevel[]).includes(level);
}

/** The agency ranking's level filter: every level, or one. */
export const RANKING_LEVELS = ['all', ...AGENCY_LEVELS] as const;
export type RankingLevel = (typeof RANKING_LEVELS)[number];

export const AGENCY_KINDS = [
  'ministry',
  'ministry_level',
  'government_agency',
  'city',
  'province',
  'commune',
  'ward',
  'special_zone',
  'department',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const LEVEL_OF_KIND: Record<AgencyKind, AgencyLevel> = {
  ministry: 'central',
  ministry_level: 'central',
  government_agency: 'central',
  city: 'provincial',
  province: 'provincial',
  commune: 'commune',
  ward: 'commune',
  special_zone: 'commune',
  department: 'department',
};

/** How units change over time (docs/decisions/0028-time-versioned-agencies.md). */
export const AGENCY_CHANGE_KINDS = ['merge', 'split', 'rename'] as const;
export type AgencyChangeKind = (typeof AGENCY_CHANGE_KINDS)[number];

/** Under which units a figure is shown: as recorded (the units of the time) or re-aggregated to today's. */
export const AGENCY_BORDERS = ['current', 'recorded'] as const;
export type AgencyBorders = (typeof AGENCY_BORDERS)[number];
