import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../db/rows';
import { auditCount, type Cast, newKey, ok, startCast, today } from '../../test/tasks';
import type { AuditContent } from './hash';

interface Entry extends Omit<AuditContent, 'at' | 'userId' | 'before' | 'after'> {
  id: number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The audit trail: one entry per write in the write's transaction, hash-chained, append-only. */
describe('audit trail', () => {
  let c: Cast;

  beforeAll(async () => {
    c = await startCast();
  });
  afterAll(() => c.close());

  const entriesSince = (id: number) =>
    selectRows<Entry>(
      c.database.db,
      sql`select id::int as id, username, role, agency_id as "agencyId", action, entity_type as "entityType",
        entity_id as "entityId", before, after from audit_log where id > ${id} order by id`,
    );
  const lastId = async () =>
    (
      await selectRows<{ id: number }>(
        c.database.db,
        sql`select coalesce(max(id), 0)::int as id from audit_log`,
      )
    )[0]?.id ?? 0;

  /** The database's own message for a refused statement (drizzle wraps it as the error's cause). */
  async function refusal(statement: ReturnType<typeof sql>): Promise<string> {
    try {
      await c.database.db.execute(statement);
    } catch (error) {
      const e = error as Error & { cause?: Error };
      return e.cause?.message ?? e.message;
    }
    return 'not refused';
  }

  /** Runs a write and returns the audit entries it appended. */
  async function audited(write: () => Promise<unknown>): Promise<Entry[]> {
    const since = await lastId();
    await write();
    return entriesSince(since);
  }

  it('records every write of a task’s life with who, what, and before/after', async () => {
    // Document with two tasks: one entry for the document, one per task.
    let taskIds: number[] = [];
    const created = await audited(async () => {
      taskIds = (
        await c.createDocument([
          { title: 'Nhiệm vụ A' },
          { title: 'Nhiệm vụ B', leadAgencyId: c.agency.hanoi, coordinatorIds: [] },
        ])
      ).taskIds;
    });
    expect(created.map((e) => e.action)).toEqual(['document.create', 'task.create', 'task.create']);
    expect(created[0]).toMatchObject({
      username: 'vpcp',
      role: 'office',
      agencyId: c.agency.office,
      entityType: 'document',
      before: null,
    });
    expect(created[1]).toMatchObject({ entityType: 'task', entityId: String(taskIds[0]) });
    expect(created[1]?.after).toMatchObject({ title: 'Nhiệm vụ A', coordinatorIds: [c.agency.hanoi] });
    const taskId = taskIds[0] as number;

    const version = (await c.getTask(taskId)).task.version;
    const updated = await audited(() =>
      c.mutate('office', 'tasks.update', {
        id: taskId,
        version,
        // Every field, as the edit form sends it (a partial patch resets the rest: see task-writes.test.ts).
        patch: {
          title: 'Nhiệm vụ A (sửa)',
          leadAgencyId: c.agency.finance,
          coordinatorIds: [c.agency.hanoi],
          deadline: today(30),
        },
      }),
    );
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({ action: 'task.update', entityId: String(taskId) });
    expect(updated[0]?.before).toMatchObject({ title: 'Nhiệm vụ A', version });
    expect(updated[0]?.after).toMatchObject({ title: 'Nhiệm vụ A (sửa)', version: version + 1 });

    const progress = await audited(() => c.postProgress(taskId, 40));
    expect(progress).toHaveLength(1);
    expect(progress[0]).toMatchObject({
      action: 'task.progress',
      username: 'btc.cv',
      role: 'officer',
      agencyId: c.agency.finance,
      entityType: 'task',
      entityId: String(taskId),
      before: null,
    });
    expect(progress[0]?.after).toMatchObject({ percent: 40, kind: 'progress', taskId });

    const contribution = await audited(() => c.postProgress(taskId, 15, 'coordOfficer'));
    expect(contribution).toMatchObject([
      { action: 'task.contribution', username: 'hn.cv', agencyId: c.agency.hanoi },
    ]);

    const request = await audited(() => c.requestExtension(taskId, today(50)));
    expect(request).toMatchObject([{ action: 'extension.request', after: { requestedDeadline: today(50) } }]);

    const e = await c.latestExtension(taskId);
    const decided = await audited(() =>
      c.mutate('office', 'tasks.decideExtension', { ...e, decision: 'approved', comment: 'Đồng ý' }),
    );
    expect(decided).toHaveLength(1);
    expect(decided[0]).toMatchObject({ action: 'extension.approved', username: 'vpcp', role: 'office' });
    expect(decided[0]?.before).toMatchObject({ state: 'pending' });
    expect(decided[0]?.after).toMatchObject({ state: 'approved', decisionComment: 'Đồng ý' });

    const reported = await audited(() => c.reportCompletion(taskId));
    expect(reported).toMatchObject([{ action: 'completion.report', username: 'btc.cv' }]);
    const signed = await audited(() => c.leaderApproves(taskId));
    expect(signed).toMatchObject([
      {
        action: 'completion.awaiting_office',
        username: 'btc.ld',
        role: 'leader',
        agencyId: c.agency.finance,
      },
    ]);
    const r = await c.latestCompletion(taskId);
    const accepted = await audited(() =>
      c.mutate('office', 'tasks.reviewCompletion', { ...r, decision: 'accept' }),
    );
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({ action: 'completion.accepted', entityId: String(taskId) });
    expect(accepted[0]?.before).toMatchObject({ state: 'awaiting_office' });
    expect(accepted[0]?.after).toMatchObject({ state: 'accepted' });

    // The task's page shows the same history, newest first, to those allowed to read it.
    const history = (await c.getTask(taskId, 'inspector')).audit.map((a: { action: string }) => a.action);
    expect(history).toEqual([
      'completion.accepted',
      'completion.awaiting_office',
      'completion.report',
      'extension.approved',
      'extension.request',
      'task.contribution',
      'task.progress',
      'task.update',
      'task.create',
    ]);
  });

  it('a duplicate (same idempotency key) appends no second entry', async () => {
    const taskId = await c.newTask();
    const input = { taskId, percent: 10, narrative: 'Một lần', idempotencyKey: newKey('dup') };
    ok(await c.mutate('leadOfficer', 'tasks.postProgress', input));
    const entries = await audited(async () => {
      expect(ok(await c.mutate('leadOfficer', 'tasks.postProgress', input)).duplicate).toBe(true);
    });
    expect(entries).toEqual([]);
  });

  it.each([
    ['an inspector posting progress', 'inspector', 'tasks.postProgress'],
    ['a coordinating officer requesting an extension', 'coordOfficer', 'tasks.requestExtension'],
    ['an unrelated officer reporting completion', 'otherOfficer', 'tasks.reportCompletion'],
    ['a leader editing the task', 'leadLeader', 'tasks.update'],
  ] as const)('a refused write (%s) appends nothing', async (_name, who, path) => {
    const taskId = await c.newTask();
    const version = (await c.getTask(taskId)).task.version;
    const input = {
      'tasks.postProgress': { taskId, percent: 5, narrative: 'x', idempotencyKey: newKey() },
      'tasks.requestExtension': {
        taskId,
        requestedDeadline: today(99),
        reason: 'x',
        idempotencyKey: newKey(),
      },
      'tasks.reportCompletion': { taskId, result: 'x', completionDate: today(), idempotencyKey: newKey() },
      'tasks.update': { id: taskId, version, patch: { title: 'x' } },
    }[path];
    const before = await auditCount(c.t);
    const res = await c.mutate(who, path, input);
    expect(res.error.data.appCode).toBe('FORBIDDEN');
    expect(await auditCount(c.t)).toBe(before);
  });

  it('the entry and the write commit together: if the audit entry cannot be written, neither is the progress', async () => {
    const taskId = await c.newTask();
    await c.postProgress(taskId, 25);
    await c.database.db.execute(sql`create function audit_refuse() returns trigger language plpgsql as $$
      begin raise exception 'audit store unavailable'; end $$`);
    await c.database.db.execute(
      sql`create trigger audit_refuse before insert on audit_log for each row execute function audit_refuse()`,
    );
    try {
      const before = await c.snapshot();
      const res = await c.mutate('leadOfficer', 'tasks.postProgress', {
        taskId,
        percent: 80,
        narrative: 'Không được ghi nếu không có nhật ký',
        idempotencyKey: newKey(),
      });
      expect(res.status).toBe(500);
      expect(res.error.data.appCode).toBe('INTERNAL');
      expect(await c.snapshot()).toEqual(before);
    } finally {
      await c.database.db.execute(sql`drop trigger audit_refuse on audit_log`);
      await c.database.db.execute(sql`drop function audit_refuse()`);
    }
    const task = await c.getTask(taskId);
    expect(task.task.latestPercent).toBe(25);
    expect(task.progress).toHaveLength(1);
  });

  describe('verification', () => {
    it('the inspector verifies the whole chain: ok, every entry checked', async () => {
      const res = ok(await c.query('inspector', 'audit.verify'));
      expect(res).toMatchObject({ ok: true, brokenAtId: null, reason: null });
      expect(res.checked).toBe(await auditCount(c.t));
      expect(res.checked).toBeGreaterThan(20);
    });

    it.each(['leadOfficer', 'leadLeader', 'coordOfficer', 'coordLeader', 'otherOfficer'] as const)(
      'audit.verify is FORBIDDEN for %s',
      async (who) => {
        const res = await c.query(who, 'audit.verify');
        expect(res.status).toBe(403);
        expect(res.error.data.appCode).toBe('FORBIDDEN');
      },
    );

    it.each([
      [
        'UPDATE',
        sql`update audit_log set action = 'task.nothing' where id = (select max(id) from audit_log)`,
      ],
      ['DELETE', sql`delete from audit_log where id = (select max(id) from audit_log)`],
      ['TRUNCATE', sql`truncate audit_log`],
    ])('the database refuses %s on audit_log', async (_op, statement) => {
      const before = await auditCount(c.t);
      expect(await refusal(statement)).toMatch(/audit_log is append-only/);
      expect(await auditCount(c.t)).toBe(before);
      expect(ok(await c.query('inspector', 'audit.verify')).ok).toBe(true);
    });

    describe('tampering behind the application’s back is found', () => {
      const tamper = async (statement: ReturnType<typeof sql>) => {
        await c.database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
        try {
          await c.database.db.execute(statement);
        } finally {
          await c.database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
        }
      };

      it('a changed entry: content_changed at that entry; putting it back restores the chain', async () => {
        const entries = await entriesSince(0);
        const target = entries.find((e) => e.action === 'task.progress');
        if (!target) throw new Error('no progress entry');
        const original = JSON.stringify(target.after);
        await tamper(
          sql`update audit_log set after = jsonb_set(after, '{percent}', '100') where id = ${target.id}`,
        );
        const broken = ok(await c.query('inspector', 'audit.verify'));
        expect(broken).toMatchObject({ ok: false, brokenAtId: target.id, reason: 'content_changed' });
        expect(broken.checked).toBe(entries.findIndex((e) => e.id === target.id));

        await tamper(sql`update audit_log set after = ${original}::jsonb where id = ${target.id}`);
        expect(ok(await c.query('inspector', 'audit.verify')).ok).toBe(true);
      });

      it('a removed entry: chain_broken at the entry after it', async () => {
        const entries = await entriesSince(0);
        const middle = Math.floor(entries.length / 2);
        const removed = entries[middle] as Entry;
        const next = entries[middle + 1] as Entry;
        await tamper(sql`delete from audit_log where id = ${removed.id}`);
        const res = ok(await c.query('inspector', 'audit.verify'));
        expect(res).toMatchObject({ ok: false, brokenAtId: next.id, reason: 'chain_broken' });
        // The trigger is back on: the application's own path still cannot change the log.
        expect(await refusal(sql`delete from audit_log where id = ${next.id}`)).toMatch(/append-only/);
      });
    });
  });
});
