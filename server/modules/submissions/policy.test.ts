import { describe, expect, it } from 'vitest';
import { isOversight, ROLES } from '../../../shared/roles';
import { SUBMISSION_STATES } from '../../../shared/schemas/reports';
import { submissionState } from '../../db/schema';
import {
  assertNotAwaiting,
  assertSubmissionRight,
  assertSubmissionState,
  assertSubmissionVisible,
  canDraft,
  canOpenNewForm,
  canReadSubmission,
  canSubmissionAction,
  isAwaitingApprovalFor,
  type SubmissionAction,
} from './policy';

const OWN = 7;
const OTHER = 8;

/** Who may take each action, in which states, as the workflow describes it (the Office's chain). */
const EXPECTED: Record<
  Exclude<SubmissionAction, 'provinceReview'>,
  { role: string; own: boolean; states: string[] }
> = {
  edit: { role: 'officer', own: true, states: ['draft', 'returned'] },
  submit: { role: 'officer', own: true, states: ['draft'] },
  approve: { role: 'leader', own: true, states: ['submitted'] },
  review: { role: 'office', own: false, states: ['approved'] },
  reopen: { role: 'office', own: false, states: ['accepted'] },
};

describe('the submission policy', () => {
  it('has the states the database has', () => {
    expect([...SUBMISSION_STATES]).toEqual(submissionState.enumValues);
  });

  it('gives each action to its role, on its agency when required, in its states only', () => {
    for (const [action, rule] of Object.entries(EXPECTED) as [
      Exclude<SubmissionAction, 'provinceReview'>,
      (typeof EXPECTED)['edit'],
    ][]) {
      for (const role of ROLES) {
        for (const agencyId of [OWN, OTHER]) {
          for (const state of SUBMISSION_STATES) {
            const actor = { role, agencyId: OWN };
            const right = role === rule.role && (!rule.own || agencyId === OWN);
            const expected = right && rule.states.includes(state);
            const submission = { agencyId, state };
            expect(
              canSubmissionAction(actor, action, submission),
              `${role} ${action} ${agencyId} ${state}`,
            ).toBe(expected);
            if (right) expect(() => assertSubmissionRight(actor, action, { agencyId })).not.toThrow();
            else expect(() => assertSubmissionRight(actor, action, { agencyId })).toThrow('FORBIDDEN');
            if (rule.states.includes(state)) expect(() => assertSubmissionState(action, state)).not.toThrow();
            else expect(() => assertSubmissionState(action, state)).toThrow('submissionLocked');
          }
        }
      }
    }
  });

  it('tells the Office a report still waits for its leader, only then; nobody else is told so', () => {
    for (const action of Object.keys(EXPECTED) as SubmissionAction[]) {
      for (const state of SUBMISSION_STATES) {
        if (action === 'review' && state === 'submitted')
          expect(() => assertNotAwaiting(action, state)).toThrow('awaitingApproval');
        else expect(() => assertNotAwaiting(action, state)).not.toThrow();
      }
    }
    for (const role of ROLES) {
      for (const state of SUBMISSION_STATES) {
        expect(isAwaitingApprovalFor({ role, agencyId: OTHER }, { agencyId: OWN, state })).toBe(
          role === 'office' && state === 'submitted',
        );
      }
    }
  });

  it('lets the agency and oversight read any state, and everyone an accepted submission', () => {
    for (const state of SUBMISSION_STATES) {
      expect(canReadSubmission({ role: 'officer', agencyId: OWN }, { agencyId: OWN, state })).toBe(true);
      expect(canReadSubmission({ role: 'inspector', agencyId: OTHER }, { agencyId: OWN, state })).toBe(true);
      expect(canReadSubmission({ role: 'leader', agencyId: OTHER }, { agencyId: OWN, state })).toBe(
        state === 'accepted',
      );
      // What another agency may not read answers as missing, whatever it asks to do with it.
      const outsider = () =>
        assertSubmissionVisible({ role: 'officer', agencyId: OTHER }, { agencyId: OWN, state });
      if (state === 'accepted') expect(outsider).not.toThrow();
      else expect(outsider).toThrow('NOT_FOUND');
    }
  });

  it('opens a new report to an obliged agency (its officer may draft) and to oversight', () => {
    const commune = { id: OWN, level: 'commune' };
    const byLevel = { levels: ['commune' as const] };
    const byList = { agencyIds: [OTHER] };
    expect(canOpenNewForm({ role: 'leader', agencyId: OWN }, byLevel, commune)).toBe(true);
    expect(canOpenNewForm({ role: 'leader', agencyId: OWN }, byList, commune)).toBe(false);
    expect(canOpenNewForm({ role: 'office', agencyId: OWN }, byList, commune)).toBe(true);
    expect(canDraft({ role: 'officer', agencyId: OWN }, byLevel, commune)).toBe(true);
    expect(canDraft({ role: 'officer', agencyId: OWN }, byList, commune)).toBe(false);
    expect(canDraft({ role: 'leader', agencyId: OWN }, byLevel, commune)).toBe(false);
    expect(canDraft({ role: 'office', agencyId: OWN }, byLevel, commune)).toBe(false);
  });

  it('under the province chain, only the parent province’s officer decides a commune’s report', () => {
    const PROVINCE = 20;
    const SIBLING = 21;
    const commune = { agencyId: OWN, decider: { by: 'province' as const, agencyId: PROVINCE } };
    for (const role of ROLES) {
      for (const agencyId of [OWN, PROVINCE, SIBLING, OTHER]) {
        for (const state of SUBMISSION_STATES) {
          const actor = { role, agencyId };
          const submission = { ...commune, state };
          expect(
            canSubmissionAction(actor, 'provinceReview', submission),
            `${role} ${agencyId} ${state}`,
          ).toBe(role === 'officer' && agencyId === PROVINCE && state === 'submitted');
          // The Office reads it but decides nothing of it; the commune's leader signs nothing off.
          expect(canSubmissionAction(actor, 'review', submission)).toBe(false);
          expect(canSubmissionAction(actor, 'reopen', submission)).toBe(false);
          expect(canSubmissionAction(actor, 'approve', submission)).toBe(false);
          expect(canReadSubmission(actor, submission)).toBe(
            agencyId === OWN || agencyId === PROVINCE || isOversight(role) || state === 'accepted',
          );
        }
      }
    }
    // The commune's officer sees its report but may not decide it: refused, not hidden.
    expect(() =>
      assertSubmissionRight({ role: 'officer', agencyId: OWN }, 'provinceReview', commune),
    ).toThrow('FORBIDDEN');
    // The Office's own chain is never the province's to decide.
    expect(
      canSubmissionAction({ role: 'officer', agencyId: PROVINCE }, 'provinceReview', {
        agencyId: OWN,
        state: 'submitted',
      }),
    ).toBe(false);
  });
});
