/**
 * The escalation job over the national dataset (issue 16: "escalation over 200,000 tasks in one job
 * run ≤ 10 s"). Every rule switched on with its default parameters, the escalation state of an earlier
 * bench run removed (levels, steps, the automatic requests and their notifications; their audit entries
 * stay, as the audit trail is append-only), then three runs of the job's own function:
 * - the first: every open task's level written, the first batch of requests opened and of Office
 *   notifications written;
 * - the same instant again: nothing changes (the idempotent steady state, the usual 15-minute run);
 * - the next Vietnam day: levels move with the date, the next batches of steps.
 */
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Db } from '../server/db/client';
import { openPostgres } from '../server/db/client';
import { runMigrations } from '../server/db/migrate';
import * as schema from '../server/db/schema';
import { loadConfig } from '../server/env';
import { auditKeysFrom, setAuditKeys } from '../server/modules/audit/keys';
import { evaluateEscalations } from '../server/modules/escalation/evaluate';
import { DEFAULT_ESCALATION_RULES, ESCALATION_RULE_KINDS } from '../shared/escalation';
import { type Figure, figure } from './figures';

const BUDGET_MS = 10_000;

export async function runEscalationBench(options: {
  databaseUrl: string;
  log: (line: string) => void;
}): Promise<Figure[]> {
  const { log } = options;
  const owner = openPostgres(options.databaseUrl, { statementTimeoutMs: 0 });
  await runMigrations(owner);
  await owner.close();
  const sql = postgres(options.databaseUrl, { max: 4, onnotice: () => {} });
  const db = drizzle(sql, { schema }) as unknown as Db;
  // Requests are audited: the test configuration's key, as the audit bench.
  setAuditKeys(auditKeysFrom(loadConfig({ NODE_ENV: 'test' })));
  try {
    await sql.begin(async (tx) => {
      await tx`delete from escalation_steps`;
      await tx`delete from task_escalations`;
      // The last run's notifications, with the mails that carried them (a second run found them mailed).
      const lastRun = tx`select id from notifications where kind = 'escalation.office'
        or (kind = 'explanation.requested' and task_id in (select task_id from explanation_requests where automatic))`;
      await tx`create temporary table last_run_mails on commit drop as
        select distinct mail_id from mail_notifications where notification_id in (${lastRun})`;
      await tx`delete from mail_notifications where notification_id in (${lastRun})`;
      await tx`delete from mail_outbox where id in (select mail_id from last_run_mails)
        and not exists (select 1 from mail_notifications m where m.mail_id = mail_outbox.id)`;
      await tx`delete from notifications where id in (${lastRun})`;
      await tx`delete from explanation_requests where automatic`;
      await tx`delete from escalation_rules`;
      for (const kind of ESCALATION_RULE_KINDS) {
        const params = DEFAULT_ESCALATION_RULES[kind].params;
        await tx`insert into escalation_rules (kind, enabled, params) values (${kind}, true, ${JSON.stringify(params)}::jsonb)`;
      }
    });
    await sql`analyze task_escalations`;
    const [open] = await sql<{ n: number }[]>`select count(*)::int as n from tasks
      where not withdrawn and completed_on is null and deadline is not null`;
    log(`  escalation: ${open?.n ?? 0} open tasks with a deadline`);
    const now = new Date();
    const nextDay = new Date(now.getTime() + 86_400_000);
    const figures: Figure[] = [];
    for (const [label, at] of [
      ['first run', now],
      ["again, same instant: the backlog's next batch", now],
      ['next day', nextDay],
    ] as const) {
      const started = performance.now();
      const run = await evaluateEscalations(db, at);
      const elapsed = performance.now() - started;
      const t = run.timings;
      const note = `${open?.n ?? 0} open tasks; levels ${t.levels} ms, requests ${t.explanations} ms, Office ${t.office} ms; levels written ${run.levelsWritten}, cleared ${run.levelsCleared}; requests opened ${run.explanationsOpened} (skipped ${run.explanationsSkipped}); Office notified of ${run.officeNotified} tasks`;
      log(`  escalation ${label}: ${Math.round(elapsed)} ms — ${note}`);
      figures.push(figure(`Escalation job run (${label})`, 'ms', elapsed, BUDGET_MS, { note }));
    }
    const levels = await sql<{ level: string; n: number }[]>`select level::text, count(*)::int as n
      from task_escalations group by level order by level`;
    log(`  escalation levels now: ${levels.map((l) => `${l.level} ${l.n}`).join(', ')}`);
    // No task asked twice, no task's Office notification twice, whatever the runs.
    const [twice] = await sql<{ requests: number; notes: number }[]>`select
      (select count(*)::int from (select task_id from explanation_requests where automatic
        group by task_id having count(*) > 1) x) as requests,
      (select count(*)::int from (select task_id, user_id from notifications where kind = 'escalation.office'
        group by task_id, user_id having count(*) > 1) y) as notes`;
    log(`  tasks asked twice: ${twice?.requests}; Office users told twice of a task: ${twice?.notes}`);
    figures.push(
      figure(
        'Escalation: tasks asked or notified twice',
        'tasks',
        (twice?.requests ?? 0) + (twice?.notes ?? 0),
        0,
      ),
    );
    return figures;
  } finally {
    await sql.end();
  }
}
