import { AppError } from '../../../shared/errors';
import { type ExplanationState, type ExplanationStep, stepRule } from '../../../shared/explanations';
import { isOversight } from '../../../shared/roles';
import type { Actor } from '../auth/actor';

/**
 * Who may act on a task's accountability: only the Government Office reminds and asks for explanations
 * and decides on them; only the lead agency's officer answers and its leader approves; oversight roles
 * and the lead agency read. The procedures' role builders say who may call at all; these check the row.
 */

export function assertOffice(actor: Actor): void {
  if (actor.role !== 'office') throw new AppError('FORBIDDEN');
}

/** An explanation request is the lead agency's business and oversight's: to anyone else it does not exist. */
export function canReadExplanation(actor: Pick<Actor, 'role' | 'agencyId'>, request: { agencyId: number }) {
  return isOversight(actor.role) || actor.agencyId === request.agencyId;
}

/**
 * NOT_FOUND to whoever may not read the request (ids are sequential), FORBIDDEN without the right to
 * the step, CONFLICT when the request has moved on (another state, or another version than the form's).
 */
export function assertExplanationStep(
  actor: Actor,
  request: { agencyId: number; state: ExplanationState; version: number },
  step: ExplanationStep,
  version: number,
): void {
  if (!canReadExplanation(actor, request)) throw new AppError('NOT_FOUND');
  const rule = stepRule(step);
  if (actor.role !== rule.role || (rule.role !== 'office' && actor.agencyId !== request.agencyId)) {
    throw new AppError('FORBIDDEN');
  }
  if (request.state !== rule.from || request.version !== version) {
    throw new AppError('CONFLICT', 'staleVersion', {
      reason: 'staleVersion',
      currentVersion: request.version,
    });
  }
}
