import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import {
  DEFAULT_ESCALATION_RULES,
  ESCALATION_RULE_KINDS,
  type EscalationRuleKind,
  type EscalationRuleParams,
} from '../../../shared/escalation';
import type { EscalationRuleView, UpdateEscalationRule } from '../../../shared/schemas/escalation';
import { escalationRuleParams } from '../../../shared/schemas/escalation';
import { type Db, inTransaction } from '../../db/client';
import { escalationRules, users } from '../../db/schema';
import { appendAudit } from '../audit/service';
import type { Actor } from '../auth/actor';
import { recordChange } from '../live/record';

/** The rules as the job applies them: each kind's switch and parameters (saved, or the defaults). */
export type EscalationRuleSet = {
  [K in EscalationRuleKind]: { enabled: boolean; params: EscalationRuleParams[K] };
};

/**
 * Every rule, in the order of ESCALATION_RULE_KINDS: a saved row, or the defaults (version 0) for a
 * kind never saved. Saved parameters are read through the rule's schema with the defaults under them,
 * so a parameter added later has its default until saved.
 */
export async function findEscalationRules(db: Db): Promise<EscalationRuleView[]> {
  const rows = await db
    .select({
      kind: escalationRules.kind,
      enabled: escalationRules.enabled,
      params: escalationRules.params,
      version: escalationRules.version,
      updatedAt: escalationRules.updatedAt,
      updatedBy: users.fullName,
    })
    .from(escalationRules)
    .leftJoin(users, eq(users.id, escalationRules.updatedBy));
  return ESCALATION_RULE_KINDS.map((kind) => {
    const row = rows.find((r) => r.kind === kind);
    const defaults = DEFAULT_ESCALATION_RULES[kind];
    if (!row) return { kind, ...defaults, version: 0, updatedAt: null, updatedBy: null };
    const saved = escalationRuleParams[kind].safeParse({ ...defaults.params, ...(row.params as object) });
    return { ...row, params: saved.success ? saved.data : defaults.params };
  });
}

export async function loadEscalationRules(db: Db): Promise<EscalationRuleSet> {
  const views = await findEscalationRules(db);
  return Object.fromEntries(
    views.map((v) => [v.kind, { enabled: v.enabled, params: v.params }]),
  ) as unknown as EscalationRuleSet;
}

/**
 * The administrator switches a rule on or off or changes its parameters. The form's version must be
 * the saved one (0 for a rule never saved): a stale form is refused, not silently overwriting.
 */
export async function updateEscalationRule(
  db: Db,
  actor: Actor,
  input: UpdateEscalationRule,
  now = new Date(),
) {
  return inTransaction(db, async (tx) => {
    const [before] = await tx
      .select()
      .from(escalationRules)
      .where(eq(escalationRules.kind, input.kind))
      .for('update');
    const current = before?.version ?? 0;
    if (current !== input.version) {
      throw new AppError('CONFLICT', 'staleVersion', { reason: 'staleVersion', currentVersion: current });
    }
    const values = { enabled: input.enabled, params: input.params, updatedBy: actor.id, updatedAt: now };
    const [row] = before
      ? await tx
          .update(escalationRules)
          .set({ ...values, version: current + 1 })
          .where(eq(escalationRules.kind, input.kind))
          .returning()
      : await tx
          .insert(escalationRules)
          .values({ kind: input.kind, ...values, version: 1 })
          .onConflictDoNothing()
          .returning();
    // Two first saves at once: the second finds the row it did not read.
    if (!row) throw new AppError('CONFLICT', 'staleVersion', { reason: 'staleVersion' });
    await appendAudit(tx, actor, {
      action: 'escalation.rule.update',
      entityType: 'escalation_rule',
      entityId: input.kind,
      before: before ?? { kind: input.kind, ...DEFAULT_ESCALATION_RULES[input.kind] },
      after: row,
    });
    await recordChange(tx, { type: 'escalation.changed', payload: {} });
    const [view] = (await findEscalationRules(tx)).filter((r) => r.kind === input.kind);
    if (!view) throw new AppError('INTERNAL');
    return view;
  });
}
