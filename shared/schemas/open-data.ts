import { z } from 'zod';
import { AGENCY_LEVELS } from '../agencies';
import { KPI_SOURCES, KPI_STATUSES, PILLARS } from '../kpi-vocabulary';
import { bilingual, kpiTarget } from './kpis';
import { statusCounts } from './tasks';

/**
 * What the public progress portal and the open-data files publish (issue 18, ADR 0033): only
 * accepted figures of closed periods (`isPublishedPeriod` in shared/kpi-math.ts). One shape for the
 * portal's JSON, the files and the page.
 */

/** A published national value of one period, with what it rests on (N of M agencies). */
export const publishedPeriod = z.object({
  periodKey: z.string(),
  periodEnd: z.string(),
  /** Percent; null when the period's denominator is 0. */
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  /** Agencies whose accepted figure the value rests on (N). */
  agencies: z.number(),
  /** Agencies obliged to report it (M); null for a KPI the system computes. */
  obliged: z.number().nullable(),
  coverage: z.number().nullable(),
  /** The period's submission deadline; null for a KPI the system computes. */
  closesOn: z.string().nullable(),
  /** The planned trajectory at the period's end (percent). */
  planned: z.number().nullable(),
});
export type PublishedPeriod = z.infer<typeof publishedPeriod>;

export const publishedKpi = z.object({
  code: z.string(),
  pillar: z.enum(PILLARS),
  nameVi: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  source: z.enum(KPI_SOURCES),
  definition: bilingual,
  targets: z.array(kpiTarget),
  status: z.enum(KPI_STATUSES),
  statusReason: bilingual,
  latest: publishedPeriod.nullable(),
  periods: z.array(publishedPeriod),
});
export type PublishedKpi = z.infer<typeof publishedKpi>;

export const publishedTaskGroup = z.object({
  groupNo: z.number(),
  nameVi: z.string(),
  nameEn: z.string(),
  total: z.number(),
  counts: statusCounts,
});
export type PublishedTaskGroup = z.infer<typeof publishedTaskGroup>;

/** `GET /public-api/portal`: the portal's first screen. */
export const publicPortal = z.object({
  /** When the published data last changed (ISO instant). */
  modified: z.string(),
  /** Vietnam's date the task counts are as of. */
  tasksAsOf: z.string(),
  kpis: z.array(publishedKpi),
  taskGroups: z.array(publishedTaskGroup),
});
export type PublicPortal = z.infer<typeof publicPortal>;

export const publishedAgencyFigure = z.object({
  kpiCode: z.string(),
  periodKey: z.string(),
  agencyId: z.number(),
  nameVi: z.string(),
  nameEn: z.string(),
  level: z.enum(AGENCY_LEVELS),
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
});
export type PublishedAgencyFigure = z.infer<typeof publishedAgencyFigure>;

/** `GET /public-api/kpis/:code`: one KPI with every agency's published figures, newest period first. */
export const publicKpiDetail = z.object({
  modified: z.string(),
  kpi: publishedKpi,
  agencies: z.array(publishedAgencyFigure),
});
export type PublicKpiDetail = z.infer<typeof publicKpiDetail>;

/** A period key as a URL path segment: `2026-M10`, `2026-Q3`, `2026-H1`, `2026-9M`, `2026-Y`. */
export const PERIOD_KEY_PATTERN = /^\d{4}-(M(0[1-9]|1[0-2])|Q[1-4]|H1|9M|Y)$/;
