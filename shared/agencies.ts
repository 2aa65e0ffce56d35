export const AGENCY_LEVELS = ['central', 'provincial', 'commune'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

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
};

/** How units change over time (docs/decisions/0028-time-versioned-agencies.md). */
export const AGENCY_CHANGE_KINDS = ['merge', 'split', 'rename'] as const;
export type AgencyChangeKind = (typeof AGENCY_CHANGE_KINDS)[number];

/** Under which units a figure is shown: as recorded (the units of the time) or re-aggregated to today's. */
export const AGENCY_BORDERS = ['current', 'recorded'] as const;
export type AgencyBorders = (typeof AGENCY_BORDERS)[number];
