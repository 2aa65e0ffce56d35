import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroupCommit } from '../../db/group-commit';
import { selectRows } from '../../db/rows';
import { CAST, type Cast, newKey, ok, startCast, type Who } from '../../test/tasks';
import { verifyAuditTrail } from '../audit/service';
import type { Actor } from '../auth/actor';
import { ProgressBatches, progressBatchesFor, saveProgress } from './progress';

/**
 * Progress updates sent at the same moment commit together (group commit, server/db/group-commit.ts):
 * each is still saved or refused on its own, in one order shared by the rows, the audit chain and the
 * live change events.
 */
describe('progress updates committed together', () => {
  let c: Cast;

  beforeAll(async () => {
    c = await startCast();
  });
  afterAll(() => c.close());

  const progressInput = (taskId: number, percent: number, key = newKey('batch')) => ({
    taskId,
    percent,
    narrative: `Cập nhật ${percent}%`,
    evidenceUrl: null,
    evidenceFileId: null,
    idempotencyKey: key,
  });

  async function actorOf(who: Who): Promise<Actor> {
    const [actor] = await selectRows<Actor>(
      c.database.db,
      sql`select id, username, role, agency_id as "agencyId" from users where username = ${CAST[who].username}`,
    );
    if (!actor) throw new Error(`no user ${who}`);
    return actor;
  }

  it('sent at once, all are saved in one order: rows, audit chain (verified) and change events', async () => {
    const tasks = [await c.newTask(), await c.newTask(), await c.newTask()];
    const stats = { ...progressBatchesFor(c.database.db).stats };
    const writes = Array.from({ length: 24 }, (_, i) => ({
      taskId: tasks[i % 3] as number,
      percent: i + 1,
      who: (i % 4 === 3 ? 'coordOfficer' : 'leadOfficer') as Who,
    }));
    const answers = (
      await Promise.all(
        writes.map((w) => c.mutate(w.who, 'tasks.postProgress', progressInput(w.taskId, w.percent))),
      )
    ).map(ok);
    expect(answers.every((a) => a.duplicate === false)).toBe(true);
    const after = progressBatchesFor(c.database.db).stats;
    expect(after.writes - stats.writes).toBe(24);
    // On PostgreSQL some shared a transaction. (On PGlite the requests reach the batch one at a time:
    // its single connection runs their earlier queries in turn with the batches.)
    if (c.database.kind === 'postgres') expect(after.batches - stats.batches).toBeLessThan(24);
    expect(after.fallbacks).toBe(stats.fallbacks);

    // Order of the progress rows (ids), of their audit entries, and of their change events: the same.
    const byId = await selectRows<{ percent: number }>(
      c.database.db,
      sql`select percent from progress_updates where task_id in (${sql.join(tasks, sql`, `)}) order by id`,
    );
    const audited = await selectRows<{ percent: number }>(
      c.database.db,
      sql`select (after->>'percent')::int as percent from audit_log
        where action in ('task.progress', 'task.contribution') and entity_id in (${sql.join(
          tasks.map(String),
          sql`, `,
        )}) order by id`,
    );
    const events = await selectRows<{ percent: number }>(
      c.database.db,
      sql`select (payload->>'percent')::int as percent from change_events
        where type in ('task.progress', 'task.contribution') and task_id in (${sql.join(tasks, sql`, `)})
        order by id`,
    );
    const order = byId.map((r) => r.percent);
    expect(order.slice().sort((a, b) => a - b)).toEqual(writes.map((w) => w.percent));
    expect(audited.map((r) => r.percent)).toEqual(order);
    expect(events.map((r) => r.percent)).toEqual(order);
    expect((await verifyAuditTrail(c.database.db)).ok).toBe(true);

    // Each task shows its lead agency's last update, and its history newest first in the same order.
    for (const taskId of tasks) {
      const lead = writes.filter((w) => w.taskId === taskId && w.who === 'leadOfficer').map((w) => w.percent);
      const lastLead = order.filter((p) => lead.includes(p)).at(-1);
      const detail = await c.getTask(taskId);
      expect(detail.task.latestPercent).toBe(lastLead);
      const mine = order.filter((p) => writes.some((w) => w.taskId === taskId && w.percent === p));
      expect(detail.progress.map((p: { percent: number }) => p.percent)).toEqual(mine.reverse());
    }
  });

  it('a refused update among them changes nothing, and the others are saved', async () => {
    const taskId = await c.newTask();
    const before = await c.snapshot();
    const results = await Promise.all([
      c.mutate('leadOfficer', 'tasks.postProgress', progressInput(taskId, 10)),
      c.mutate('otherOfficer', 'tasks.postProgress', progressInput(taskId, 11)), // not a party: FORBIDDEN
      c.mutate('leadOfficer', 'tasks.postProgress', progressInput(taskId, 12)),
      c.mutate('leadOfficer', 'tasks.postProgress', progressInput(999_999, 13)), // NOT_FOUND
      c.mutate('leadOfficer', 'tasks.postProgress', {
        ...progressInput(taskId, 14),
        evidenceFileId: 999_999,
      }),
      c.mutate('coordOfficer', 'tasks.postProgress', progressInput(taskId, 15)),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 403, 200, 404, 400, 200]);
    const after = await c.snapshot();
    expect(after.progress).toBe((before.progress as number) + 3);
    expect(after.audit).toBe((before.audit as number) + 3);
    expect(after.changeEvents).toBe((before.changeEvents as number) + 3);
    const task = await c.getTask(taskId);
    expect(task.progress.map((p: { percent: number }) => p.percent).sort()).toEqual([10, 12, 15]);
    expect((await verifyAuditTrail(c.database.db)).ok).toBe(true);
  });

  it('the same idempotency key twice in one batch: one update saved, the other answered as its duplicate', async () => {
    const taskId = await c.newTask();
    const actor = await actorOf('leadOfficer');
    const before = await c.snapshot();
    const gc = new GroupCommit(c.database.db);
    const input = progressInput(taskId, 40, newKey('same'));
    const answers = await Promise.all([
      gc.run((tx) => saveProgress(tx, actor, input)),
      gc.run((tx) => saveProgress(tx, actor, input)),
    ]);
    expect(gc.stats).toEqual({ batches: 1, writes: 2, requeued: 0 });
    expect(answers.map((a) => a.duplicate)).toEqual([false, true]);
    expect(answers[1]?.id).toBe(answers[0]?.id);
    const after = await c.snapshot();
    expect(after.progress).toBe((before.progress as number) + 1);
    expect(after.audit).toBe((before.audit as number) + 1);
    expect(after.changeEvents).toBe((before.changeEvents as number) + 1);
    expect((await c.getTask(taskId)).task.latestPercent).toBe(40);
  });

  it('a key saved earlier in the batch by an update that then failed is free again', async () => {
    const taskId = await c.newTask();
    const actor = await actorOf('leadOfficer');
    const gc = new GroupCommit(c.database.db);
    const input = progressInput(taskId, 50, newKey('undone'));
    const results = await Promise.allSettled([
      gc.run(async (tx) => {
        await saveProgress(tx, actor, input);
        throw new Error('fails after saving');
      }),
      gc.run((tx) => saveProgress(tx, actor, input)),
    ]);
    expect(results[0]?.status).toBe('rejected');
    expect(results[1]).toMatchObject({ status: 'fulfilled', value: { duplicate: false } });
    const task = await c.getTask(taskId);
    expect(task.progress.map((p: { percent: number }) => p.percent)).toEqual([50]);
    expect((await verifyAuditTrail(c.database.db)).ok).toBe(true);
  });

  it('set-based: the same key twice in one batch is one record, and a retry after the task closed is answered', async () => {
    const taskId = await c.newTask();
    const actor = await actorOf('leadOfficer');
    const before = await c.snapshot();
    const batches = new ProgressBatches(c.database.db);
    const key = newKey('set-same');
    const input = progressInput(taskId, 60, key);
    // Posted together: all ride in the first batch (taken once its BEGIN has returned).
    const answers = await Promise.all([
      batches.post(actor, input),
      batches.post(actor, input),
      batches.post(actor, progressInput(taskId, 61)),
    ]);
    expect(batches.stats).toEqual({ batches: 1, writes: 3, fallbacks: 0 });
    expect(answers.map((a) => a.duplicate)).toEqual([false, true, false]);
    expect(answers[1]?.id).toBe(answers[0]?.id);
    const after = await c.snapshot();
    expect(after.progress).toBe((before.progress as number) + 2);
    expect(after.audit).toBe((before.audit as number) + 2);
    expect(after.changeEvents).toBe((before.changeEvents as number) + 2);
    expect((await c.getTask(taskId)).task.latestPercent).toBe(61);

    // The task closes; a retry of the saved update still gets its record, a new update is refused.
    await c.reportCompletion(taskId);
    await c.leaderApproves(taskId);
    const r = await c.latestCompletion(taskId);
    ok(await c.mutate('office', 'tasks.reviewCompletion', { ...r, decision: 'accept' }));
    const [retry, late] = await Promise.allSettled([
      batches.post(actor, input),
      batches.post(actor, progressInput(taskId, 70)),
    ]);
    expect(retry).toEqual({ status: 'fulfilled', value: { id: answers[0]?.id, duplicate: true } });
    expect(late).toMatchObject({ status: 'rejected', reason: { code: 'CONFLICT' } });
    expect((await verifyAuditTrail(c.database.db)).ok).toBe(true);
  });

  it('if a batch statement fails, each update is run again alone: only the faulty one is refused', async () => {
    const taskId = await c.newTask();
    const actor = await actorOf('leadOfficer');
    // A rule the application does not know about, refusing one narrative (as a constraint would).
    await c.database.db.execute(sql`create or replace function refuse_marked() returns trigger language plpgsql as $$
      begin if new.narrative = 'REFUSE' then raise exception 'refused by trigger'; end if; return new; end $$`);
    await c.database.db.execute(sql`create trigger refuse_marked before insert on progress_updates
      for each row execute function refuse_marked()`);
    try {
      const before = await c.snapshot();
      const batches = new ProgressBatches(c.database.db);
      const results = await Promise.allSettled([
        batches.post(actor, progressInput(taskId, 21)),
        batches.post(actor, { ...progressInput(taskId, 22), narrative: 'REFUSE' }),
        batches.post(actor, progressInput(taskId, 23)),
      ]);
      expect(batches.stats.fallbacks).toBe(1);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      const after = await c.snapshot();
      expect(after.progress).toBe((before.progress as number) + 2);
      expect(after.audit).toBe((before.audit as number) + 2);
      expect(after.changeEvents).toBe((before.changeEvents as number) + 2);
      const task = await c.getTask(taskId);
      expect(task.progress.map((p: { percent: number }) => p.percent).sort()).toEqual([21, 23]);
      expect((await verifyAuditTrail(c.database.db)).ok).toBe(true);
    } finally {
      await c.database.db.execute(sql`drop trigger refuse_marked on progress_updates`);
    }
  });
});
