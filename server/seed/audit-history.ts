import { asc, eq, min } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  auditLog,
  completionReports,
  extensionRequests,
  progressUpdates,
  submissionRevisions,
  submissions,
  taskStates,
  tasks,
  users,
} from '../db/schema';
import { type AuditContent, auditHash, GENESIS_HASH, toJsonValue } from '../modules/audit/hash';

type Entry = Omit<AuditContent, 'userId' | 'username' | 'role' | 'agencyId'> & { userId: number | null };

/**
 * The audit trail of the seeded history, as the services would have written it at the time: a task's
 * registration, every progress update, extension decision, completion report and acceptance, and its
 * withdrawal; a report's submission, its leader's approval and the Office's acceptance. In time order, hash-chained like every other entry, so an inspector who drills
 * from a KPI figure to its submission finds who did what and when, and `audit.verify` checks it all.
 */
export async function seedAuditHistory(db: Db): Promise<number> {
  // History goes first in the chain: never after entries real users have already written.
  const [existing] = await db.select({ id: auditLog.id }).from(auditLog).limit(1);
  if (existing) return 0;
  const people = new Map(
    (
      await db
        .select({ id: users.id, username: users.username, role: users.role, agencyId: users.agencyId })
        .from(users)
    ).map((u) => [u.id, u]),
  );
  const entries: Entry[] = [];

  const taskRows = await db
    .select({
      id: tasks.id,
      title: tasks.title,
      leadAgencyId: tasks.leadAgencyId,
      // As assigned: a later extension has its own entry.
      deadline: tasks.originalDeadline,
      createdBy: tasks.createdBy,
      createdAt: tasks.createdAt,
    })
    .from(tasks);
  for (const t of taskRows) {
    const { id, createdBy, createdAt, ...after } = t;
    entries.push({
      at: createdAt,
      userId: createdBy,
      action: 'task.create',
      entityType: 'task',
      entityId: String(id),
      before: null,
      after: { id, ...after },
    });
  }
  const progressRows = await db.select().from(progressUpdates).orderBy(asc(progressUpdates.id));
  for (const p of progressRows) {
    entries.push({
      at: p.createdAt,
      userId: p.authorId,
      action: `task.${p.kind}`,
      entityType: 'task',
      entityId: String(p.taskId),
      before: null,
      after: { id: p.id, percent: p.percent, narrative: p.narrative },
    });
  }

  const extensionRows = await db.select().from(extensionRequests).orderBy(asc(extensionRequests.id));
  for (const e of extensionRows) {
    const request = { id: e.id, taskId: e.taskId, requestedDeadline: e.requestedDeadline };
    entries.push({
      at: e.createdAt,
      userId: e.requestedBy,
      action: 'extension.request',
      entityType: 'task',
      entityId: String(e.taskId),
      before: null,
      after: { ...request, reason: e.reason, state: 'pending' },
    });
    if (e.decidedAt) {
      entries.push({
        at: e.decidedAt,
        userId: e.decidedBy,
        action: `extension.${e.state}`,
        entityType: 'task',
        entityId: String(e.taskId),
        before: { ...request, state: 'pending' },
        after: { ...request, state: e.state },
      });
    }
  }
  const completionRows = await db.select().from(completionReports).orderBy(asc(completionReports.id));
  for (const c of completionRows) {
    const report = { id: c.id, taskId: c.taskId, completionDate: c.completionDate };
    entries.push({
      at: c.createdAt,
      userId: c.reportedBy,
      action: 'completion.report',
      entityType: 'task',
      entityId: String(c.taskId),
      before: null,
      after: { ...report, result: c.result, state: 'awaiting_leader' },
    });
    if (c.leaderAt) {
      entries.push({
        at: c.leaderAt,
        userId: c.leaderId,
        action: 'completion.awaiting_office',
        entityType: 'task',
        entityId: String(c.taskId),
        before: { ...report, state: 'awaiting_leader' },
        after: { ...report, state: 'awaiting_office' },
      });
    }
    if (c.state === 'accepted' && c.reviewedAt) {
      entries.push({
        at: c.reviewedAt,
        userId: c.reviewerId,
        action: 'completion.accepted',
        entityType: 'task',
        entityId: String(c.taskId),
        before: { ...report, state: 'awaiting_office' },
        after: { ...report, state: 'accepted' },
      });
    }
  }
  // Withdrawals: by the Office, at the instant the task's history records them.
  const office = [...people.values()].find((p) => p.role === 'office');
  const withdrawals = await db
    .select({ taskId: taskStates.taskId, at: min(taskStates.validFrom) })
    .from(taskStates)
    .where(eq(taskStates.withdrawn, true))
    .groupBy(taskStates.taskId)
    .orderBy(asc(taskStates.taskId));
  for (const w of withdrawals) {
    if (!w.at) continue;
    entries.push({
      at: w.at,
      userId: office?.id ?? null,
      action: 'task.update',
      entityType: 'task',
      entityId: String(w.taskId),
      before: { id: w.taskId, withdrawn: false },
      after: { id: w.taskId, withdrawn: true },
    });
  }

  const revisionRows = await db
    .select({
      submissionId: submissions.id,
      templateId: submissions.templateId,
      agencyId: submissions.agencyId,
      periodKey: submissions.periodKey,
      revision: submissionRevisions.revision,
      values: submissionRevisions.values,
      authorId: submissionRevisions.authorId,
      submittedAt: submissionRevisions.submittedAt,
      approverId: submissionRevisions.approverId,
      approvedAt: submissionRevisions.approvedAt,
      reviewerId: submissionRevisions.reviewerId,
      reviewedAt: submissionRevisions.reviewedAt,
      reviewOutcome: submissionRevisions.reviewOutcome,
      coverage: submissionRevisions.coverage,
    })
    .from(submissionRevisions)
    .innerJoin(submissions, eq(submissions.id, submissionRevisions.submissionId));
  for (const r of revisionRows) {
    const key = {
      id: r.submissionId,
      templateId: r.templateId,
      agencyId: r.agencyId,
      periodKey: r.periodKey,
    };
    const step = (at: Date | null, userId: number | null, action: string, from: string, to: string) => {
      if (!at) return;
      entries.push({
        at,
        userId,
        action,
        entityType: 'submission',
        entityId: String(r.submissionId),
        before: { ...key, state: from, revision: r.revision },
        after: {
          ...key,
          state: to,
          revision: r.revision,
          ...(action === 'submission.submit' ? { values: r.values } : {}),
        },
      });
    };
    // A province's computed figure is sent up, not typed and submitted.
    step(
      r.submittedAt,
      r.authorId,
      r.coverage ? 'submission.send_up' : 'submission.submit',
      'draft',
      'submitted',
    );
    step(r.approvedAt, r.approverId, 'submission.leader_accept', 'submitted', 'approved');
    if (r.approvedAt === null && (r.reviewOutcome === 'accepted' || r.reviewOutcome === 'returned')) {
      // A commune's report decided by its province (province chain): no leader's sign-off before it.
      const outcome = r.reviewOutcome;
      step(r.reviewedAt, r.reviewerId, `submission.province_${outcome}`, 'submitted', outcome);
    } else if (r.reviewOutcome === 'accepted')
      step(r.reviewedAt, r.reviewerId, 'submission.accepted', 'approved', 'accepted');
  }

  entries.sort((a, b) => a.at.getTime() - b.at.getTime());
  let prevHash = GENESIS_HASH;
  const rows: (typeof auditLog.$inferInsert)[] = entries.map((e) => {
    const person = e.userId === null ? undefined : people.get(e.userId);
    const content: AuditContent = {
      at: e.at,
      userId: person?.id ?? null,
      username: person?.username ?? null,
      role: person?.role ?? null,
      agencyId: person?.agencyId ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: toJsonValue(e.before),
      after: toJsonValue(e.after),
    };
    const hash = auditHash(prevHash, content);
    const row = { ...content, prevHash, hash };
    prevHash = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += 1000) await db.insert(auditLog).values(rows.slice(i, i + 1000));
  return rows.length;
}
