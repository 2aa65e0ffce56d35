import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDate } from '../../shared/time';
import { agencies, auditLog, evidenceFiles } from '../db/schema';
import { findAuditEntries, verifyAuditTrail } from '../modules/audit/service';
import { deleteUnattachedEvidence, evidenceCleanupJob } from '../modules/evidence/cleanup';
import { seedIfEmpty } from '../seed';
import { DEMO_PASSWORD } from '../seed/demo';
import { createTestApp, createUser } from '../test/app';
import { testDatabaseUrl } from '../test/database-url';
import { runAtStart } from '../test/jobs';

function multipartBody(filename: string, content: Buffer) {
  const boundary = 'dgmBoundary7MA4YWxk';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

const pdfOf = (bytes: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(bytes - 9, 0x20)]);
const PDF = pdfOf(2009);
/** A quota of exactly this many bytes, written in MB as an operator would. */
const QUOTA_BYTES = 5000;

describe('evidence files', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedIfEmpty(t.database.db, { communes: 68, demo: true, today: vietnamDate(new Date()) });
    officer = await t.login('btc.chuyenvien', DEMO_PASSWORD);
  });
  afterAll(() => t.close());

  const upload = (cookie: string, name: string, content: Buffer, app = t.app) => {
    const { body, contentType } = multipartBody(name, content);
    return app.inject({
      method: 'POST',
      url: '/api/evidence',
      headers: { cookie, 'content-type': contentType },
      payload: body,
    });
  };

  it('accepts a PDF from an agency officer, attaches it to progress, and serves it to those who may read the task', async () => {
    const res = await upload(officer, 'Báo cáo tiến độ.pdf', PDF);
    expect(res.statusCode).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({
      name: 'Báo cáo tiến độ.pdf',
      mimeType: 'application/pdf',
      size: PDF.length,
    });
    // The upload is in the audit trail: who, which file, its size and hash, never its content.
    const [entry, ...more] = await findAuditEntries(t.database.db, 'evidence_file', file.id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      action: 'evidence.upload',
      username: 'btc.chuyenvien',
      after: {
        name: 'Báo cáo tiến độ.pdf',
        mimeType: 'application/pdf',
        size: PDF.length,
        sha256: createHash('sha256').update(PDF).digest('hex'),
        agencyId: expect.any(Number),
      },
    });
    expect(Object.keys(entry?.after as object)).not.toContain('data');

    const inbox = await t.trpc(
      'tasks.inbox',
      { status: ['in_progress', 'overdue'], pageSize: 1 },
      { method: 'GET', cookie: officer },
    );
    expect(inbox.error).toBeUndefined();
    const taskId = inbox.data.items[0].id;
    const posted = await t.trpc(
      'tasks.postProgress',
      {
        taskId,
        percent: 55,
        narrative: 'Đã gửi dự thảo kèm minh chứng.',
        evidenceFileId: file.id,
        idempotencyKey: 'evidence-test-1',
      },
      { cookie: officer },
    );
    expect(posted.status).toBe(200);

    const own = await t.app.inject({
      method: 'GET',
      url: `/api/evidence/${file.id}`,
      headers: { cookie: officer },
    });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-disposition']).toContain('attachment');
    expect(own.rawPayload.equals(PDF)).toBe(true);
    const office = await t.login('vpcp', DEMO_PASSWORD);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/evidence/${file.id}`, headers: { cookie: office } }))
        .statusCode,
    ).toBe(200);
    const stranger = await t.login('xa.chuyenvien', DEMO_PASSWORD);
    // Out of scope answers as a file that does not exist (ids are sequential: a 403 would confirm it).
    const refused = await t.app.inject({
      method: 'GET',
      url: `/api/evidence/${file.id}`,
      headers: { cookie: stranger },
    });
    const absent = await t.app.inject({
      method: 'GET',
      url: '/api/evidence/2147483000',
      headers: { cookie: stranger },
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.body).toBe(absent.body);
  });

  it('refuses a file whose content is not an accepted type, whatever its name says', async () => {
    const res = await upload(officer, 'ghi-chu.pdf', Buffer.from('<script>alert(1)</script>'));
    expect(res.statusCode).toBe(415);
    expect((await upload(officer, 'virus.exe', Buffer.from('MZ\x90\x00'))).statusCode).toBe(415);
  });

  it('refuses files over 10 MB', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]);
    expect((await upload(officer, 'lon.pdf', big)).statusCode).toBe(413);
  });

  it('refuses uploads from inspectors and anonymous callers', async () => {
    const inspector = await t.login('thanhtra', DEMO_PASSWORD);
    expect((await upload(inspector, 'a.pdf', PDF)).statusCode).toBe(403);
    expect((await upload('', 'a.pdf', PDF)).statusCode).toBe(401);
  });

  describe('quota per agency', () => {
    let q: Awaited<ReturnType<typeof createTestApp>>;
    const login = async (username: string, agency: string) => {
      await createUser(q.database, { username, role: 'officer', agency });
      return q.login(username);
    };
    const storedOf = async (agency: string) => {
      const [row] = await q.database.db
        .select({
          files: sql<number>`count(*)::int`,
          bytes: sql<number>`coalesce(sum(${evidenceFiles.size}), 0)::int`,
        })
        .from(evidenceFiles)
        .innerJoin(agencies, eq(agencies.id, evidenceFiles.agencyId))
        .where(eq(agencies.nameVi, agency));
      return row;
    };

    beforeAll(async () => {
      q = await createTestApp({
        database: t.database,
        config: { UPLOAD_QUOTA_MB_PER_AGENCY: String(QUOTA_BYTES / 1024 / 1024) },
      });
    });
    afterAll(() => q.close());

    it('accepts uploads up to the quota, counted over the whole agency, and refuses one past it with 413, storing nothing', async () => {
      const a = await login('quota.a', 'Bộ Tư pháp');
      const b = await login('quota.b', 'Bộ Tư pháp');
      const other = await login('quota.other', 'Bộ Công an');
      expect((await upload(a, 'mot.pdf', PDF, q.app)).statusCode).toBe(201);
      expect((await upload(b, 'hai.pdf', PDF, q.app)).statusCode).toBe(201);
      const usage = await q.app.inject({ method: 'GET', url: '/api/evidence/usage', headers: { cookie: a } });
      expect(usage.json()).toEqual({ usedBytes: 2 * PDF.length, quotaBytes: QUOTA_BYTES });
      const uploadsAudited = async () =>
        (
          await q.database.db
            .select({ id: auditLog.id })
            .from(auditLog)
            .where(eq(auditLog.action, 'evidence.upload'))
        ).length;
      const auditedBefore = await uploadsAudited();

      const refused = await upload(a, 'ba.pdf', PDF, q.app);
      expect(refused.statusCode).toBe(413);
      expect(refused.json()).toEqual({
        error: 'VALIDATION',
        reason: 'uploadQuota',
        usedBytes: 2 * PDF.length,
        quotaBytes: QUOTA_BYTES,
      });
      expect(await storedOf('Bộ Tư pháp')).toEqual({ files: 2, bytes: 2 * PDF.length });
      expect(await uploadsAudited()).toBe(auditedBefore);

      // Exactly the bytes left still fit; then not one more.
      const rest = QUOTA_BYTES - 2 * PDF.length;
      expect((await upload(b, 'vua-du.pdf', pdfOf(rest), q.app)).statusCode).toBe(201);
      expect((await upload(b, 'thua.pdf', pdfOf(10), q.app)).statusCode).toBe(413);
      expect(await storedOf('Bộ Tư pháp')).toEqual({ files: 3, bytes: QUOTA_BYTES });
      // Another agency has its own quota.
      expect((await upload(other, 'khac.pdf', PDF, q.app)).statusCode).toBe(201);
    });

    it('lets only as many concurrent uploads through as fit in the quota', async () => {
      const cookie = await login('quota.race', 'Bộ Ngoại giao');
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) => upload(cookie, `dong-thoi-${i}.pdf`, PDF, q.app)),
      );
      const codes = answers.map((r) => r.statusCode).sort();
      expect(codes).toEqual([201, 201, 413, 413, 413, 413, 413, 413]);
      expect(await storedOf('Bộ Ngoại giao')).toEqual({ files: 2, bytes: 2 * PDF.length });
    });

    it('shows the usage to officers only', async () => {
      const inspector = await q.login('thanhtra', DEMO_PASSWORD);
      expect(
        (await q.app.inject({ method: 'GET', url: '/api/evidence/usage', headers: { cookie: inspector } }))
          .statusCode,
      ).toBe(403);
    });
  });

  describe('cleanup of unattached files', () => {
    const DAY = 24 * 3_600_000;
    const now = new Date('2026-03-02T06:00:00Z');
    const backdate = (id: number, at: string) =>
      t.database.db
        .update(evidenceFiles)
        .set({ createdAt: new Date(at) })
        .where(eq(evidenceFiles.id, id));
    const uploadId = async (name: string) => {
      const res = await upload(officer, name, PDF);
      expect(res.statusCode).toBe(201);
      return (res.json() as { id: number }).id;
    };
    const remaining = async (ids: number[]) =>
      (
        await t.database.db
          .select({ id: evidenceFiles.id })
          .from(evidenceFiles)
          .where(inArray(evidenceFiles.id, ids))
      )
        .map((r) => r.id)
        .sort((x, y) => x - y);

    it('deletes old files attached to nothing, in batches, auditing each, and keeps attached and recent ones', async () => {
      const oldA = await uploadId('cu-1.pdf');
      const oldB = await uploadId('cu-2.pdf');
      const attached = await uploadId('da-dinh-kem.pdf');
      const recent = await uploadId('moi.pdf');
      const inbox = await t.trpc(
        'tasks.inbox',
        { status: ['in_progress', 'overdue'], pageSize: 1 },
        { method: 'GET', cookie: officer },
      );
      const posted = await t.trpc(
        'tasks.postProgress',
        {
          taskId: inbox.data.items[0].id,
          percent: 60,
          narrative: 'Minh chứng cũ vẫn được dẫn chiếu.',
          evidenceFileId: attached,
          idempotencyKey: 'evidence-cleanup-1',
        },
        { cookie: officer },
      );
      expect(posted.error).toBeUndefined();
      // Uploaded more than a day before `now`, except the recent one (within the grace period).
      for (const id of [oldA, oldB, attached]) await backdate(id, '2026-03-01T05:00:00Z');
      await backdate(recent, '2026-03-01T07:00:00Z');

      const deleted = await deleteUnattachedEvidence(t.database.db, { now, graceMs: DAY, batchSize: 1 });
      expect(deleted).toEqual([oldA, oldB]);
      expect(await remaining([oldA, oldB, attached, recent])).toEqual([attached, recent]);
      for (const [id, name] of [
        [oldA, 'cu-1.pdf'],
        [oldB, 'cu-2.pdf'],
      ] as const) {
        const [entry] = await findAuditEntries(t.database.db, 'evidence_file', id);
        expect(entry).toMatchObject({
          action: 'evidence.cleanup',
          username: null,
          before: { id, name, size: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex') },
        });
      }
      expect((await verifyAuditTrail(t.database.db)).ok).toBe(true);
      // A second run finds nothing more; the recent file goes once its own day has passed.
      expect(await deleteUnattachedEvidence(t.database.db, { now, graceMs: DAY })).toEqual([]);
      expect(
        await deleteUnattachedEvidence(t.database.db, {
          now: new Date('2026-03-02T07:00:01Z'),
          graceMs: DAY,
        }),
      ).toEqual([recent]);
    });

    it.skipIf(!testDatabaseUrl())(
      'skips a file that a write in progress is attaching (PostgreSQL only: needs two connections)',
      async () => {
        const pending = await uploadId('dang-dinh-kem.pdf');
        await backdate(pending, '2026-03-01T05:00:00Z');
        const pg = t.database.pg;
        if (!pg) throw new Error('expected PostgreSQL');
        // A progress write holds its file `for key share` until it commits (saveProgressBatch).
        const deleted = await pg.begin(async (tx) => {
          await tx`select id from evidence_files where id = ${pending} for key share`;
          return deleteUnattachedEvidence(t.database.db, { now, graceMs: DAY });
        });
        expect(deleted).not.toContain(pending);
        expect(await remaining([pending])).toEqual([pending]);
        const [row] = await t.database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(auditLog)
          .where(and(eq(auditLog.action, 'evidence.cleanup'), eq(auditLog.entityId, String(pending))));
        expect(row?.n).toBe(0);
      },
    );

    it('runs as a job when the server starts', async () => {
      const forgotten = await uploadId('bo-quen.pdf');
      await backdate(forgotten, '2026-01-01T00:00:00Z');
      const logged: string[] = [];
      const log = {
        info: (_: object, m: string) => logged.push(m),
        error: (_: object, m: string) => logged.push(m),
      };
      await runAtStart(t.database, [evidenceCleanupJob(t.database.db, { graceMs: DAY, log })]);
      expect(await remaining([forgotten])).toEqual([]);
      expect(logged).toEqual(['unattached evidence files deleted']);
    });
  });
});
