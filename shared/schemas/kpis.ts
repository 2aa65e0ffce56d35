import { z } from 'zod';
import { AGENCY_BORDERS, AGENCY_LEVELS } from '../agencies';
import { AGENCY_TRENDS, KPI_CODE_PATTERN, KPI_SOURCES, KPI_STATUSES, PILLARS } from '../kpi-vocabulary';
import { positiveId } from './ids';
import { signingQuery } from './signing';

// ---- inputs (one schema per procedure, shared with the client and the HTTP exports) ----

const kpiCode = z.string().regex(KPI_CODE_PATTERN, 'invalidKpi');
const agencyId = positiveId();

/** The overview page's filters: the procedure's input, and what its downloads choose their KPIs by. */
export const kpiOverviewFilters = z.object({
  pillar: z.enum(PILLARS).optional(),
  status: z.enum(KPI_STATUSES).optional(),
});
export const kpiOverviewInput = kpiOverviewFilters.default({});
export type KpiOverviewInput = z.infer<typeof kpiOverviewInput>;
/** The KPI report's PDF (`GET /export/kpis.pdf`): the page's filters and the signing details. */
export const kpiPdfQuery = signingQuery.extend(kpiOverviewFilters.shape);
export const kpiCodeInput = z.object({ code: kpiCode });
/** The drill-down under today's units (default) or the units the figures were recorded under. */
export const kpiDetailInput = z.object({ code: kpiCode, borders: z.enum(AGENCY_BORDERS).default('current') });
export const kpiAgencyInput = z.object({ code: kpiCode, agencyId });
export const scorecardInput = z.object({ agencyId });

// ---- outputs (the types the server builds and the client reads) ----

export const bilingual = z.object({ vi: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof bilingual>;

const pillar = z.enum(PILLARS);
const kpiStatus = z.enum(KPI_STATUSES);

export const kpiTarget = z.object({ year: z.number(), value: z.number() });
export type KpiTarget = z.infer<typeof kpiTarget>;

export const kpiSeriesPoint = z.object({
  periodKey: z.string(),
  periodEnd: z.string(),
  value: z.number().nullable(),
  planned: z.number().nullable(),
});
export type KpiSeriesPoint = z.infer<typeof kpiSeriesPoint>;

export const kpiForecast = z.object({
  method: bilingual,
  byTargetYear: z.array(z.object({ year: z.number(), value: z.number() })),
  points: z.array(z.object({ periodKey: z.string(), periodEnd: z.string(), value: z.number() })),
});
export type KpiForecast = z.infer<typeof kpiForecast>;

/**
 * A national value of one period and what it rests on: N (`agencies`) of M (`obliged`) agencies.
 * For share KPIs N is the agencies with an accepted figure of the period; for "share of agencies"
 * KPIs N is the agencies that stated it in that period and `carriedForward` those counted by an
 * earlier statement. System-computed KPIs have no obligation (M, coverage and closing date null).
 */
export const kpiPeriodValue = z.object({
  periodKey: z.string(),
  periodEnd: z.string(),
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  agencies: z.number(),
  obliged: z.number().nullable(),
  /** N / M in percent. */
  coverage: z.number().nullable(),
  carriedForward: z.number().nullable(),
  /** The submission deadline of the period (the latest of the regimes collecting it). */
  closesOn: z.string().nullable(),
  /** Whether that deadline has passed (else the value counts because coverage reached the floor). */
  closed: z.boolean(),
});
export type KpiPeriodValue = z.infer<typeof kpiPeriodValue>;

export const kpiSummary = z.object({
  code: z.string(),
  pillar,
  nameVi: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  source: z.enum(KPI_SOURCES),
  /** The latest national value: a period closed, or whose coverage reached the floor. */
  latest: kpiPeriodValue.nullable(),
  /**
   * The newest period after it that is neither closed nor covered up to the floor: shown with its
   * coverage, never in the series, the trend, the forecast or the status.
   */
  provisional: kpiPeriodValue.nullable(),
  /** Coverage (percent of obliged agencies) at which a period not yet closed counts. */
  coverageFloor: z.number(),
  baseline: z.object({ periodKey: z.string(), value: z.number() }).nullable(),
  targets: z.array(kpiTarget),
  /** Latest value / target, per target year. */
  attainment: z.array(z.object({ year: z.number(), ratio: z.number().nullable() })),
  status: kpiStatus,
  statusReason: bilingual,
  series: z.array(kpiSeriesPoint),
  forecast: kpiForecast.nullable(),
  /** How the value is defined (source and, for system KPIs, the computation). */
  definition: bilingual,
});
export type KpiSummary = z.infer<typeof kpiSummary>;

/** An indicator the system computes that is not a Program KPI: no target, no status. */
export const systemIndicatorSummary = z.object({
  code: z.string(),
  pillar,
  nameVi: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  definition: bilingual,
  latest: kpiPeriodValue.nullable(),
  series: z.array(z.object({ periodKey: z.string(), periodEnd: z.string(), value: z.number().nullable() })),
});
export type SystemIndicatorSummary = z.infer<typeof systemIndicatorSummary>;

export const kpiOverviewOutput = z.object({
  items: z.array(kpiSummary),
  /** System indicators (not filtered by status: they have none). */
  indicators: z.array(systemIndicatorSummary),
});

export const agencyKpiRow = z.object({
  agencyId: z.number(),
  nameVi: z.string(),
  nameEn: z.string(),
  level: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  previousValue: z.number().nullable(),
  trend: z.enum(AGENCY_TRENDS).nullable(),
  periodKey: z.string().nullable(),
  /** How many periods before the national value's period the figure is (0: the same period). */
  age: z.number().nullable(),
  /** The figure counts in the national value from an earlier period ("share of agencies" KPIs). */
  carriedForward: z.boolean(),
  /** Null when the figure adds up several former units' (today's units). */
  submissionId: z.number().nullable(),
  /** The unit's last day, for a former unit listed as recorded. */
  validTo: z.string().nullable(),
  /** How many former units' figures the row carries (today's units). */
  formerUnits: z.number(),
});
export type AgencyKpiRow = z.infer<typeof agencyKpiRow>;

/** Obliged agencies without an accepted figure of a period (with the earlier period carried, if any). */
export const kpiPeriodCoverage = z.object({
  periodKey: z.string(),
  missing: z.array(
    z.object({
      agencyId: z.number(),
      nameVi: z.string(),
      nameEn: z.string(),
      carriedFrom: z.string().nullable(),
    }),
  ),
});
export type KpiPeriodCoverage = z.infer<typeof kpiPeriodCoverage>;

export const kpiDetail = kpiSummary.extend({
  /** Under which units the ranking and the heatmap are: today's or as recorded. The national figure is the same. */
  borders: z.enum(AGENCY_BORDERS),
  /** The ranking is as of the national value's period: each agency's figure up to it. */
  ranking: z.array(agencyKpiRow),
  /** Who is missing from the latest national value and from the provisional period. */
  coverageDetail: z.object({
    latest: kpiPeriodCoverage.nullable(),
    provisional: kpiPeriodCoverage.nullable(),
  }),
  heatmap: z.object({
    /** The series' periods, then the provisional one (if any). */
    periods: z.array(z.string()),
    provisionalPeriod: z.string().nullable(),
    rows: z.array(
      z.object({
        agencyId: z.number(),
        nameVi: z.string(),
        nameEn: z.string(),
        values: z.array(z.number().nullable()),
      }),
    ),
  }),
});
export type KpiDetail = z.infer<typeof kpiDetail>;

const agencyHeader = z.object({
  id: z.number(),
  nameVi: z.string(),
  nameEn: z.string(),
  level: z.enum(AGENCY_LEVELS),
});

export const agencyKpiSubmissionsOutput = z.object({
  agency: agencyHeader,
  kpi: z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), unit: z.string() }),
  rows: z.array(
    z.object({
      submissionId: z.number(),
      periodKey: z.string(),
      periodEnd: z.string(),
      state: z.string(),
      revision: z.number(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      value: z.number().nullable(),
      level: z.number().nullable(),
      acceptedAt: z.date().nullable(),
      templateCode: z.string(),
      templateVersion: z.number(),
    }),
  ),
});
export type AgencyKpiSubmissions = z.infer<typeof agencyKpiSubmissionsOutput>;

export const scorecardOutput = z.object({
  agency: agencyHeader,
  items: z.array(
    z.object({
      code: z.string(),
      pillar,
      nameVi: z.string(),
      nameEn: z.string(),
      unit: z.string(),
      agencyValue: z.number().nullable(),
      agencyPeriodKey: z.string().nullable(),
      agencyLevel: z.number().nullable(),
      nationalValue: z.number().nullable(),
      targets: z.array(kpiTarget),
      /** The agency's own status, by the same rule on its own series. */
      agencyStatus: kpiStatus,
      agencyStatusReason: bilingual,
      /** The KPI's national status, as the overview gives it. */
      nationalStatus: kpiStatus,
    }),
  ),
});
export type Scorecard = z.infer<typeof scorecardOutput>;

export const setCoverageFloorInput = z.object({ code: kpiCode, coverageFloor: z.number().min(0).max(100) });
export const setCoverageFloorOutput = z.object({ code: z.string(), coverageFloor: z.number() });

export const offTrackCountOutput = z.object({ offTrack: z.number(), atRisk: z.number(), total: z.number() });
