import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { vietnamDate } from '../shared/time';
import { buildApp } from './app';
import { openDatabase } from './db/open';
import { prepareDatabase } from './db/roles';
import { loadConfig } from './env';
import { startJobQueue } from './jobs/queue';
import { checkpointJob } from './modules/audit/checkpoints';
import { auditKeysFrom, setAuditKeys } from './modules/audit/keys';
import { deleteExpiredSessions } from './modules/auth/sessions';
import { escalationJob } from './modules/escalation/evaluate';
import { evidenceCleanupJob } from './modules/evidence/cleanup';
import { getKpiOverviewCached } from './modules/kpis/service';
import { idempotencyCleanupJob } from './modules/machine/idempotency';
import { digestJob } from './modules/mail/digest';
import { connectMailQueue } from './modules/mail/outbox';
import { mailSendJob, mailSweepJob, smtpTransport } from './modules/mail/send';
import { freezeJob } from './modules/reports/freeze-job';
import { getDashboardCached } from './modules/tasks/dashboard-cache';
import { tallyJob } from './modules/tasks/tallies';
import { seedIfEmpty } from './seed';
import { DEMO_PASSWORD } from './seed/demo';

const ROLE_LABEL = {
  admin: 'Quản trị hệ thống / Administrator',
  office: 'Chuyên viên Văn phòng Chính phủ / Government Office officer',
  officer: 'Chuyên viên cơ quan / Agency officer',
  leader: 'Lãnh đạo cơ quan / Agency leader',
  inspector: 'Thanh tra / Inspector',
} as const;

async function main() {
  const config = loadConfig();
  // Before anything is written: the seed's entries are keyed as the server's are.
  setAuditKeys(auditKeysFrom(config));
  const database = await openDatabase(config);
  await prepareDatabase(config, database);
  const seededAt = new Date();
  const seed = await seedIfEmpty(database.db, {
    communes: config.SEED_COMMUNES,
    demo: config.SEED_DEMO,
    mustChangePassword: config.NODE_ENV === 'production',
    today: vietnamDate(seededAt),
    now: seededAt,
  });
  await deleteExpiredSessions(database.db);

  const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/client');
  const app = await buildApp({ config, database }, { clientDir });
  // Scheduled work, on the job queue in the database: each run by one process of however many, now
  // and then on its schedule (Vietnam time), retried with backoff when it fails. Started before the
  // server listens: once it answers, its jobs are running and a SIGTERM stops them too.
  // Mails go through SMTP_URL, or stay in the outbox for the administrator (ADR 0024).
  const mailTransport = config.SMTP_URL ? smtpTransport(config.SMTP_URL) : null;
  const mailing = { transport: mailTransport, from: config.MAIL_FROM, baseUrl: config.PUBLIC_URL };
  const queue = await startJobQueue(database, {
    log: app.log,
    jobs: [
      // The task tallies fold the writes' log and roll over at Vietnam midnight: every minute.
      tallyJob(database.db),
      // Monthly reports are frozen once their cut-off has passed: every ten minutes.
      freezeJob(database.db, { log: app.log }),
      // The escalation rules move tasks' levels and take their steps: every 15 minutes, and just after
      // Vietnam midnight (a new day makes tasks overdue).
      escalationJob(database.db, { log: app.log }),
      // Evidence files attached to nothing are deleted once EVIDENCE_UNATTACHED_HOURS have passed: hourly.
      evidenceCleanupJob(database.db, {
        graceMs: config.EVIDENCE_UNATTACHED_HOURS * 3_600_000,
        log: app.log,
      }),
      // The machine API's kept answers (idempotency keys) are deleted after a week: hourly, at :30.
      idempotencyCleanupJob(database.db),
      // The audit chain is signed if it grew since the last checkpoint: every AUDIT_CHECKPOINT_MINUTES.
      checkpointJob(database.db, {
        keys: auditKeysFrom(config),
        file: config.AUDIT_CHECKPOINT_FILE,
        everyMinutes: config.AUDIT_CHECKPOINT_MINUTES,
        log: app.log,
      }),
      // Each notification mail, once, retried with backoff; mails nobody enqueued, every minute.
      mailSendJob(database.db, mailing),
      mailSweepJob(database.db, { log: app.log }),
      // The daily digest at 07:00 Vietnam time (and at start, for a server started later in the day).
      digestJob(database.db, { baseUrl: config.PUBLIC_URL, log: app.log }),
    ],
  });
  connectMailQueue(queue);
  try {
    await app.listen({ host: config.HOST, port: config.PORT });
  } catch (err) {
    await queue.stop();
    throw err;
  }
  // The national aggregates take about a second at national scale: computed now, the first visitor of
  // the dashboard or the KPI overview does not wait for them (they stay cached until a change). With a
  // read replica, where most readers read them.
  const reads = app.replica?.db ?? database.db;
  void Promise.allSettled([getDashboardCached(reads), getKpiOverviewCached(reads)]);

  const url = `http://localhost:${config.PORT}`;
  const lines = [
    '',
    `  Hệ thống giám sát Chương trình phát triển Chính phủ số đang chạy tại ${url}`,
    `  Digital Government Program monitor is running at ${url}`,
    `  Database: ${database.label}`,
  ];
  if (app.replica) lines.push(`  Reports read from the replica: ${app.replica.database.label}`);
  if (seed.seeded) {
    lines.push('', `  Demo logins (password for all: ${DEMO_PASSWORD}):`);
    if (config.NODE_ENV === 'production')
      lines.push('  (production: each account must choose a new password at its first login)');
    for (const login of seed.logins) {
      lines.push(`    ${login.username.padEnd(18)} ${ROLE_LABEL[login.role]} — ${login.agencyName}`);
    }
  } else if (config.SEED_DEMO) {
    lines.push(
      '',
      `  Demo logins: quantri, vpcp, btc.chuyenvien, btc.lanhdao, hanoi.chuyenvien, hanoi.sokhcn, thanhtra (password ${DEMO_PASSWORD})`,
    );
  }
  console.log(`${lines.join('\n')}\n`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 20_000);
    force.unref();
    try {
      // From now on new requests are answered 503 while those in flight finish (server/http/drain.ts).
      const drained = app.drain();
      // The jobs in progress stop at their next safe point; the queue keeps what is left for the restart.
      connectMailQueue(null);
      await queue.stop();
      mailTransport?.close?.();
      await drained;
      await app.close();
      app.log.info('http server closed');
      await database.close();
      app.log.info('shut down cleanly');
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
