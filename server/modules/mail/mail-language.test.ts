import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { vietnamInstant } from '../../../shared/time';
import { mailOutbox } from '../../db/schema';
import { type JobQueue, startJobQueue } from '../../jobs/queue';
import { type Cast, newKey, ok, startCast, today, type Who } from '../../test/tasks';
import { makeDigests } from './digest';
import { connectMailQueue } from './outbox';
import { mailSendJob, sendOutboxMail, smtpTransport } from './send';
import { type ReceivedMail, startSmtpServer } from './smtp-test-server';

/**
 * Mails in the recipient account's language (docs/decisions/0027), through a real SMTP server started
 * here: the lead agency's officer reads English, its leader Vietnamese (the default); the same event
 * and the same morning's digest reach each in their own language, with the same links.
 */
const BASE_URL = 'https://giamsat.example.gov.vn';
const FROM = 'Giám sát Chính phủ số <no-reply@example.gov.vn>';
const dmy = (date: string) => date.split('-').reverse().join('/');

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('mails in the reader’s language', () => {
  let c: Cast;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const queues: JobQueue[] = [];
  const address = (who: Who) => `${who.toLowerCase()}@example.gov.vn`;
  const mailsTo = (who: Who) => smtp.received.filter((m) => m.to.includes(address(who)));

  beforeAll(async () => {
    c = await startCast();
    smtp = await startSmtpServer();
    for (const who of ['leadOfficer', 'leadLeader'] as const)
      ok(await c.mutate(who, 'mail.updateSettings', { email: address(who), preferences: [] }));
    ok(await c.mutate('leadOfficer', 'auth.setLanguage', { language: 'en' }));
  });
  afterEach(async () => {
    connectMailQueue(null);
    await Promise.all(queues.splice(0).map((q) => q.stop()));
  });
  afterAll(async () => {
    await smtp?.close();
    await c?.close();
  });

  it('mails an explanation request in English to the English reader and in Vietnamese to the other, links unchanged', async () => {
    const queue = await startJobQueue(c.database, {
      jobs: [
        mailSendJob(
          c.database.db,
          { transport: smtpTransport(smtp.url), from: FROM, baseUrl: BASE_URL },
          { limit: 3, delaySeconds: 1, maxDelaySeconds: 1 },
        ),
      ],
      pollingIntervalSeconds: 0.5,
    });
    queues.push(queue);
    connectMailQueue(queue);
    const taskId = await c.newTask({ deadline: today(-3), title: 'Xây dựng Cổng dữ liệu quốc gia' });
    ok(
      await c.mutate('office', 'accountability.requestExplanation', {
        taskId,
        reason: 'Nhiệm vụ đã quá hạn',
        workingDays: 5,
        idempotencyKey: newKey('ask'),
      }),
    );
    await until(
      () => mailsTo('leadOfficer').length === 1 && mailsTo('leadLeader').length === 1,
      'both mails',
    );
    const [english] = mailsTo('leadOfficer') as [ReceivedMail];
    const [vietnamese] = mailsTo('leadLeader') as [ReceivedMail];
    expect(english.subject).toMatch(
      /^\[Digital Government Monitor\] The Government Office asks for an explanation of the task “Xây dựng Cổng dữ liệu quốc gia”, due \d{2}\/\d{2}\/\d{4}\.$/,
    );
    expect(english.text).toContain(`Open in the system: ${BASE_URL}/tasks/${taskId}`);
    expect(english.text).toContain(`change them at ${BASE_URL}/notifications`);
    expect(english.html).toContain(`href="${BASE_URL}/tasks/${taskId}"`);
    expect(english.text).not.toMatch(/Văn phòng|nhiệm vụ|Xem trên/);
    expect(vietnamese.subject).toMatch(
      /^\[Giám sát Chính phủ số\] Văn phòng Chính phủ yêu cầu giải trình về nhiệm vụ “Xây dựng Cổng dữ liệu quốc gia”, hạn giải trình \d{2}\/\d{2}\/\d{4}\.$/,
    );
    expect(vietnamese.text).toContain(`Xem trên hệ thống: ${BASE_URL}/tasks/${taskId}`);
    expect(vietnamese.html).toContain(`href="${BASE_URL}/tasks/${taskId}"`);
    expect(vietnamese.text).not.toMatch(/Government Office|Open in the system/);
  });

  it('writes each morning’s digest in its reader’s language', async () => {
    const taskId = await c.newTask({ deadline: today(-4), title: 'Chữ ký số cho cán bộ' });
    ok(
      await c.mutate('office', 'accountability.remind', {
        taskIds: [taskId],
        message: 'Đề nghị khẩn trương hoàn thành',
        idempotencyKey: newKey('r'),
      }),
    );
    const { made } = await makeDigests(c.database.db, { now: vietnamInstant(today(), 8), baseUrl: BASE_URL });
    expect(made).toBeGreaterThanOrEqual(2);
    const digests = await c.database.db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.kind, 'digest'),
          inArray(mailOutbox.recipient, [address('leadOfficer'), address('leadLeader')]),
        ),
      );
    expect(digests).toHaveLength(2);
    const before = smtp.received.length;
    const sending = { transport: smtpTransport(smtp.url), from: FROM, baseUrl: BASE_URL };
    for (const d of digests) expect(await sendOutboxMail(c.database.db, d.id, sending)).toBe('sent');
    const arrived = smtp.received.slice(before);
    const english = arrived.find((m) => m.to.includes(address('leadOfficer')));
    const vietnamese = arrived.find((m) => m.to.includes(address('leadLeader')));

    expect(english?.subject).toBe(`[Digital Government Monitor] Daily digest, ${dmy(today())}`);
    expect(english?.text).toContain(`Your work on ${dmy(today())}:`);
    expect(english?.text).toMatch(/Overdue tasks \(\d+\):/);
    expect(english?.text).toContain(`Chữ ký số cho cán bộ (due ${dmy(today(-4))})`);
    expect(english?.text).toContain(`${BASE_URL}/tasks/${taskId}`);
    expect(english?.text).toContain(
      'The Government Office reminds you of the task “Chữ ký số cho cán bộ”: Đề nghị khẩn trương hoàn thành',
    );
    expect(english?.text).toMatch(/New notifications \(\d+\):/);
    expect(english?.text).not.toMatch(/Nhiệm vụ quá hạn|Kính gửi|Tổng hợp|đôn đốc|\(hạn /);

    expect(vietnamese?.subject).toBe(`[Giám sát Chính phủ số] Tổng hợp ngày ${dmy(today())}`);
    expect(vietnamese?.text).toMatch(/Nhiệm vụ quá hạn \(\d+\):/);
    expect(vietnamese?.text).toContain(`Chữ ký số cho cán bộ (hạn ${dmy(today(-4))})`);
    expect(vietnamese?.text).toContain(`${BASE_URL}/tasks/${taskId}`);
    expect(vietnamese?.text).toContain(
      'Văn phòng Chính phủ đôn đốc thực hiện nhiệm vụ “Chữ ký số cho cán bộ”',
    );
    expect(vietnamese?.text).not.toMatch(/Overdue tasks|Dear |Daily digest|reminds you/);
  });
});
