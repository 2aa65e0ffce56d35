import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog, progressUpdates, submissionRevisions, submissions, tasks, users } from '../db/schema';
import { type AuditContent, auditHash, GENESIS_HASH, toJsonValue } from '../modules/audit/hash';

type Entry = Omit<AuditContent, 'userId' | 'username' | 'role' | 'agencyId'> & { userId: number | null };

/**
 * The audit trail of the seeded history, as the services would have written it at the time: a task's
 * registration and every progress update; a report's submission, its leader's approval and the
 * Office's acceptance. In time order, hash-chained like every other entry, so an inspector who drills
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
      deadline: tasks.deadline,
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
    step(r.submittedAt, r.authorId, 'submission.submit', 'draft', 'submitted');
    step(r.approvedAt, r.approverId, 'submission.leader_accept', 'submitted', 'approved');
    if (r.reviewOutcome === 'accepted')
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
