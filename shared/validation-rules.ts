/**
 * Validation rules a template version carries beyond each field's own (type, required, min, max), as
 * DHIS2's validation rules: comparisons and sums across fields, and a warning for a value far from the
 * agency's previous periods. Errors block submission; a warning can be overridden with a written
 * explanation that reviewers see. The one definition: the form and the server evaluate the same rules.
 * (Evaluation lives beside the types; see `evaluateRules`.)
 */
export const RULE_SEVERITIES = ['error', 'warning'] as const;
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

export const COMPARE_OPERATORS = ['lte', 'lt', 'gte', 'gt', 'eq'] as const;
export type CompareOperator = (typeof COMPARE_OPERATORS)[number];

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
