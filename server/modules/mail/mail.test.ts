import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isMailKind } from '../../../shared/mail';
import { mayOpen, PAGE_ROLES } from '../../../shared/page-access';
import { vietnamInstant } from '../../../shared/time';
import { type Database, openPostgres } from '../../db/client';
import { mailDigests, mailNotifications, mailOutbox, notifications, users } from '../../db/schema';
import { type JobQueue, startJobQueue } from '../../jobs/queue';
import { type Cast, newKey, ok, startCast, today, type Who } from '../../test/tasks';
import { NOTIFICATION_KINDS } from '../accountability/notify';
import { digestJob, makeDigests, previewDigest } from './digest';
import { connectMailQueue } from './outbox';
import { type MailTransport, mailSendJob, mailSweepJob, sendOutboxMail, smtpTransport } from './send';
import { type ReceivedMail, startSmtpServer } from './smtp-test-server';

/**
 * Issue 16, point 4 (e-mail): notification mails through a real SMTP server started here, each user's
 * choice per kind, the outbox without SMTP, one digest per user and day whichever process makes it, and
 * the queue stopped and started again in the middle of sending.
 */
const BASE_URL = 'https://giamsat.example.gov.vn';
const FROM = 'Giám sát Chính phủ số <no-reply@example.gov.vn>';
const FAST_RETRY = { limit: 3, delaySeconds: 1, maxDelaySeconds: 1 };

async function until(check: () => boolean | Promise<boolean>, what = 'condition'): Promise<void> {
  const end = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('notification mails and digests', () => {
  let c: Cast;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const queues: JobQueue[] = [];
  const address = (who: Who) => `${who.toLowerCase()}@example.gov.vn`;
  const mailsTo = (who: Who) => smtp.received.filter((m) => m.to.includes(address(who)));

  beforeAll(async () => {
    c = await startCast();
    smtp = await startSmtpServer();
  });
  afterEach(async () => {
    connectMailQueue(null);
    await Promise.all(queues.splice(0).map((q) => q.stop()));
  });
  afterAll(async () => {
    await smtp?.close();
    await c?.close();
  });

  async function startMailQueue(on: Database, transport: MailTransport | null, jobs = [] as never[]) {
    const queue = await startJobQueue(on, {
      jobs: [mailSendJob(on.db, { transport, from: FROM, baseUrl: BASE_URL }, FAST_RETRY), ...jobs],
      pollingIntervalSeconds: 0.5,
    });
    queues.push(queue);
    connectMailQueue(queue);
    return queue;
  }
  async function stop(queue: JobQueue) {
    await queue.stop();
    queues.splice(queues.indexOf(queue), 1);
    connectMailQueue(null);
  }
  const settings = (who: Who, preferences: { kind: string; delivery: string }[] = []) =>
    c.mutate(who, 'mail.updateSettings', { email: address(who), preferences });
  const remind = (taskIds: number[]) =>
    c.mutate('office', 'accountability.remind', {
      taskIds,
      message: 'Đề nghị khẩn trương hoàn thành',
      idempotencyKey: newKey('r'),
    });
  const outboxOf = (who: Who) =>
    c.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.recipient, address(who)))
      .orderBy(mailOutbox.id);

  it('has a mail preference for every kind of notification the server writes', () => {
    expect(NOTIFICATION_KINDS.filter((k) => !isMailKind(k))).toEqual([]);
  });

  it('mails an explanation request at once through SMTP, in Vietnamese, with a link that opens the task; "off" mails nothing', async () => {
    ok(await settings('leadOfficer'));
    // The leader turns this kind off; the in-app notification still comes.
    const off = ok(await settings('leadLeader', [{ kind: 'explanation.requested', delivery: 'off' }]));
    expect(off.preferences.find((p: { kind: string }) => p.kind === 'explanation.requested')).toMatchObject({
      delivery: 'off',
      isDefault: false,
    });
    const queue = await startMailQueue(c.database, smtpTransport(smtp.url));
    const taskId = await c.newTask({ deadline: today(-3), title: 'Xây dựng Cổng dữ liệu quốc gia' });
    ok(
      await c.mutate('office', 'accountability.requestExplanation', {
        taskId,
        reason: 'Nhiệm vụ đã quá hạn',
        workingDays: 5,
        idempotencyKey: newKey('ask'),
      }),
    );
    await until(() => mailsTo('leadOfficer').length === 1, 'the officer’s mail');
    const [mail] = mailsTo('leadOfficer') as [ReceivedMail];
    expect(mail.subject).toContain(
      'Văn phòng Chính phủ yêu cầu giải trình về nhiệm vụ “Xây dựng Cổng dữ liệu quốc gia”',
    );
    expect(mail.text).toContain('hạn giải trình');
    // The link is absolute, on the public address, to the task's page, which the recipient may open.
    const link = /https?:\/\/\S+/.exec(mail.text)?.[0] ?? '';
    expect(link).toBe(`${BASE_URL}/tasks/${taskId}`);
    expect(mail.html).toContain(`href="${BASE_URL}/tasks/${taskId}"`);
    const path = new URL(link).pathname;
    const route = Object.keys(PAGE_ROLES).find((p) =>
      new RegExp(`^${p.replace(/:[a-zA-Z]+/g, '[^/]+')}$`).test(path),
    );
    expect(route).toBe('/tasks/:id');
    expect(mayOpen('officer', '/tasks/:id')).toBe(true);
    expect(
      ok(await c.query('leadOfficer', 'tasks.get', { id: Number(path.split('/').pop()) })).task.title,
    ).toBe('Xây dựng Cổng dữ liệu quốc gia');
    // Recorded as sent, tied to its notification; the leader got the notification but no mail.
    const [row] = await outboxOf('leadOfficer');
    expect(row).toMatchObject({ status: 'sent', attempts: 1, kind: 'notification' });
    expect(row?.sentAt).toBeInstanceOf(Date);
    expect(await outboxOf('leadLeader')).toEqual([]);
    const leaderId =
      (await c.database.db.select({ id: users.id }).from(users).where(eq(users.username, 'btc.ld')))[0]?.id ??
      0;
    const leaderNotes = await c.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, leaderId), eq(notifications.taskId, taskId)));
    expect(leaderNotes).toHaveLength(1);
    // The job run again (a retry after a lost acknowledgement) sends nothing more.
    expect(
      await sendOutboxMail(c.database.db, row?.id ?? 0, {
        transport: smtpTransport(smtp.url),
        from: FROM,
        baseUrl: BASE_URL,
      }),
    ).toBe('done');
    await new Promise((r) => setTimeout(r, 500));
    expect(mailsTo('leadOfficer')).toHaveLength(1);
    expect(mailsTo('leadLeader')).toHaveLength(0);
    await stop(queue);
  });

  it('without SMTP keeps the mail in the outbox, which only the administrator reads', async () => {
    ok(await settings('coordOfficer', [{ kind: 'reminder', delivery: 'immediate' }]));
    const queue = await startMailQueue(c.database, null);
    const taskId = await c.newTask({ deadline: today(-2), title: 'Số hoá hồ sơ đất đai' });
    // Hà Nội coordinates: remind a task Hà Nội leads.
    const hanoiTask = await c.newTask({
      deadline: today(-2),
      title: 'Số hoá hồ sơ hộ tịch',
      leadAgencyId: c.agency.hanoi,
      coordinatorIds: [],
    });
    ok(await remind([taskId, hanoiTask]));
    await until(async () => (await outboxOf('coordOfficer'))[0]?.status === 'held', 'the held mail');
    const before = smtp.received.length;
    const page = ok(await c.query('admin', 'mail.outbox', { page: 1 }));
    const held = page.items.find((m: { recipient: string }) => m.recipient === address('coordOfficer'));
    expect(held).toMatchObject({ status: 'held', kind: 'notification', sentAt: null });
    expect(held.subject).toContain('đôn đốc thực hiện nhiệm vụ “Số hoá hồ sơ hộ tịch”');
    expect(held.text).toContain(`${BASE_URL}/tasks/${hanoiTask}`);
    expect(page.items[0].id).toBeGreaterThanOrEqual(page.items.at(-1).id);
    expect((await c.query('office', 'mail.outbox', { page: 1 })).status).toBe(403);
    expect(smtp.received.length).toBe(before);
    await stop(queue);
  });

  it('stopped in the middle of sending and started again, loses no mail and sends none twice', async () => {
    ok(await settings('otherOfficer', [{ kind: 'reminder', delivery: 'immediate' }]));
    ok(await settings('leadOfficer', [{ kind: 'reminder', delivery: 'immediate' }]));
    const real = smtpTransport(smtp.url);
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let inFlight = false;
    // The first mail's SMTP exchange is still going when the queue is told to stop.
    const slow: MailTransport = {
      sendMail: async (m) => {
        if (!inFlight) {
          inFlight = true;
          await held;
        }
        return real.sendMail(m);
      },
    };
    const first = await startMailQueue(c.database, slow);
    const health = await c.newTask({
      deadline: today(-1),
      title: 'Bệnh án điện tử',
      leadAgencyId: c.agency.health,
      coordinatorIds: [],
    });
    const finance = [
      await c.newTask({ deadline: today(-1), title: 'Hoá đơn điện tử A' }),
      await c.newTask({ deadline: today(-1), title: 'Hoá đơn điện tử B' }),
    ];
    const before = smtp.received.length;
    const [last] = await c.database.db
      .select({ id: sql<number>`coalesce(max(${mailOutbox.id}), 0)::int` })
      .from(mailOutbox);
    ok(await remind([health, ...finance]));
    await until(() => inFlight, 'a mail being sent');
    const stopping = stop(first);
    release();
    await stopping;
    const expected = await c.database.db
      .select()
      .from(mailOutbox)
      .where(sql`${mailOutbox.id} > ${last?.id ?? 0}`);
    expect(expected.length).toBe(3);
    // The next start sends what was left; what had gone is not sent again.
    await startMailQueue(c.database, real);
    await until(async () => {
      const rows = await c.database.db
        .select({ status: mailOutbox.status })
        .from(mailOutbox)
        .where(
          inArray(
            mailOutbox.id,
            expected.map((m) => m.id),
          ),
        );
      return rows.every((r) => r.status === 'sent');
    }, 'every mail sent');
    await new Promise((r) => setTimeout(r, 1_500));
    const arrived = smtp.received.slice(before);
    const ids = arrived.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(arrived.length).toBe(expected.length);
    expect(arrived.filter((m) => m.subject.includes('Hoá đơn điện tử')).length).toBe(2);
    await stop(queues[0] as JobQueue);
  });

  it('delivers, once, a mail written where no queue ran (the sweep gives it its job)', async () => {
    ok(await settings('coordLeader', [{ kind: 'reminder', delivery: 'immediate' }]));
    const taskId = await c.newTask({
      deadline: today(-2),
      title: 'Dịch vụ công trực tuyến toàn trình',
      leadAgencyId: c.agency.hanoi,
      coordinatorIds: [],
    });
    // No queue connected: the mail is written, queued, with no job.
    ok(await remind([taskId]));
    const [row] = await outboxOf('coordLeader');
    expect(row?.status).toBe('queued');
    await c.database.db
      .update(mailOutbox)
      .set({ createdAt: sql`now() - interval '2 minutes'` })
      .where(eq(mailOutbox.id, row?.id ?? 0));
    const before = smtp.received.length;
    await startMailQueue(c.database, smtpTransport(smtp.url), [mailSweepJob(c.database.db)] as never[]);
    await until(() => mailsTo('coordLeader').length === 1, 'the swept mail');
    expect(mailsTo('coordLeader')[0]?.subject).toContain('Dịch vụ công trực tuyến toàn trình');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(smtp.received.length).toBe(before + 1);
    expect((await outboxOf('coordLeader'))[0]?.status).toBe('sent');
  });

  it('makes one digest per user and day, however many processes make them at once', async () => {
    ok(await settings('leadLeader'));
    // Reminders wait for the digest (the default): the leader's reminder goes into it, not out at once.
    const taskId = await c.newTask({ deadline: today(-4), title: 'Chữ ký số cho cán bộ' });
    ok(await remind([taskId]));
    const url = c.database.url;
    // A second process: its own pool on PostgreSQL; on PGlite (one process per folder) the same instance.
    const other: Database = url ? openPostgres(url, { max: 2 }) : c.database;
    try {
      const early = await makeDigests(c.database.db, { now: vietnamInstant(today(), 6), baseUrl: BASE_URL });
      expect(early.made).toBe(0);
      const morning = vietnamInstant(today(), 8);
      const runs = await Promise.all([
        makeDigests(c.database.db, { now: morning, baseUrl: BASE_URL }),
        makeDigests(other.db, { now: morning, baseUrl: BASE_URL }),
        makeDigests(other.db, { now: morning, baseUrl: BASE_URL }),
      ]);
      const again = await makeDigests(c.database.db, { now: morning, baseUrl: BASE_URL });
      expect(again.made).toBe(0);
      const withAddress = await c.database.db
        .select({ id: users.id })
        .from(users)
        .where(sql`${users.email} is not null`);
      const digests = await c.database.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'digest'));
      expect(runs.reduce((n, r) => n + r.made, 0)).toBe(digests.length);
      expect(digests.length).toBeGreaterThan(0);
      expect(new Set(digests.map((d) => d.userId)).size).toBe(digests.length);
      const days = await c.database.db.select().from(mailDigests).where(eq(mailDigests.day, today()));
      expect(days.length).toBe(withAddress.length);
      const leader = digests.find((d) => d.recipient === address('leadLeader'));
      expect(leader?.text).toContain('Nhiệm vụ quá hạn');
      expect(leader?.text).toContain(
        `Chữ ký số cho cán bộ (hạn ${today(-4).split('-').reverse().join('/')})`,
      );
      expect(leader?.text).toContain(`${BASE_URL}/tasks/${taskId}`);
      expect(leader?.text).toContain('Văn phòng Chính phủ đôn đốc thực hiện nhiệm vụ “Chữ ký số cho cán bộ”');
      const tied = await c.database.db
        .select()
        .from(mailNotifications)
        .where(eq(mailNotifications.mailId, leader?.id ?? 0));
      expect(tied.length).toBeGreaterThan(0);
    } finally {
      if (other !== c.database) await other.close();
    }
  });

  it('sends each digest once through SMTP when two queue workers run the day’s digest job', async () => {
    const tomorrow = vietnamInstant(today(1), 7, 30);
    const url = c.database.url;
    const other: Database = url ? openPostgres(url, { max: 4 }) : c.database;
    const before = smtp.received.length;
    try {
      const job = (on: Database) => digestJob(on.db, { baseUrl: BASE_URL, now: () => tomorrow });
      await Promise.all([
        startMailQueue(c.database, smtpTransport(smtp.url), [job(c.database)] as never[]),
        startMailQueue(other, smtpTransport(smtp.url), [job(other)] as never[]),
      ]);
      const made = async () =>
        c.database.db
          .select()
          .from(mailOutbox)
          .where(
            and(
              eq(mailOutbox.kind, 'digest'),
              sql`${mailOutbox.subject} like ${`%${today(1).split('-').reverse().join('/')}%`}`,
            ),
          );
      await until(async () => {
        const rows = await made();
        return rows.length > 0 && rows.every((r) => r.status === 'sent');
      }, 'tomorrow’s digests sent');
      await new Promise((r) => setTimeout(r, 2_000));
      const rows = await made();
      const arrived = smtp.received.slice(before).filter((m) => m.subject.includes('Tổng hợp ngày'));
      expect(arrived.length).toBe(rows.length);
      expect(new Set(arrived.map((m) => m.to.join())).size).toBe(arrived.length);
      const leader = arrived.find((m) => m.to.includes(address('leadLeader')));
      expect(leader?.subject).toBe(
        `[Giám sát Chính phủ số] Tổng hợp ngày ${today(1).split('-').reverse().join('/')}`,
      );
      // Yesterday's reminder was in yesterday's digest: not again.
      expect(leader?.text).not.toContain('đôn đốc');
      expect(leader?.text).toContain('Nhiệm vụ quá hạn');
    } finally {
      await Promise.all(queues.splice(0).map((q) => q.stop()));
      connectMailQueue(null);
      if (other !== c.database) await other.close();
    }
  });

  it('previews a user’s next digest with the morning mail’s own words and links, writing nothing', async () => {
    ok(await settings('leadOfficer'));
    const [officer] = await c.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, address('leadOfficer')));
    const officerId = officer?.id ?? 0;
    const taskId = await c.newTask({ deadline: today(-3), title: 'Kết nối cơ sở dữ liệu dân cư' });
    ok(await remind([taskId]));
    // Two days on, where no digest is made yet (the tests above made today's and tomorrow's).
    const dawn = vietnamInstant(today(2), 6);
    const before = await c.database.db.select().from(mailOutbox);
    const preview = await previewDigest(c.database.db, officerId, { now: dawn, baseUrl: BASE_URL });
    // Before 07:00 the next digest is this morning's; nothing is written by looking.
    expect(preview.day).toBe(today(2));
    expect(preview.hasAddress).toBe(true);
    expect(await c.database.db.select().from(mailOutbox)).toEqual(before);
    expect(preview.text).toContain(
      `Kết nối cơ sở dữ liệu dân cư (hạn ${today(-3).split('-').reverse().join('/')})`,
    );
    expect(preview.text).toContain(`${BASE_URL}/tasks/${taskId}`);
    // The morning's mail says exactly what the preview said.
    await makeDigests(c.database.db, { now: vietnamInstant(today(2), 7), baseUrl: BASE_URL });
    const mail = (await outboxOf('leadOfficer')).filter((m) => m.kind === 'digest').at(-1);
    expect([mail?.subject, mail?.text]).toEqual([preview.subject, preview.text]);
    // After 07:00 the preview is of tomorrow's, with what is not mailed yet.
    const later = await previewDigest(c.database.db, officerId, {
      now: vietnamInstant(today(2), 9),
      baseUrl: BASE_URL,
    });
    expect(later.day).toBe(today(3));
    expect(later.text ?? '').not.toContain('Văn phòng Chính phủ đôn đốc');
  });
});
