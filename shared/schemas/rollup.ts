import { z } from 'zod';
import { positiveId } from './ids';
import { completionRatesOutput, rankingRow, statusCounts } from './tasks';

/** A province's roll-up over its communes (server/modules/rollup). */
export const provinceRollupInput = z.object({ provinceId: positiveId() });
export type ProvinceRollupInput = z.input<typeof provinceRollupInput>;

/** A task in the roll-up's overdue and stale lists, each linking to its page. */
const rollupTask = z.object({
  id: z.number(),
  title: z.string(),
  leadAgencyId: z.number(),
  leadNameVi: z.string(),
  leadNameEn: z.string(),
  deadline: z.string().nullable(),
  latestPercent: z.number(),
  lastLeadUpdateAt: z.date().nullable(),
});

/**
 * A commune in the roll-up's ranking: what the page shows of a national ranking row (a province has up
 * to 168 communes, each line sent on every refresh).
 */
const rollupCommuneRow = rankingRow
  .pick({
    agencyId: true,
    nameVi: true,
    nameEn: true,
    total: true,
    assigned: true,
    overdueRate: true,
    ofDue: true,
    ranked: true,
    rank: true,
    formerUnits: true,
  })
  .extend({ overdue: z.number() });

const reportTotals = z.object({
  expected: z.number(),
  submitted: z.number(),
  onTime: z.number(),
  late: z.number(),
  missing: z.number(),
  completeness: z.number().nullable(),
  timeliness: z.number().nullable(),
});

const kpiFigure = z.object({
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable(),
});

export const provinceRollupOutput = z.object({
  asOf: z.date(),
  today: z.string(),
  province: z.object({ id: z.number(), nameVi: z.string(), nameEn: z.string() }),
  /** How many commune-level units the province runs (all of them, with tasks or not). */
  communeCount: z.number(),
  tasks: z.object({
    counts: statusCounts,
    rates: completionRatesOutput,
    dueSoon: z.number(),
    stale: z.number(),
    /** Every commune, ranked by overdue rate when it has enough tasks (`minTasksToRank`), else apart. */
    communes: z.array(rollupCommuneRow),
    minTasksToRank: z.number(),
    /** The longest overdue first, and the longest without a lead update first; `limit` of each. */
    overdue: z.array(rollupTask),
    stalest: z.array(rollupTask),
    listLimit: z.number(),
  }),
  /** Report regimes the communes must submit: completeness and timeliness over the communes. */
  reports: z.array(
    z.object({
      template: z.object({ id: z.number(), code: z.string(), nameVi: z.string(), nameEn: z.string() }),
      totals: reportTotals,
      communes: z.array(
        reportTotals.extend({ agencyId: z.number(), nameVi: z.string(), nameEn: z.string() }),
      ),
    }),
  ),
  /**
   * Share KPIs the communes have figures for, at the latest period any of them has one: the province's
   * aggregate Σ numerators / Σ denominators over its communes, and each commune's own figure.
   */
  kpis: z.array(
    kpiFigure.extend({
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      unit: z.string(),
      periodKey: z.string(),
      periodEnd: z.string(),
      /** How many communes the aggregate rests on. */
      reporting: z.number(),
      communes: z.array(
        kpiFigure.extend({
          agencyId: z.number(),
          nameVi: z.string(),
          nameEn: z.string(),
          submissionId: z.number().nullable(),
        }),
      ),
    }),
  ),
});
export type ProvinceRollup = z.infer<typeof provinceRollupOutput>;
