import { verify as cryptoVerify, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../db/rows';
import { auditCheckpoints, auditLog } from '../../db/schema';
import { runAtStart } from '../../test/jobs';
import { auditCount, type Cast, newKey, ok, startCast, today } from '../../test/tasks';
import {
  appendCheckpointFile,
  checkpointJob,
  findCheckpoints,
  parseCheckpointLines,
  signCheckpoint,
  writeCheckpoint,
} from './checkpoints';
import { type AuditContent, auditHash, GENESIS_HASH } from './hash';
import { type AuditKeys, auditKeys, auditKeysFrom } from './keys';
import { verifyAuditTrail } from './service';

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
      'audit.verify and audit.checkpoints are FORBIDDEN for %s',
      async (who) => {
        for (const path of ['audit.verify', 'audit.checkpoints']) {
          const res = await c.query(who, path);
          expect(res.status).toBe(403);
          expect(res.error.data.appCode).toBe('FORBIDDEN');
        }
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

/**
 * The chain keyed and anchored (issue 13): entries hashed with a key the database does not hold, and
 * signed checkpoints kept in the database and in a file outside it, so that whoever can write the table
 * (its owner, a superuser) can neither rewrite an entry nor cut the tail past a checkpoint unseen.
 */
describe('audit trail: keyed chain and signed checkpoints', () => {
  let c: Cast;
  let dir: string;
  let file: string;
  let keys: AuditKeys;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dgm-audit-'));
    file = path.join(dir, 'audit-checkpoints.jsonl');
    c = await startCast({ AUDIT_CHECKPOINT_FILE: file });
    keys = auditKeys();
    // History from before the chain was keyed (as the seed writes it): unkeyed entries first.
    let prevHash = GENESIS_HASH;
    for (let i = 1; i <= 3; i++) {
      const content = {
        at: new Date(Date.UTC(2025, 11, i)),
        userId: null,
        username: 'history',
        role: 'office',
        agencyId: null,
        action: 'task.create',
        entityType: 'task',
        entityId: String(1000 + i),
        before: null,
        after: { title: `Lịch sử ${i}` },
      };
      const hash = auditHash(prevHash, content);
      await c.database.db.insert(auditLog).values({ ...content, prevHash, hash, hashAlg: 'sha256' });
      prevHash = hash;
    }
    const taskId = await c.newTask();
    await c.postProgress(taskId, 10);
    await c.postProgress(taskId, 20);
  });
  afterAll(async () => {
    await c.close();
    rmSync(dir, { recursive: true, force: true });
  });

  type Row = { id: number; hashAlg: string; hash: string; prevHash: string };
  const rows = () =>
    selectRows<Row>(
      c.database.db,
      sql`select id::int as id, hash_alg as "hashAlg", hash, prev_hash as "prevHash" from audit_log order by id`,
    );
  const verify = async () => ok(await c.query('inspector', 'audit.verify'));
  /** A checkpoint now, as the job writes it (database row and a line in the file). */
  const checkpoint = async () => {
    const written = await writeCheckpoint(c.database.db, keys);
    if (!written) throw new Error('no checkpoint written');
    appendCheckpointFile(file, written);
    return written;
  };
  /** Statements run as the tables' owner with the append-only triggers off, as an intruder would. */
  const asOwner = async (...statements: ReturnType<typeof sql>[]) => {
    await c.database.db.execute(sql`alter table audit_log disable trigger user`);
    await c.database.db.execute(sql`alter table audit_checkpoints disable trigger user`);
    try {
      for (const s of statements) await c.database.db.execute(s);
    } finally {
      await c.database.db.execute(sql`alter table audit_log enable trigger user`);
      await c.database.db.execute(sql`alter table audit_checkpoints enable trigger user`);
    }
  };
  /**
   * Runs `tamper` and gives back verification's answer, then puts both tables back as they were (the
   * rows are copied out as JSON and written back), so each case starts from an intact trail.
   */
  const tampered = async (tamper: () => Promise<unknown>, external = true) => {
    const [saved] = await selectRows<{ log: unknown; checkpoints: unknown }>(
      c.database.db,
      sql`select (select jsonb_agg(a) from audit_log a) as log,
        (select coalesce(jsonb_agg(k), '[]') from audit_checkpoints k) as checkpoints`,
    );
    await tamper();
    const res = external ? await verify() : await verifyAuditTrail(c.database.db, { keys, external: null });
    await asOwner(
      sql`delete from audit_log`,
      sql`delete from audit_checkpoints`,
      sql`insert into audit_log select * from jsonb_populate_recordset(null::audit_log, ${JSON.stringify(saved?.log)}::jsonb)`,
      sql`insert into audit_checkpoints select * from jsonb_populate_recordset(null::audit_checkpoints, ${JSON.stringify(saved?.checkpoints)}::jsonb)`,
    );
    expect((await verify()).ok).toBe(true);
    return res;
  };

  it('new entries are keyed; unkeyed history before them verifies', async () => {
    const all = await rows();
    expect(all.slice(0, 3).map((r) => r.hashAlg)).toEqual(['sha256', 'sha256', 'sha256']);
    expect(all.slice(3).every((r) => r.hashAlg === 'hmac-sha256')).toBe(true);
    expect(all.length).toBeGreaterThan(4);
    expect(await verify()).toMatchObject({ ok: true, checked: all.length, reason: null });
  });

  it('a checkpoint is signed when the chain grew, kept in the database and the file, and verifies anywhere', async () => {
    const first = await checkpoint();
    const all = await rows();
    expect(first).toMatchObject({
      entryCount: all.length,
      headId: all.at(-1)?.id,
      headHash: all.at(-1)?.hash,
    });
    // Nothing new: no second checkpoint.
    expect(await writeCheckpoint(c.database.db, keys)).toBeNull();

    const listed = ok(await c.query('inspector', 'audit.checkpoints'));
    expect(listed.total).toBe(1);
    expect(listed.items[0]).toMatchObject({ id: first.id, headHash: first.headHash, keyId: keys.keyId });
    // An inspector checks the signature with the published key alone, outside the product.
    const text = `dgm-audit-checkpoint v1\n${first.entryCount}\n${first.headId}\n${first.headHash}\n${first.at.toISOString()}`;
    expect(
      cryptoVerify(null, Buffer.from(text), listed.publicKeyPem, Buffer.from(first.signature, 'base64')),
    ).toBe(true);

    const exported = await c.t.app.inject({
      method: 'GET',
      url: '/api/audit/checkpoints.jsonl',
      headers: { cookie: c.cookie.inspector },
    });
    expect(exported.statusCode).toBe(200);
    expect(parseCheckpointLines(exported.body)).toEqual([first]);
    expect(parseCheckpointLines(readFileSync(file, 'utf8'))).toEqual([first]);
    const officer = await c.t.app.inject({
      method: 'GET',
      url: '/api/audit/checkpoints.jsonl',
      headers: { cookie: c.cookie.leadOfficer },
    });
    expect(officer.statusCode).toBe(403);

    expect(await verify()).toMatchObject({ ok: true, checkpoints: 1, externalCheckpoints: 1 });
  });

  it('deleting the newest entries past a checkpoint: truncated', async () => {
    await c.postProgress(await c.newTask(), 30);
    const anchor = await checkpoint();
    await c.postProgress(await c.newTask(), 40);
    const cutFrom = anchor.headId - 2;
    const res = await tampered(() => asOwner(sql`delete from audit_log where id >= ${cutFrom}`));
    expect(res).toMatchObject({
      ok: false,
      reason: 'truncated',
      brokenAtId: anchor.headId,
      checkpointId: anchor.id,
      checked: anchor.entryCount - 3,
    });
  });

  it('cutting the tail and the checkpoints in the database: found from the copy outside it', async () => {
    const anchor = await checkpoint().catch(async () => (await findCheckpoints(c.database.db)).at(-1));
    if (!anchor) throw new Error('no checkpoint');
    const cut = () =>
      asOwner(
        sql`delete from audit_log where id >= ${anchor.headId}`,
        sql`delete from audit_checkpoints where id >= ${anchor.id}`,
      );
    expect(await tampered(cut)).toMatchObject({ ok: false, reason: 'truncated', checkpointId: anchor.id });
    // Without the copy outside the database, the same cut would pass: why the file and the export exist.
    expect((await tampered(cut, false)).ok).toBe(true);
  });

  it('a checkpoint deleted from the database while the chain is whole: checkpoint_missing', async () => {
    const [first] = await findCheckpoints(c.database.db);
    if (!first) throw new Error('no checkpoint');
    const res = await tampered(() => asOwner(sql`delete from audit_checkpoints where id = ${first.id}`));
    expect(res).toMatchObject({ ok: false, reason: 'checkpoint_missing', checkpointId: first.id });
  });

  describe('an entry rewritten and every later hash recomputed with the public, unkeyed scheme', () => {
    /** Changes one entry's `after` and rehashes the chain from `fromId` on with sha256, as anyone can. */
    const rewrite = async (targetId: number, fromId: number, alg: 'sha256' | 'hmac-sha256') => {
      const entries = await selectRows<AuditContent & { id: number }>(
        c.database.db,
        sql`select id::int as id, at, user_id as "userId", username, role, agency_id as "agencyId", action,
          entity_type as "entityType", entity_id as "entityId", before, after
          from audit_log where id >= ${fromId} order by id`,
      );
      const [previous] = await selectRows<{ hash: string }>(
        c.database.db,
        sql`select hash from audit_log where id < ${fromId} order by id desc limit 1`,
      );
      let prevHash = previous?.hash ?? GENESIS_HASH;
      const statements = [];
      for (const e of entries) {
        const after = e.id === targetId ? { ...(e.after as object), percent: 100 } : e.after;
        const hash = auditHash(prevHash, { ...e, at: new Date(e.at), after });
        statements.push(
          sql`update audit_log set after = ${JSON.stringify(after)}::jsonb, prev_hash = ${prevHash},
            hash = ${hash}, hash_alg = ${alg} where id = ${e.id}`,
        );
        prevHash = hash;
      }
      await asOwner(...statements);
    };
    const progressEntry = async () => {
      const [target] = await selectRows<{ id: number }>(
        c.database.db,
        sql`select id::int as id from audit_log where action = 'task.progress' order by id limit 1`,
      );
      if (!target) throw new Error('no progress entry');
      return target.id;
    };

    it('marked unkeyed: unkeyed_entry at the rewritten entry', async () => {
      const id = await progressEntry();
      const res = await tampered(() => rewrite(id, id, 'sha256'));
      expect(res).toMatchObject({ ok: false, reason: 'unkeyed_entry', brokenAtId: id });
    });

    it('still marked keyed: content_changed at the rewritten entry', async () => {
      const id = await progressEntry();
      const res = await tampered(() => rewrite(id, id, 'hmac-sha256'));
      expect(res).toMatchObject({ ok: false, reason: 'content_changed', brokenAtId: id });
    });

    it('the whole chain rehashed unkeyed from its start: checkpoint_mismatch at the first checkpoint', async () => {
      const id = await progressEntry();
      const [first] = await findCheckpoints(c.database.db);
      const res = await tampered(() => rewrite(id, 1, 'sha256'));
      expect(res).toMatchObject({
        ok: false,
        reason: 'checkpoint_mismatch',
        brokenAtId: first?.headId,
        checkpointId: first?.id,
      });
    });
  });

  describe('a forged checkpoint', () => {
    it('signed with another key: checkpoint_forged', async () => {
      const other = auditKeysFrom({
        AUDIT_KEY: keys.hmac.export().toString(),
        AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519')
          .privateKey.export({ format: 'pem', type: 'pkcs8' })
          .toString(),
      });
      const last = (await rows()).at(-1) as Row;
      const fields = { at: new Date(), entryCount: 1, headId: last.id, headHash: last.hash };
      const [forged] = await selectRows<{ id: number }>(
        c.database.db,
        sql`select nextval('audit_checkpoints_id_seq')::int as id`,
      );
      const res = await tampered(() =>
        c.database.db.insert(auditCheckpoints).values({
          id: forged?.id,
          ...fields,
          keyId: keys.keyId,
          signature: signCheckpoint(other, fields),
        }),
      );
      expect(res).toMatchObject({ ok: false, reason: 'checkpoint_forged', checkpointId: forged?.id });
    });

    it('a signed checkpoint with its count changed: checkpoint_forged', async () => {
      const [first] = await findCheckpoints(c.database.db);
      if (!first) throw new Error('no checkpoint');
      const res = await tampered(() =>
        asOwner(sql`update audit_checkpoints set entry_count = entry_count - 1 where id = ${first.id}`),
      );
      expect(res).toMatchObject({ ok: false, reason: 'checkpoint_forged', checkpointId: first.id });
    });

    it('a line of the file outside the database that is not a checkpoint: checkpoint_forged', async () => {
      const external = parseCheckpointLines(
        `${readFileSync(file, 'utf8')}{"id": 1, "signature": "x"}\n{"cut`,
      );
      const res = await verifyAuditTrail(c.database.db, { keys, external });
      expect(res).toMatchObject({ ok: false, reason: 'checkpoint_forged', checkpointId: null });
      // The last line, cut without its newline (a crash while appending), is left out.
      expect(external.at(-1)).toBeNull();
      expect(external).toHaveLength(parseCheckpointLines(readFileSync(file, 'utf8')).length + 1);
    });
  });

  it('the job signs at start what grew since the last checkpoint, then only when it grows again', async () => {
    await c.postProgress(await c.newTask(), 50);
    const before = parseCheckpointLines(readFileSync(file, 'utf8')).length;
    const job = checkpointJob(c.database.db, { keys, file, everyMinutes: 5 });
    await runAtStart(c.database, [job]);
    const lines = parseCheckpointLines(readFileSync(file, 'utf8'));
    expect(lines).toHaveLength(before + 1);
    expect(lines.at(-1)?.headId).toBe((await rows()).at(-1)?.id);
    await runAtStart(c.database, [job]);
    expect(parseCheckpointLines(readFileSync(file, 'utf8'))).toHaveLength(before + 1);
    expect(await verify()).toMatchObject({ ok: true, externalCheckpoints: before + 1 });
  });
});
