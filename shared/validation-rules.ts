import { formatNumber } from './number-format';
import type { TemplateField } from './report-values';

/**
 * Validation rules a template version carries beyond each field's own (type, required, min, max), as
 * DHIS2's validation rules: comparisons and sums across fields, and a warning for a value far from the
 * agency's previous periods. Errors block submission; a warning can be overridden with a written
 * explanation that reviewers see. The one definition: the form and the server evaluate the same rules
 * with `evaluateRules`, which also applies the rules every template has without writing them:
 * numerator ≤ denominator for each KPI pair (an error), and, for a field the system already holds a
 * figure for, a warning when the agency reports another figure.
 */
export const RULE_SEVERITIES = ['error', 'warning'] as const;
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

export const COMPARE_OPERATORS = ['lte', 'lt', 'gte', 'gt', 'eq'] as const;
export type CompareOperator = (typeof COMPARE_OPERATORS)[number];

export const RULE_KINDS = ['compare', 'sum', 'deviation'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

interface RuleBase {
  /** Stable within the template version; explanations are keyed on it. */
  code: string;
  severity: RuleSeverity;
  messageVi: string;
  messageEn: string;
}

export type ValidationRule =
  /** left op right, both field codes (skipped while either is empty). */
  | (RuleBase & { kind: 'compare'; left: string; op: CompareOperator; right: string })
  /** total = the sum of parts (skipped while any is empty). */
  | (RuleBase & { kind: 'sum'; total: string; parts: string[] })
  /** A value more than maxChangePercent away from the agency's previous accepted period (a warning). */
  | (RuleBase & { kind: 'deviation'; field: string; maxChangePercent: number });

/**
 * Figures the system already holds, which a template field can be prefilled from (task counts of the
 * agency's tasks at the period's cut-off, from the monthly monitoring report's as-of computation).
 */
export const SYSTEM_SOURCES = [
  'tasks.assigned',
  'tasks.completed',
  'tasks.overdue',
  'tasks.in_progress',
] as const;
export type SystemSource = (typeof SYSTEM_SOURCES)[number];

/** An agency's task counts at a cut-off, as the monthly monitoring report gives them. */
export interface TaskCountsAtCutoff {
  assigned: number;
  completedOnTime: number;
  completedLate: number;
  inProgress: number;
  overdue: number;
  noDeadline: number;
}

/**
 * The one map from a system source to its figure. "In progress" is every unfinished task not overdue
 * (with or without a deadline), so assigned = completed + overdue + in progress.
 */
export function systemFigure(source: SystemSource, counts: TaskCountsAtCutoff): number {
  switch (source) {
    case 'tasks.assigned':
      return counts.assigned;
    case 'tasks.completed':
      return counts.completedOnTime + counts.completedLate;
    case 'tasks.overdue':
      return counts.overdue;
    case 'tasks.in_progress':
      return counts.inProgress + counts.noDeadline;
  }
}

/** What `evaluateRules` found: one per rule that fails, worded in both languages. */
export interface RuleIssue {
  /**
   * The rule's code, which is also the key of its explanation: the template's own code, `kpi:<KPI>`
   * for a numerator/denominator pair, `source:<field>` for a difference from the system's figure.
   */
  code: string;
  kind: RuleKind | 'kpiPair' | 'source';
  severity: RuleSeverity;
  /** The fields concerned, in the rule's order. */
  fields: string[];
  messageVi: string;
  messageEn: string;
  /** The figure the value was held against: the previous period's value, or the system's figure. */
  reference: number | null;
}

export interface RuleContext {
  /** The agency's values in its latest accepted earlier period of the same template code. */
  previousValues?: Readonly<Record<string, unknown>> | null;
  /** The system's figures for the fields that have a system source, by field code. */
  systemValues?: Readonly<Record<string, number>> | null;
}

export const KPI_PAIR_PREFIX = 'kpi:';
export const SOURCE_PREFIX = 'source:';

type RuleField = Pick<TemplateField, 'code' | 'type' | 'labelVi' | 'labelEn' | 'kpiCode' | 'kpiRole'> & {
  systemSource?: SystemSource | null;
};

/**
 * The rules every template has without the administrator writing them: for every KPI fed as a share
 * (one numerator and one denominator field), numerator ≤ denominator, an error. Not editable.
 */
export function derivedRules(fields: readonly RuleField[]): ValidationRule[] {
  const pairs = new Map<string, { numerator?: string; denominator?: string }>();
  for (const field of fields) {
    if (!field.kpiCode || !field.kpiRole || field.type === 'text') continue;
    const pair = pairs.get(field.kpiCode) ?? {};
    pair[field.kpiRole] = field.code;
    pairs.set(field.kpiCode, pair);
  }
  const rules: ValidationRule[] = [];
  for (const [kpiCode, { numerator, denominator }] of pairs) {
    if (!numerator || !denominator) continue;
    rules.push({
      code: `${KPI_PAIR_PREFIX}${kpiCode}`,
      kind: 'compare',
      severity: 'error',
      left: numerator,
      op: 'lte',
      right: denominator,
      messageVi: `Tử số không được lớn hơn mẫu số (${kpiCode}).`,
      messageEn: `The numerator must not exceed the denominator (${kpiCode}).`,
    });
  }
  return rules;
}

function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Figures typed with decimals are compared within a relative tolerance, so 0,1 + 0,2 equals 0,3. */
function tolerance(...values: number[]): number {
  return 1e-12 * Math.max(1, ...values.map(Math.abs));
}

export function compareHolds(op: CompareOperator, left: number, right: number): boolean {
  const difference = left - right;
  const tol = tolerance(left, right);
  switch (op) {
    case 'lte':
      return difference <= tol;
    case 'lt':
      return difference < -tol;
    case 'gte':
      return difference >= -tol;
    case 'gt':
      return difference > tol;
    case 'eq':
      return Math.abs(difference) <= tol;
  }
}

/** The relative change from `previous` to `value`, in percent; null when there is no base (0). */
export function changePercent(value: number, previous: number): number | null {
  if (previous === 0) return null;
  return (100 * Math.abs(value - previous)) / Math.abs(previous);
}

/**
 * The issues the values raise under the template's rules and the derived ones. Pure: the form runs it
 * as the officer types, the server before every step that sends the figures on. A rule is skipped
 * while a field it needs is empty (the required check speaks for those), names a field that is not a
 * number field of the template, or lacks its context (no previous accepted period, no system figure).
 * A deviation from a previous value of 0 has no percentage and is not judged.
 */
export function evaluateRules(
  fields: readonly RuleField[],
  rules: readonly ValidationRule[],
  values: Readonly<Record<string, unknown>>,
  context: RuleContext = {},
): RuleIssue[] {
  const numeric = new Map(fields.filter((f) => f.type !== 'text').map((f) => [f.code, f]));
  const value = (code: string) => (numeric.has(code) ? numberOf(values[code]) : null);
  const issues: RuleIssue[] = [];
  const raise = (
    rule: Pick<ValidationRule, 'code' | 'severity' | 'messageVi' | 'messageEn'>,
    kind: RuleIssue['kind'],
    involved: string[],
    reference: number | null = null,
  ) =>
    issues.push({
      code: rule.code,
      kind,
      severity: rule.severity,
      fields: involved,
      messageVi: rule.messageVi,
      messageEn: rule.messageEn,
      reference,
    });

  const derived = derivedRules(fields);
  for (const rule of [...derived, ...rules]) {
    const kind = derived.includes(rule) ? 'kpiPair' : rule.kind;
    switch (rule.kind) {
      case 'compare': {
        const left = value(rule.left);
        const right = value(rule.right);
        if (left === null || right === null) break;
        if (!compareHolds(rule.op, left, right)) raise(rule, kind, [rule.left, rule.right]);
        break;
      }
      case 'sum': {
        const total = value(rule.total);
        const parts = rule.parts.map(value);
        if (total === null || parts.length === 0 || parts.some((p) => p === null)) break;
        const numbers = parts as number[];
        const sum = numbers.reduce((a, b) => a + b, 0);
        if (Math.abs(total - sum) > tolerance(total, ...numbers, sum))
          raise(rule, kind, [rule.total, ...rule.parts], sum);
        break;
      }
      case 'deviation': {
        const current = value(rule.field);
        const previous = numeric.has(rule.field) ? numberOf(context.previousValues?.[rule.field]) : null;
        if (current === null || previous === null) break;
        const change = changePercent(current, previous);
        if (change !== null && change > rule.maxChangePercent + 1e-9)
          raise(rule, kind, [rule.field], previous);
        break;
      }
    }
  }

  for (const field of numeric.values()) {
    if (!field.systemSource) continue;
    const reported = value(field.code);
    const system = numberOf(context.systemValues?.[field.code]);
    if (reported === null || system === null || compareHolds('eq', reported, system)) continue;
    raise(
      {
        code: `${SOURCE_PREFIX}${field.code}`,
        severity: 'warning',
        messageVi: `«${field.labelVi}» khác số liệu hệ thống đang theo dõi (${formatNumber(system, 'vi')}); cần giải trình.`,
        messageEn: `"${field.labelEn}" differs from the figure the system holds (${formatNumber(system, 'en')}); an explanation is needed.`,
      },
      'source',
      [field.code],
      system,
    );
  }
  return issues;
}

/** An explanation counts when it says something. */
export function isExplained(explanations: Readonly<Record<string, string>>, code: string): boolean {
  return (explanations[code] ?? '').trim() !== '';
}

/**
 * What stops the figures from going on: every error, and every warning nobody explained. The server
 * refuses submit, approval and acceptance on these; the form blocks its submit button on the errors.
 */
export function blockingIssues(
  issues: readonly RuleIssue[],
  explanations: Readonly<Record<string, string>>,
): RuleIssue[] {
  return issues.filter((i) => i.severity === 'error' || !isExplained(explanations, i.code));
}

/** The explanations that answer a raised warning (what a submitted revision keeps), trimmed. */
export function explanationsFor(
  issues: readonly RuleIssue[],
  explanations: Readonly<Record<string, string>>,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.severity === 'warning' && isExplained(explanations, issue.code)) {
      kept[issue.code] = (explanations[issue.code] ?? '').trim();
    }
  }
  return kept;
}

/** Whether evaluating the rules on these values needs the previous period or the system's figures. */
export function contextNeeded(
  fields: readonly RuleField[],
  rules: readonly ValidationRule[],
  values: Readonly<Record<string, unknown>>,
): { previous: boolean; system: boolean } {
  const filled = (code: string) => numberOf(values[code]) !== null;
  return {
    previous: rules.some((r) => r.kind === 'deviation' && filled(r.field)),
    system: fields.some((f) => Boolean(f.systemSource) && f.type !== 'text' && filled(f.code)),
  };
}
