import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { vietnamDate } from '../shared/time';
import { buildApp } from './app';
import { openDatabase } from './db/open';
import { prepareDatabase } from './db/roles';
import { loadConfig } from './env';
import { startCheckpointJob } from './modules/audit/checkpoints';
import { auditKeysFrom, setAuditKeys } from './modules/audit/keys';
import { deleteExpiredSessions } from './modules/auth/sessions';
import { startEvidenceCleanupJob } from './modules/evidence/cleanup';
import { getKpiOverviewCached } from './modules/kpis/service';
import { startFreezeJob } from './modules/reports/freeze-job';
import { getDashboardCached } from './modules/tasks/dashboard-cache';
import { startTallyJob } from './modules/tasks/tallies';
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
  await app.listen({ host: config.HOST, port: config.PORT });
  // The national aggregates take about a second at national scale: computed now, the first visitor of
  // the dashboard or the KPI overview does not wait for them (they stay cached until a change). With a
  // read replica, where most readers read them.
  const reads = app.replica?.db ?? database.db;
  void Promise.allSettled([getDashboardCached(reads), getKpiOverviewCached(reads)]);
  // The task tallies fold the writes' log and roll over at Vietnam midnight: now, then every minute.
  const tallyJob = startTallyJob(database.db, { log: app.log });
  // Monthly reports are frozen once their cut-off has passed: now, then every ten minutes.
  const freezeJob = startFreezeJob(database.db, { log: app.log });
  // Evidence files attached to nothing are deleted once EVIDENCE_UNATTACHED_HOURS have passed: now, then hourly.
  const evidenceCleanup = startEvidenceCleanupJob(database.db, {
    graceMs: config.EVIDENCE_UNATTACHED_HOURS * 3_600_000,
    log: app.log,
  });
  // The audit chain is signed now if it grew since the last checkpoint, then every few minutes.
  const checkpointJob = startCheckpointJob(database.db, {
    keys: auditKeysFrom(config),
    file: config.AUDIT_CHECKPOINT_FILE,
    intervalMs: config.AUDIT_CHECKPOINT_MINUTES * 60_000,
    log: app.log,
  });

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
      `  Demo logins: quantri, vpcp, btc.chuyenvien, btc.lanhdao, hanoi.chuyenvien, thanhtra (password ${DEMO_PASSWORD})`,
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
      await Promise.all([freezeJob.stop(), evidenceCleanup.stop(), checkpointJob.stop(), tallyJob.stop()]);
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
