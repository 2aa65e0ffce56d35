/**
 * The escalation job over the national dataset (issue 16: "escalation over 200,000 tasks in one job
 * run ≤ 10 s"). Every rule switched on with its default parameters (the early warning's forecast of
 * every open task, missed reports' requests and the Office's step included), the escalation state of an earlier
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
      await tx`delete from report_escalation_steps`;
      await tx`delete from task_escalations`;
      // The rules' notifications, and their links to the mails they made (the mails stay, as sent).
      const ours = () => tx`select id from notifications where kind = 'escalation.office'
        or (kind = 'explanation.requested' and task_id in (select task_id from explanation_requests where automatic))
        or (kind = 'explanation.requested' and task_id is null and exists (select 1 from explanation_requests r
          where r.automatic and r.template_id = (params->>'templateId')::int
            and r.agency_id = (params->>'agencyId')::int and r.period_key = params->>'periodKey'))`;
      await tx`delete from mail_notifications where notification_id in (${ours()})`;
      await tx`delete from notifications where id in (${ours()})`;
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
      const note = `${open?.n ?? 0} open tasks; forecasts ${t.forecast} ms (${run.forecast} tasks, ${run.flagged} flagged), levels ${t.levels} ms, missed reports ${t.reports} ms, requests ${t.explanations} ms, Office ${t.office} ms; levels written ${run.levelsWritten}, cleared ${run.levelsCleared}; requests opened: ${run.explanationsOpened} overdue tasks, ${run.reportExplanationsOpened} missed reports, ${run.atRiskExplanationsOpened} tasks at risk (skipped ${run.explanationsSkipped}); Office notified of ${run.officeNotified} tasks and ${run.reportOfficeNotified} reports`;
      log(`  escalation ${label}: ${Math.round(elapsed)} ms — ${note}`);
      figures.push(figure(`Escalation job run (${label})`, 'ms', elapsed, BUDGET_MS, { note }));
    }
    const levels = await sql<{ level: string; rule: string; n: number }[]>`select level::text, rule::text,
      count(*)::int as n from task_escalations group by level, rule order by level, rule`;
    log(`  escalation levels now: ${levels.map((l) => `${l.level} (${l.rule}) ${l.n}`).join(', ')}`);
    // No task or report asked twice by one rule, no Office notification twice, whatever the runs.
    const [twice] = await sql<{ requests: number; notes: number }[]>`select
      (select count(*)::int from (select task_id from explanation_requests where automatic and task_id is not null
        group by task_id, reason like '%dự báo%' having count(*) > 1) x)
      + (select count(*)::int from (select template_id, agency_id, period_key from explanation_requests
        where automatic and template_id is not null group by 1, 2, 3 having count(*) > 1) r) as requests,
      (select count(*)::int from (select task_id, params->>'templateId', params->>'agencyId', params->>'periodKey',
        user_id from notifications where kind = 'escalation.office'
        group by 1, 2, 3, 4, 5 having count(*) > 1) y) as notes`;
    log(`  tasks asked twice: ${twice?.requests}; Office users told twice of a task: ${twice?.notes}`);
    figures.push(
      figure(
        'Escalation: tasks or reports asked or notified twice',
        'items',
        (twice?.requests ?? 0) + (twice?.notes ?? 0),
        0,
      ),
    );
    return figures;
  } finally {
    await sql.end();
  }
}
