import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDate } from '../../shared/time';
import { seedIfEmpty } from '../seed';
import { DEMO_PASSWORD } from '../seed/demo';
import { createTestApp } from '../test/app';

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

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20)]);

describe('evidence files', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedIfEmpty(t.database.db, { communes: 68, demo: true, today: vietnamDate(new Date()) });
    officer = await t.login('btc.chuyenvien', DEMO_PASSWORD);
  });
  afterAll(() => t.close());

  const upload = (cookie: string, name: string, content: Buffer) => {
    const { body, contentType } = multipartBody(name, content);
    return t.app.inject({
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
});
