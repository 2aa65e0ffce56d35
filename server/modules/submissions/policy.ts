import type { Decider } from '../../../shared/approval-levels';
import { AppError } from '../../../shared/errors';
import { isObliged, type Obligation } from '../../../shared/obligations';
import type { Role } from '../../../shared/roles';
import { isAgencyRole, isOversight } from '../../../shared/roles';
import type { SubmissionState } from '../../../shared/schemas/reports';
import type { Actor } from '../auth/actor';

/**
 * Who may do what to a submission: pure functions of the actor, the submission (whose agency, which
 * state) and the template's obligation. The router's role builders take their roles from here, the
 * services assert these on the locked row, and the form's action flags are computed from them.
 */
export type SubmissionAction = 'edit' | 'submit' | 'approve' | 'review' | 'reopen' | 'provinceReview';

type PolicyActor = Pick<Actor, 'role' | 'agencyId'>;

interface SubmissionRef {
  agencyId: number;
  state: SubmissionState;
  /** Whose decision it waits for (the template's approval chain); the Office when not stated. */
  decider?: Decider;
}

const OFFICE: Decider = { by: 'office' };

const RULES = {
  /** The agency's officer enters the figures; a returned submission opens a new revision. */
  edit: { role: 'officer', ownAgency: true, states: ['draft', 'returned'] },
  submit: { role: 'officer', ownAgency: true, states: ['draft'] },
  /** The agency's leader signs off or sends it back. */
  approve: { role: 'leader', ownAgency: true, states: ['submitted'] },
  /** The Government Office accepts or returns any agency's signed-off submission, and reopens it. */
  review: { role: 'office', ownAgency: false, states: ['approved'] },
  reopen: { role: 'office', ownAgency: false, states: ['accepted'] },
  /**
   * A commune's report under the province chain: its province's officer accepts or returns it as soon
   * as it is sent (the province's check is its approval level; its leader signs what goes to the Office).
   */
  provinceReview: { role: 'officer', ownAgency: false, states: ['submitted'] },
} as const satisfies Record<
  SubmissionAction,
  { role: Role; ownAgency: boolean; states: readonly SubmissionState[] }
>;

/** The actions that are the decider's; the others need the submission to wait for nobody but its agency. */
function decidedBy(action: SubmissionAction): Decider['by'] | null {
  if (action === 'provinceReview') return 'province';
  if (action === 'review' || action === 'reopen') return 'office';
  return null;
}

/** The role that may call each action's procedure at all (the router's guard). */
export function submissionActionRole<A extends SubmissionAction>(action: A): (typeof RULES)[A]['role'] {
  return RULES[action].role;
}

/** Whether the actor's role and agency give the action on this agency's submission, whatever its state. */
function mayAct(
  actor: PolicyActor,
  action: SubmissionAction,
  submission: Omit<SubmissionRef, 'state'>,
): boolean {
  const rule = RULES[action];
  if (actor.role !== rule.role || (rule.ownAgency && actor.agencyId !== submission.agencyId)) return false;
  const decider = submission.decider ?? OFFICE;
  // The leader signs off what goes to the Office; a commune's report goes to its province instead.
  if (action === 'approve') return decider.by === 'office';
  const by = decidedBy(action);
  if (by === null) return true;
  if (decider.by !== by) return false;
  return decider.by === 'office' || decider.agencyId === actor.agencyId;
}

function stateAccepts(action: SubmissionAction, state: SubmissionState): boolean {
  return (RULES[action].states as readonly SubmissionState[]).includes(state);
}

/** The action is open to this actor on this submission now (the form's buttons). */
export function canSubmissionAction(
  actor: PolicyActor,
  action: SubmissionAction,
  submission: SubmissionRef,
): boolean {
  return mayAct(actor, action, submission) && stateAccepts(action, submission.state);
}

/**
 * The services check the right (FORBIDDEN), then whether it waits for the agency's leader (CONFLICT
 * awaitingApproval), then the version they locked, then the state (CONFLICT submissionLocked), so a
 * stale form is told it is stale before it is told the submission moved on.
 */
export function assertSubmissionRight(
  actor: PolicyActor,
  action: SubmissionAction,
  submission: Omit<SubmissionRef, 'state'>,
): void {
  if (!mayAct(actor, action, submission)) throw new AppError('FORBIDDEN');
}

export function assertSubmissionState(action: SubmissionAction, state: SubmissionState): void {
  if (!stateAccepts(action, state))
    throw new AppError('CONFLICT', 'submissionLocked', { reason: 'submissionLocked' });
}

/**
 * A submission the Office would decide but its agency's leader has not signed off yet: the Office
 * waits for the leader (CONFLICT awaitingApproval), told so before any stale-version complaint.
 */
function awaitsLeader(action: SubmissionAction, state: SubmissionState): boolean {
  return action === 'review' && state === 'submitted';
}

export function assertNotAwaiting(action: SubmissionAction, state: SubmissionState): void {
  if (awaitsLeader(action, state))
    throw new AppError('CONFLICT', 'awaitingApproval', { reason: 'awaitingApproval' });
}

/** The actor would decide this submission once its leader has approved it (the page says it waits). */
export function isAwaitingApprovalFor(actor: PolicyActor, submission: SubmissionRef): boolean {
  return mayAct(actor, 'review', submission) && awaitsLeader('review', submission.state);
}

/**
 * The agency's own staff and oversight roles read a submission, and so does the staff of the province
 * that decides it; everyone reads an accepted one.
 */
export function canReadSubmission(actor: PolicyActor, submission: SubmissionRef): boolean {
  const decider = submission.decider ?? OFFICE;
  return (
    actor.agencyId === submission.agencyId ||
    isOversight(actor.role) ||
    submission.state === 'accepted' ||
    (decider.by === 'province' && decider.agencyId === actor.agencyId)
  );
}

/**
 * A submission the actor may not read is answered NOT_FOUND, as a missing id is (ids are sequential):
 * reads and actions alike, before any right or state is checked.
 */
export function assertSubmissionVisible(actor: PolicyActor, submission: SubmissionRef): void {
  if (!canReadSubmission(actor, submission)) throw new AppError('NOT_FOUND');
}

/** The form of a report not yet started: oversight roles and the users of an agency it obliges. */
export function canOpenNewForm(
  actor: PolicyActor,
  obligation: Obligation,
  agency: { id: number; level: string },
): boolean {
  return isOversight(actor.role) || isObliged(obligation, agency);
}

/** Starting or saving a draft: the officer of an agency the template obliges. */
export function canDraft(actor: PolicyActor, obligation: Obligation, agency: { id: number; level: string }) {
  return actor.role === RULES.edit.role && actor.agencyId === agency.id && isObliged(obligation, agency);
}

/**
 * The province's page of its communes' reports (province chain): its own officers and leaders. Anyone
 * else has no such page (FORBIDDEN tells nothing about a row). Deciding and sending up is its officer's.
 */
export function assertProvinceStaff(actor: PolicyActor, agency: { level: string }): void {
  if (!isAgencyRole(actor.role) || agency.level !== 'provincial') throw new AppError('FORBIDDEN');
}

/** The Excel form of a report: the staff of an agency the template obliges, for their own agency. */
export function canDownloadForm(
  actor: PolicyActor,
  obligation: Obligation,
  agency: { id: number; level: string },
): boolean {
  return isAgencyRole(actor.role) && actor.agencyId === agency.id && isObliged(obligation, agency);
}
