import type { Obligation } from './obligations';
import type { FieldType } from './report-values';

/**
 * Who approves a template's reports, level by level (as DHIS2's data approval). A version says it, like
 * its fields: 'office', the Government Office decides every obliged agency's report; or
 * 'province_then_office', communes report to their province, which accepts or returns each, and sends
 * the Office the computed sum of the accepted ones as its own report (docs/decisions/0030).
 */
export const APPROVAL_CHAINS = ['office', 'province_then_office'] as const;
export type ApprovalChain = (typeof APPROVAL_CHAINS)[number];

/** Under the province chain, communes fill the template; nobody else does. */
export const PROVINCE_CHAIN_OBLIGATION: Obligation = { levels: ['commune'] };

/** Fields a province can add up: counts and amounts; a percent or a 0/1 condition does not sum. */
export function isAddableField(field: { type: FieldType; kpiCode: string | null; kpiRole: string | null }) {
  if (field.type === 'percent') return false;
  return field.kpiCode === null || field.kpiRole !== null;
}

/**
 * The agencies the Office expects the report from: the obliged agencies, or, when communes report to
 * their province, the provinces (each sends the sum of its communes).
 */
export function officeObligation(template: { approval: ApprovalChain; obligation: Obligation }): Obligation {
  return template.approval === 'province_then_office' ? { levels: ['provincial'] } : template.obligation;
}

/** Whose decision a submission waits for: the Office, or the agency (a province) that approves it. */
export type Decider = { by: 'office' } | { by: 'province'; agencyId: number };

export function deciderOf(
  template: { approval: ApprovalChain },
  agency: { level: string; parentId: number | null },
): Decider {
  if (template.approval === 'province_then_office' && agency.level === 'commune' && agency.parentId !== null)
    return { by: 'province', agencyId: agency.parentId };
  return { by: 'office' };
}

/** One commune's accepted figures, as they enter its province's sum. */
export type FigureValues = Readonly<Record<string, number | string | null | undefined>>;

export interface ProvinceFigure {
  /** Σ of each number field over the accepted reports; text fields are left empty. */
  values: Record<string, number | string | null>;
  /** Communes whose accepted report is counted, of the communes that owe it. */
  accepted: number;
  expected: number;
}

/**
 * The province's figure: the sum of its communes' accepted figures, field by field. A KPI share's
 * numerator and denominator are summed apart, so its rate is Σ numerators / Σ denominators
 * (`aggregateShare` in kpi-math.ts), never a mean of rates. A field no accepted report filled stays
 * empty rather than reading as zero.
 */
export function provinceFigure(
  fields: readonly { code: string; type: FieldType }[],
  accepted: readonly FigureValues[],
  expected: number,
): ProvinceFigure {
  const values: Record<string, number | string | null> = {};
  for (const field of fields) {
    if (field.type === 'text') {
      values[field.code] = '';
      continue;
    }
    let sum: number | null = null;
    for (const figures of accepted) {
      const v = figures[field.code];
      if (typeof v === 'number' && Number.isFinite(v)) sum = (sum ?? 0) + v;
    }
    // Decimal amounts keep the precision they were entered with, not the float sum's noise.
    values[field.code] = sum === null ? null : Number(sum.toFixed(6));
  }
  return { values, accepted: accepted.length, expected };
}
