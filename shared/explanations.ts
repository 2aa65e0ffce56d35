/**
 * Explanation requests (giải trình): the Government Office asks a task's lead agency why it is late; the
 * agency's officer answers with the cause, the remedy and a new committed date, its leader approves the
 * answer (or sends it back), and the Office accepts it or asks again. Pure rules, shared by the server's
 * services and the task page.
 */

export const EXPLANATION_STATES = [
  'awaiting_answer',
  'awaiting_leader',
  'awaiting_office',
  'accepted',
] as const;
export type ExplanationState = (typeof EXPLANATION_STATES)[number];

/** The steps of the workflow, each taken by one role of one party in one state. */
export const EXPLANATION_STEPS = ['answer', 'approve', 'sendBack', 'accept', 'askAgain'] as const;
export type ExplanationStep = (typeof EXPLANATION_STEPS)[number];

/** Who takes a step: the Office, or the lead agency's officer or leader. */
const STEP_RULES = {
  answer: { role: 'officer', from: 'awaiting_answer', to: 'awaiting_leader' },
  approve: { role: 'leader', from: 'awaiting_leader', to: 'awaiting_office' },
  sendBack: { role: 'leader', from: 'awaiting_leader', to: 'awaiting_answer' },
  accept: { role: 'office', from: 'awaiting_office', to: 'accepted' },
  askAgain: { role: 'office', from: 'awaiting_office', to: 'awaiting_answer' },
} as const satisfies Record<
  ExplanationStep,
  { role: 'officer' | 'leader' | 'office'; from: ExplanationState; to: ExplanationState }
>;

export function stepRule(step: ExplanationStep) {
  return STEP_RULES[step];
}

/** The steps this user may take on a request now: the role, the agency (lead agency's staff) and the state. */
export function allowedExplanationSteps(
  user: { role: string; agencyId: number },
  request: { state: ExplanationState; agencyId: number },
): ExplanationStep[] {
  return EXPLANATION_STEPS.filter((step) => {
    const rule = STEP_RULES[step];
    if (rule.from !== request.state || rule.role !== user.role) return false;
    return rule.role === 'office' || user.agencyId === request.agencyId;
  });
}

/** An explanation still awaiting the agency's answer after its due date is itself late. */
export function isExplanationLate(
  request: { state: ExplanationState; dueDate: string },
  today: string,
): boolean {
  return request.state === 'awaiting_answer' && request.dueDate < today;
}

/** Working days an agency gets to answer, when the Office does not say: the usual 5 (one working week). */
export const DEFAULT_ANSWER_WORKING_DAYS = 5;
export const MAX_ANSWER_WORKING_DAYS = 30;
