/**
 * The words of the Program's KPIs (Decision 2629/QĐ-TTg) that both sides use: pillars, where a value
 * comes from, the status of a KPI and the trend of an agency's figure.
 */

export const PILLARS = ['services', 'data', 'operations', 'people', 'security'] as const;
export type Pillar = (typeof PILLARS)[number];

export const KPI_STATUSES = ['on_track', 'at_risk', 'off_track', 'insufficient_data'] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];

/**
 * Where a KPI's value comes from:
 * - share: agencies report a numerator and a denominator; national = Σ numerators / Σ denominators;
 * - agency_condition: "share of agencies that …": each agency reports 0/1; national = agencies meeting
 *   the condition / all obliged agencies;
 * - maturity: each agency reports its data-governance maturity level (1–5); the KPI is the share of
 *   obliged agencies at or above a level;
 * - system: computed from the system's own records (reports and tasks), nobody types it in.
 */
export const KPI_SOURCES = ['share', 'agency_condition', 'maturity', 'system'] as const;
export type KpiSource = (typeof KPI_SOURCES)[number];

/** An agency's latest figure against its previous one. */
export const AGENCY_TRENDS = ['up', 'down', 'flat'] as const;
export type AgencyTrend = (typeof AGENCY_TRENDS)[number];

/** A KPI code as the catalog writes it: pillar letters, a dash, two digits ("DV-01"). */
export const KPI_CODE_PATTERN = /^[A-Z]{2}-\d{2}$/;
