import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { overdueCutoff } from '../../../shared/escalation';
import { foldVietnamese } from '../../../shared/text';
import { formatVietnameseDate, vietnamDate } from '../../../shared/vietnam-date';
import { type Db, inTransaction } from '../../db/client';
import { selectRows } from '../../db/rows';
import { escalationSteps, tasks, users } from '../../db/schema';
import { type JobDefinition, type JobLog, periodicJob } from '../../jobs/queue';
import { requestExplanation } from '../accountability/explanations';
import type { Actor } from '../auth/actor';
import { loadHolidays } from '../holidays/queries';
import { recordChange } from '../live/record';
import { mailNotificationsNow } from '../mail/outbox';
import { type EscalationRuleSet, loadEscalationRules } from './rules';

/** At most this many tasks get a step (a request opened, the Office notified) per kind and run. */
export const ESCALATION_BATCH = 200;
/**
 * A run stops opening requests after this long (each is a dozen statements through the explanation
 * module): the rest wait for the next run, so one run stays within its budget however loaded the
 * database is.
 */
export const EXPLANATIONS_TIME_BUDGET_MS = 4_000;

/** Who opens the automatic explanation requests: an inactive Office account (it cannot log in). */
export const SYSTEM_REQUESTER = 'he-thong.quy-tac';

export interface EscalationRun {
  today: string;
  /** Tasks whose level (or its start or figures) was written, and tasks that left every level. */
  levelsWritten: number;
  levelsCleared: number;
  explanationsOpened: number;
  /** Tasks due an automatic request that already had one in progress: recorded, none opened. */
  explanationsSkipped: number;
  officeNotified: number;
  /** How long each part took (ms): the levels over every task, the requests, the Office's notifications. */
  timings: { levels: number; explanations: number; office: number };
}

/**
 * Evaluates the escalation rules over every open task as of `now` (Vietnam's date): the levels in one
 * statement over all tasks, then the steps due, each once per task and overdue deadline. Running it
 * again at the same instant changes nothing.
 */
export async function evaluateEscalations(
  db: Db,
  now = new Date(),
  options: { batch?: number; signal?: AbortSignal; explanationsBudgetMs?: number } = {},
): Promise<EscalationRun> {
  const today = vietnamDate(now);
  const batch = options.batch ?? ESCALATION_BATCH;
  const [rules, calendar] = await Promise.all([loadEscalationRules(db), loadHolidays(db)]);
  let mark = performance.now();
  const lap = () => {
    const at = performance.now();
    const took = Math.round(at - mark);
    mark = at;
    return took;
  };
  const levels = await writeLevels(db, rules, today, now);
  const levelsMs = lap();
  const explanationDays = rules.explanation_after_overdue.params.workingDays;
  const explanations = rules.explanation_after_overdue.enabled
    ? await openExplanations(db, rules, overdueCutoff(today, explanationDays, calendar), now, {
        batch,
        budgetMs: options.explanationsBudgetMs ?? EXPLANATIONS_TIME_BUDGET_MS,
        signal: options.signal,
      })
    : { opened: [], skipped: 0 };
  const explanationsMs = lap();
  const officeDays = explanationDays + rules.office_after_explanation.params.moreWorkingDays;
  const office = rules.office_after_explanation.enabled
    ? await notifyOffice(db, overdueCutoff(today, officeDays, calendar), officeDays, now, batch)
    : [];
  const officeMs = lap();
  const moved = [...levels.sample, ...office];
  if (levels.written + levels.cleared + office.length > 0)
    await announce(db, moved, levels.written + levels.cleared + office.length);
  return {
    today,
    levelsWritten: levels.written,
    levelsCleared: levels.cleared,
    explanationsOpened: explanations.opened.length,
    explanationsSkipped: explanations.skipped,
    officeNotified: office.length,
    timings: { levels: levelsMs, explanations: explanationsMs, office: officeMs },
  };
}

/** The scheduled run: every 15 minutes, and at 00:01 Vietnam time, when a new day moves every level. */
export function escalationJob(db: Db, options: { log?: JobLog | undefined } = {}): JobDefinition {
  return periodicJob({
    name: 'tasks.escalation',
    cron: '1,16,31,46 * * * *',
    failure: 'evaluating the escalation rules failed',
    timeoutSeconds: 600,
    run: async (signal) => {
      const run = await evaluateEscalations(db, new Date(), { signal });
      const moved = run.levelsWritten + run.levelsCleared + run.explanationsOpened + run.officeNotified;
      if (moved > 0) options.log?.info(run, 'escalation rules applied');
    },
  });
}

const SAMPLE = 50;

/**
 * Each open task's level, set-wise: red when overdue, yellow when `elapsedPercent` of the time from
 * assignment (the Vietnam date it was created) to the deadline has passed with progress under
 * `progressBelow`. A row is written only when its level, rule, start or figures differ, and removed
 * when no level holds (done, withdrawn, extended, progress caught up, rule switched off).
 */
async function writeLevels(db: Db, rules: EscalationRuleSet, today: string, now: Date) {
  const yellow = rules.half_time_low_progress;
  const elapsed = yellow.params.elapsedPercent;
  const below = yellow.params.progressBelow;
  const [row] = await selectRows<{ written: number; cleared: number; sample: number[] | null }>(
    db,
    sql`with target as (
      select t.id as task_id, t.deadline, t.latest_percent as percent, s.started_on,
        case
          when ${rules.overdue.enabled} and t.deadline < ${today}::date then 'red'
          when ${yellow.enabled} and t.deadline >= ${today}::date and t.latest_percent < ${below}
            and (${today}::date - s.started_on) * 100 >= ${elapsed} * (t.deadline - s.started_on) then 'yellow'
        end as level
      from tasks t
      cross join lateral (select (t.created_at at time zone 'Asia/Ho_Chi_Minh')::date as started_on) s
      where not t.withdrawn and t.completed_on is null and t.deadline is not null
    ), wanted as (
      select task_id, level::escalation_level as level,
        (case level when 'red' then 'overdue' else 'half_time_low_progress' end)::escalation_rule_kind as rule,
        case level when 'red' then deadline + 1
          else least(greatest(started_on + ceil(${elapsed} * (deadline - started_on) / 100.0)::int, started_on), ${today}::date)
        end as since,
        case level when 'red' then jsonb_build_object('deadline', deadline)
          else jsonb_build_object('deadline', deadline, 'startedOn', started_on, 'percent', percent,
            'elapsedPercent', ${elapsed}::int, 'progressBelow', ${below}::int)
        end as facts
      from target where level is not null
    ), written as (
      insert into task_escalations (task_id, level, rule, since, facts, recorded_at)
      select task_id, level, rule, since, facts, ${now.toISOString()}::timestamptz from wanted
      on conflict (task_id) do update set level = excluded.level, rule = excluded.rule, since = excluded.since,
        facts = excluded.facts, recorded_at = excluded.recorded_at
      where (task_escalations.level, task_escalations.rule, task_escalations.since, task_escalations.facts)
        is distinct from (excluded.level, excluded.rule, excluded.since, excluded.facts)
      returning task_id
    ), cleared as (
      -- NOT IN over the CTE: a hashed subplan (an anti-join here was planned as a nested loop, 30 s).
      delete from task_escalations e where e.task_id not in (select task_id from wanted)
      returning task_id
    )
    select (select count(*)::int from written) as written, (select count(*)::int from cleared) as cleared,
      (select array_agg(task_id) from (
        select task_id from written union all select task_id from cleared limit ${SAMPLE + 1}) x) as sample`,
  );
  return { written: row?.written ?? 0, cleared: row?.cleared ?? 0, sample: row?.sample ?? [] };
}

/**
 * Opens an explanation request for each open task overdue since `cutoff` or earlier, through the
 * explanation module's own path (locks, one request in progress per task, answer due in working days,
 * the lead agency's officers and leader notified, audited, announced), the system account asking. A
 * task already asked about since its deadline passed is left alone. Each in its own transaction with
 * the step's row, so a request exists exactly when its step does, and writers wait on none but it.
 */
async function openExplanations(
  db: Db,
  rules: EscalationRuleSet,
  cutoff: string,
  now: Date,
  limits: { batch: number; budgetMs: number; signal?: AbortSignal | undefined },
) {
  const { batch, budgetMs, signal } = limits;
  const started = performance.now();
  const due = await selectRows<{ id: number; deadline: string }>(
    db,
    sql`select t.id, t.deadline from tasks t
      where not t.withdrawn and t.completed_on is null and t.deadline <= ${cutoff}::date
        and not exists (select 1 from escalation_steps s
          where s.task_id = t.id and s.kind = 'explanation' and s.deadline = t.deadline)
        and not exists (select 1 from explanation_requests r
          where r.task_id = t.id and r.created_at >= ((t.deadline + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'))
      order by t.deadline, t.id
      limit ${batch}`,
  );
  const opened: number[] = [];
  let skipped = 0;
  if (due.length === 0) return { opened, skipped };
  const requester = await systemRequester(db);
  if (!requester) return { opened, skipped };
  const { workingDays, answerWorkingDays } = rules.explanation_after_overdue.params;
  for (const task of due) {
    if (signal?.aborted || performance.now() - started > budgetMs) break;
    await inTransaction(db, async (tx) => {
      const facts = { deadline: task.deadline, workingDays };
      const [claimed] = await tx
        .insert(escalationSteps)
        .values({ taskId: task.id, kind: 'explanation', deadline: task.deadline, facts, takenAt: now })
        .onConflictDoNothing()
        .returning({ taskId: escalationSteps.taskId });
      if (!claimed) return;
      try {
        const request = await requestExplanation(
          tx,
          requester,
          {
            taskId: task.id,
            reason: `Tự động theo quy tắc leo thang: nhiệm vụ quá hạn ${workingDays} ngày làm việc (hạn ${formatVietnameseDate(task.deadline)}).`,
            workingDays: answerWorkingDays,
            idempotencyKey: `escalation:${task.id}:${task.deadline}`,
          },
          now,
          { automatic: true },
        );
        await tx
          .update(escalationSteps)
          .set({ explanationId: request.id })
          .where(stepKey(task.id, 'explanation', task.deadline));
        opened.push(task.id);
      } catch (error) {
        // The Office asked by hand while the run went: that request stands for this one.
        if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
        await tx
          .update(escalationSteps)
          .set({ facts: { ...facts, skipped: error.message } })
          .where(stepKey(task.id, 'explanation', task.deadline));
        skipped++;
      }
    });
  }
  return { opened, skipped };
}

function stepKey(taskId: number, kind: 'explanation' | 'office', deadline: string) {
  return and(
    eq(escalationSteps.taskId, taskId),
    eq(escalationSteps.kind, kind),
    eq(escalationSteps.deadline, deadline),
  );
}

/**
 * Tells the Office (its active users) of each open task overdue since `cutoff` or earlier, once per
 * task and deadline: the steps claimed and the notifications written by one statement.
 */
async function notifyOffice(db: Db, cutoff: string, workingDays: number, now: Date, batch: number) {
  return inTransaction(db, async (tx) => {
    const rows = await selectRows<{ task_id: number; id: number | null; user_id: number | null }>(
      tx,
      sql`with due as (
      select t.id, t.deadline from tasks t
      where not t.withdrawn and t.completed_on is null and t.deadline <= ${cutoff}::date
        and not exists (select 1 from escalation_steps s
          where s.task_id = t.id and s.kind = 'office' and s.deadline = t.deadline)
      order by t.deadline, t.id
      limit ${batch}
    ), claimed as (
      insert into escalation_steps (task_id, kind, deadline, facts, taken_at)
      select id, 'office', deadline, jsonb_build_object('deadline', deadline, 'workingDays', ${workingDays}::int),
        ${now.toISOString()}::timestamptz
      from due
      on conflict do nothing
      returning task_id, deadline
    ), notified as (
      insert into notifications (user_id, kind, task_id, params)
      select u.id, 'escalation.office', c.task_id,
        jsonb_build_object('title', t.title, 'dueDate', c.deadline, 'workingDays', ${workingDays}::int,
          'agencyVi', a.name_vi, 'agencyEn', a.name_en)
      from claimed c
      join tasks t on t.id = c.task_id
      join agencies a on a.id = t.lead_agency_id
      join users u on u.role = 'office' and u.active
      returning id, user_id, task_id
    )
    select c.task_id, n.id, n.user_id from claimed c left join notified n on n.task_id = c.task_id`,
    );
    // Their mails (immediate or in the digest, as each Office user chose), in the same transaction.
    const written = rows.filter((r) => r.id !== null && r.user_id !== null);
    await mailNotificationsNow(
      tx,
      written.map((r) => ({ id: Number(r.id), userId: Number(r.user_id), kind: 'escalation.office' })),
    );
    return [...new Set(rows.map((r) => Number(r.task_id)))];
  });
}

/** One change event per run that moved anything: screens showing a moved task refresh. */
async function announce(db: Db, taskIds: readonly number[], count: number) {
  await inTransaction(db, async (tx) => {
    const few = count <= SAMPLE && taskIds.length <= SAMPLE;
    const agencyIds = few
      ? [
          ...new Set(
            (
              await tx
                .select({ agencyId: tasks.leadAgencyId })
                .from(tasks)
                .where(inArray(tasks.id, [...taskIds]))
            ).map((r) => r.agencyId),
          ),
        ]
      : [];
    const single = few && new Set(taskIds).size === 1 ? taskIds[0] : undefined;
    await recordChange(tx, {
      type: 'escalation.changed',
      ...(single ? { taskId: single } : {}),
      agencyIds,
      payload: single ? { taskId: single } : {},
    });
  });
}

/**
 * The account automatic requests are asked in the name of: created once, inactive (no login), in the
 * Office's agency (that of its first Office user). No Office user yet: nobody to ask for, none opened.
 */
async function systemRequester(db: Db): Promise<Actor | null> {
  const find = () =>
    db
      .select({ id: users.id, username: users.username, agencyId: users.agencyId })
      .from(users)
      .where(eq(users.username, SYSTEM_REQUESTER));
  let [user] = await find();
  if (!user) {
    const [office] = await db
      .select({ agencyId: users.agencyId })
      .from(users)
      .where(and(eq(users.role, 'office'), eq(users.active, true)))
      .orderBy(users.id)
      .limit(1);
    if (!office) return null;
    const fullName = 'Hệ thống (quy tắc leo thang)';
    await db
      .insert(users)
      .values({
        username: SYSTEM_REQUESTER,
        // No password hashes to this: the account never logs in (it is inactive too).
        passwordHash: '!',
        fullName,
        role: 'office',
        agencyId: office.agencyId,
        active: false,
        searchText: foldVietnamese(`${fullName} ${SYSTEM_REQUESTER}`),
      })
      .onConflictDoNothing();
    [user] = await find();
  }
  return user ? { ...user, role: 'office' } : null;
}
