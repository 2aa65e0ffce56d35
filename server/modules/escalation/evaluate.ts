import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { overdueCutoff } from '../../../shared/escalation';
import { foldVietnamese } from '../../../shared/text';
import { formatVietnameseDate, vietnamDate } from '../../../shared/vietnam-date';
import { type Db, inTransaction } from '../../db/client';
import { selectRows } from '../../db/rows';
import { escalationSteps, reportEscalationSteps, tasks, users } from '../../db/schema';
import { type JobDefinition, type JobLog, periodicJob } from '../../jobs/queue';
import { requestExplanation, requestReportExplanation } from '../accountability/explanations';
import type { Actor } from '../auth/actor';
import { loadHolidays } from '../holidays/queries';
import { recordChange } from '../live/record';
import { mailNotificationsNow } from '../mail/outbox';
import { type FlaggedTask, forecastOpenTasks } from '../tasks/forecast';
import { findMissedReports, type MissedReport } from './missed-reports';
import { type EscalationRuleSet, loadEscalationRules } from './rules';

/** At most this many tasks or reports get a step (a request opened, the Office notified) per kind and run. */
export const ESCALATION_BATCH = 200;
/**
 * A run stops opening requests after this long (each is a dozen statements through the explanation
 * module), whatever they are about (overdue tasks, missed reports, at-risk tasks: taken in turn, so no
 * kind waits for another's backlog): the rest wait for the next run, so one run stays within its budget
 * however loaded the database is.
 */
export const EXPLANATIONS_TIME_BUDGET_MS = 4_000;
/**
 * Nor does it open any once the run has gone this long (the forecasts and levels over every task come
 * first and take longer on a loaded database): the run stays within its 10 s with the Office's steps.
 */
export const RUN_REQUESTS_UNTIL_MS = 8_500;
/** But always this long, so that requests are opened however slow the rest of a run is. */
const MIN_EXPLANATIONS_TIME_MS = 1_000;

/** Who opens the automatic explanation requests: an inactive Office account (it cannot log in). */
export const SYSTEM_REQUESTER = 'he-thong.quy-tac';

export interface EscalationRun {
  today: string;
  /** Open tasks the early warning forecast (the likely_late rules on), and how many it flagged. */
  forecast: number;
  flagged: number;
  /** Tasks whose level (or its start or figures) was written, and tasks that left every level. */
  levelsWritten: number;
  levelsCleared: number;
  /** Requests opened about overdue tasks. */
  explanationsOpened: number;
  /** Subjects due an automatic request that already had one in progress: recorded, none opened. */
  explanationsSkipped: number;
  /** Requests opened about missed reports, and about tasks the forecast flags (before their deadline). */
  reportExplanationsOpened: number;
  atRiskExplanationsOpened: number;
  /** Overdue tasks, and missed reports, the Office was told of. */
  officeNotified: number;
  reportOfficeNotified: number;
  /**
   * How long each part took (ms): the forecasts, the levels over every task, the missed reports found
   * (compliance of every regime), the requests, the Office's notifications.
   */
  timings: { forecast: number; levels: number; reports: number; explanations: number; office: number };
}

/**
 * Evaluates the escalation rules over every open task and every report due as of `now` (Vietnam's
 * date): the early warning's forecasts in one read, the levels in one statement over all tasks, then the
 * steps due, each once per task and deadline or per missed report. Running it again at the same
 * instant changes nothing.
 */
export async function evaluateEscalations(
  db: Db,
  now = new Date(),
  options: { batch?: number; signal?: AbortSignal; explanationsBudgetMs?: number } = {},
): Promise<EscalationRun> {
  const today = vietnamDate(now);
  const batch = options.batch ?? ESCALATION_BATCH;
  const started = performance.now();
  const [rules, calendar] = await Promise.all([loadEscalationRules(db), loadHolidays(db)]);
  let mark = performance.now();
  const lap = () => {
    const at = performance.now();
    const took = Math.round(at - mark);
    mark = at;
    return took;
  };
  // The early warning, for the colour and the at-risk requests: tasks not yet overdue (an overdue one
  // is red), or every open one when red is off.
  const forecasting = rules.likely_late.enabled || rules.explanation_when_likely_late.enabled;
  const flags = forecasting
    ? await forecastOpenTasks(db, now, {
        from: rules.overdue.enabled ? today : null,
        flagDays: rules.likely_late.params.minDaysLate,
      })
    : { forecast: 0, flagged: [] };
  const forecastMs = lap();
  const levels = await writeLevels(db, rules, today, now, rules.likely_late.enabled ? flags.flagged : []);
  const levelsMs = lap();
  const reportRule = rules.explanation_after_missed_report;
  const reportDays = reportRule.params.workingDays;
  const reportOfficeDays = reportDays + rules.office_after_missed_report.params.moreWorkingDays;
  const missed =
    reportRule.enabled || rules.office_after_missed_report.enabled
      ? await findMissedReports(db, now, overdueCutoff(today, reportDays, calendar))
      : [];
  const reportsMs = lap();
  const explanationDays = rules.explanation_after_overdue.params.workingDays;
  const queues = [
    rules.explanation_after_overdue.enabled
      ? await overdueTaskRequests(db, rules, overdueCutoff(today, explanationDays, calendar), now, batch)
      : [],
    reportRule.enabled ? await missedReportRequests(db, rules, missed, now, batch) : [],
    rules.explanation_when_likely_late.enabled
      ? await atRiskTaskRequests(db, rules, flags.flagged, today, now, batch)
      : [],
  ];
  const requests = await openInTurn(db, queues, {
    budgetMs:
      options.explanationsBudgetMs ??
      Math.max(
        MIN_EXPLANATIONS_TIME_MS,
        Math.min(EXPLANATIONS_TIME_BUDGET_MS, RUN_REQUESTS_UNTIL_MS - (performance.now() - started)),
      ),
    signal: options.signal,
  });
  const explanationsMs = lap();
  const officeDays = explanationDays + rules.office_after_explanation.params.moreWorkingDays;
  const office = rules.office_after_explanation.enabled
    ? await notifyOffice(db, overdueCutoff(today, officeDays, calendar), officeDays, now, batch)
    : [];
  const reportOfficeCutoff = overdueCutoff(today, reportOfficeDays, calendar);
  const reportOffice = rules.office_after_missed_report.enabled
    ? await notifyOfficeOfReports(
        db,
        missed.filter((m) => m.deadline <= reportOfficeCutoff),
        reportOfficeDays,
        now,
        batch,
      )
    : [];
  const officeMs = lap();
  const moved = [...levels.sample, ...office];
  if (levels.written + levels.cleared + office.length > 0)
    await announce(db, moved, levels.written + levels.cleared + office.length);
  if (reportOffice.length > 0) await announceReports(db, reportOffice);
  return {
    today,
    forecast: flags.forecast,
    flagged: flags.flagged.length,
    levelsWritten: levels.written,
    levelsCleared: levels.cleared,
    explanationsOpened: requests.opened.overdue,
    explanationsSkipped: requests.skipped,
    reportExplanationsOpened: requests.opened.report,
    atRiskExplanationsOpened: requests.opened.at_risk,
    officeNotified: office.length,
    reportOfficeNotified: reportOffice.length,
    timings: {
      forecast: forecastMs,
      levels: levelsMs,
      reports: reportsMs,
      explanations: explanationsMs,
      office: officeMs,
    },
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
      const moved =
        run.levelsWritten +
        run.levelsCleared +
        run.explanationsOpened +
        run.reportExplanationsOpened +
        run.atRiskExplanationsOpened +
        run.officeNotified +
        run.reportOfficeNotified;
      if (moved > 0) options.log?.info(run, 'escalation rules applied');
    },
  });
}

const SAMPLE = 50;

/**
 * Each open task's level, set-wise: red when overdue; yellow when `elapsedPercent` of the time from
 * assignment (the Vietnam date it was created) to the deadline has passed with progress under
 * `progressBelow`, or else when the early warning flags it (`flagged`, empty when that rule is off). A
 * row is written only when its level, rule, start or figures differ, and removed when no level holds
 * (done, withdrawn, extended, progress caught up, forecast back on time, rule switched off). A forecast
 * has no date it began on: a task flagged is yellow since the first run that flagged it, kept while it
 * stays flagged.
 */
async function writeLevels(
  db: Db,
  rules: EscalationRuleSet,
  today: string,
  now: Date,
  flagged: readonly FlaggedTask[],
) {
  const yellow = rules.half_time_low_progress;
  const elapsed = yellow.params.elapsedPercent;
  const below = yellow.params.progressBelow;
  const minDaysLate = rules.likely_late.params.minDaysLate;
  // The flags as one parameter (tens of thousands at national scale: past any parameter limit as a list).
  const flags = JSON.stringify(
    flagged.map((f) => ({
      id: f.id,
      late: f.lateByDays,
      expected: f.expectedOn,
      method: f.method,
      basis: f.basis,
    })),
  );
  const [row] = await selectRows<{ written: number; cleared: number; sample: number[] | null }>(
    db,
    sql`with flagged as (
      select * from jsonb_to_recordset(${flags}::jsonb) as f(id int, late int, expected text, method text, basis int)
    ), target as (
      select t.id as task_id, t.deadline, t.latest_percent as percent, s.started_on, f.late, f.expected,
        f.method, f.basis, e.since as was_since, e.rule as was_rule,
        case
          when ${rules.overdue.enabled} and t.deadline < ${today}::date then 'overdue'
          when ${yellow.enabled} and t.deadline >= ${today}::date and t.latest_percent < ${below}
            and (${today}::date - s.started_on) * 100 >= ${elapsed} * (t.deadline - s.started_on)
            then 'half_time_low_progress'
          when f.id is not null then 'likely_late'
        end as rule
      from tasks t
      cross join lateral (select (t.created_at at time zone 'Asia/Ho_Chi_Minh')::date as started_on) s
      left join flagged f on f.id = t.id
      left join task_escalations e on e.task_id = t.id
      where not t.withdrawn and t.completed_on is null and t.deadline is not null
    ), wanted as (
      select task_id, (case rule when 'overdue' then 'red' else 'yellow' end)::escalation_level as level,
        rule::escalation_rule_kind as rule,
        case rule when 'overdue' then deadline + 1
          when 'likely_late' then case when was_rule = 'likely_late' then was_since else ${today}::date end
          else least(greatest(started_on + ceil(${elapsed} * (deadline - started_on) / 100.0)::int, started_on), ${today}::date)
        end as since,
        case rule when 'overdue' then jsonb_build_object('deadline', deadline)
          when 'likely_late' then jsonb_build_object('deadline', deadline, 'lateByDays', late,
            'expectedOn', expected, 'method', method, 'basis', basis, 'minDaysLate', ${minDaysLate}::int)
          else jsonb_build_object('deadline', deadline, 'startedOn', started_on, 'percent', percent,
            'elapsedPercent', ${elapsed}::int, 'progressBelow', ${below}::int)
        end as facts
      from target where rule is not null
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

type RequestKind = 'overdue' | 'report' | 'at_risk';

/** One request due: opening it (in its own transaction, with its step's row) says what happened. */
interface DueRequest {
  kind: RequestKind;
  open: (requester: Actor) => Promise<'opened' | 'skipped' | 'none'>;
}

/**
 * Opens the requests due, one of each kind in turn (overdue tasks, missed reports, at-risk tasks), each
 * queue oldest deadline first, until they run out, the time budget is spent or the run is aborted.
 */
async function openInTurn(
  db: Db,
  queues: readonly DueRequest[][],
  limits: { budgetMs: number; signal?: AbortSignal | undefined },
) {
  const started = performance.now();
  const opened: Record<RequestKind, number> = { overdue: 0, report: 0, at_risk: 0 };
  let skipped = 0;
  const longest = Math.max(0, ...queues.map((q) => q.length));
  if (longest === 0) return { opened, skipped };
  const requester = await systemRequester(db);
  if (!requester) return { opened, skipped };
  for (let i = 0; i < longest; i++) {
    for (const queue of queues) {
      const due = queue[i];
      if (!due) continue;
      if (limits.signal?.aborted || performance.now() - started > limits.budgetMs) return { opened, skipped };
      const outcome = await due.open(requester);
      if (outcome === 'opened') opened[due.kind]++;
      else if (outcome === 'skipped') skipped++;
    }
  }
  return { opened, skipped };
}

/**
 * Each open task overdue since `cutoff` or earlier, not yet asked about since its deadline passed: an
 * explanation request through the explanation module's own path (locks, one request in progress per
 * task, answer due in working days, the lead agency's officers and leader notified, audited, announced),
 * the system account asking. Each in its own transaction with the step's row, so a request exists
 * exactly when its step does, and writers wait on none but it.
 */
async function overdueTaskRequests(
  db: Db,
  rules: EscalationRuleSet,
  cutoff: string,
  now: Date,
  batch: number,
): Promise<DueRequest[]> {
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
  const { workingDays, answerWorkingDays } = rules.explanation_after_overdue.params;
  return due.map((task) => ({
    kind: 'overdue' as const,
    open: (requester) =>
      openTaskRequest(db, requester, now, {
        taskId: task.id,
        deadline: task.deadline,
        step: 'explanation',
        facts: { deadline: task.deadline, workingDays },
        reason: `Tự động theo quy tắc leo thang: nhiệm vụ quá hạn ${workingDays} ngày làm việc (hạn ${formatVietnameseDate(task.deadline)}).`,
        answerWorkingDays,
      }),
  }));
}

/**
 * Each open task the early warning flags, before its deadline, not yet asked about for this deadline by
 * this rule and with no request in progress: a request, as for an overdue task (the step `at_risk`).
 */
async function atRiskTaskRequests(
  db: Db,
  rules: EscalationRuleSet,
  flagged: readonly FlaggedTask[],
  today: string,
  now: Date,
  batch: number,
): Promise<DueRequest[]> {
  const ahead = flagged.filter((f) => f.deadline >= today);
  if (ahead.length === 0) return [];
  const flags = JSON.stringify(ahead.map((f) => ({ id: f.id, deadline: f.deadline })));
  const due = await selectRows<{ id: number; deadline: string }>(
    db,
    sql`select f.id, f.deadline::text as deadline
      from jsonb_to_recordset(${flags}::jsonb) as f(id int, deadline date)
      where not exists (select 1 from escalation_steps s
          where s.task_id = f.id and s.kind = 'at_risk' and s.deadline = f.deadline)
        and not exists (select 1 from explanation_requests r where r.task_id = f.id and r.state <> 'accepted')
      order by f.deadline, f.id
      limit ${batch}`,
  );
  const byId = new Map(ahead.map((f) => [f.id, f]));
  const { answerWorkingDays } = rules.explanation_when_likely_late.params;
  return due.map((task) => {
    const flag = byId.get(Number(task.id));
    const late = flag?.lateByDays ?? null;
    return {
      kind: 'at_risk' as const,
      open: (requester) =>
        openTaskRequest(db, requester, now, {
          taskId: Number(task.id),
          deadline: task.deadline,
          step: 'at_risk',
          facts: { deadline: task.deadline, lateByDays: late, expectedOn: flag?.expectedOn ?? null },
          reason:
            late === null
              ? `Tự động theo quy tắc leo thang: dự báo nhiệm vụ không kịp hạn ${formatVietnameseDate(task.deadline)} (tiến độ không tăng).`
              : `Tự động theo quy tắc leo thang: dự báo nhiệm vụ trễ khoảng ${late} ngày so với hạn ${formatVietnameseDate(task.deadline)}.`,
          answerWorkingDays,
        }),
    };
  });
}

/** One task's request and its step, in one transaction (see `overdueTaskRequests`). */
async function openTaskRequest(
  db: Db,
  requester: Actor,
  now: Date,
  r: {
    taskId: number;
    deadline: string;
    step: 'explanation' | 'at_risk';
    facts: Record<string, string | number | null>;
    reason: string;
    answerWorkingDays: number;
  },
) {
  return inTransaction(db, async (tx) => {
    const [claimed] = await tx
      .insert(escalationSteps)
      .values({ taskId: r.taskId, kind: r.step, deadline: r.deadline, facts: r.facts, takenAt: now })
      .onConflictDoNothing()
      .returning({ taskId: escalationSteps.taskId });
    if (!claimed) return 'none' as const;
    try {
      const request = await requestExplanation(
        tx,
        requester,
        {
          taskId: r.taskId,
          reason: r.reason,
          workingDays: r.answerWorkingDays,
          idempotencyKey: `escalation:${r.step === 'at_risk' ? 'at-risk:' : ''}${r.taskId}:${r.deadline}`,
        },
        now,
        { automatic: true },
      );
      await tx
        .update(escalationSteps)
        .set({ explanationId: request.id })
        .where(stepKey(r.taskId, r.step, r.deadline));
      return 'opened' as const;
    } catch (error) {
      // The Office asked by hand while the run went: that request stands for this one.
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
      await tx
        .update(escalationSteps)
        .set({ facts: { ...r.facts, skipped: error.message } })
        .where(stepKey(r.taskId, r.step, r.deadline));
      return 'skipped' as const;
    }
  });
}

/**
 * Each report still missing `workingDays` working days after its deadline (`missed`: by the compliance
 * rule), never asked about, by hand or by this rule: a request through the explanation module's own
 * report path (which checks again, under the obligation's lock, that the report is late or missing),
 * once per obligation, its step's row in the same transaction.
 */
async function missedReportRequests(
  db: Db,
  rules: EscalationRuleSet,
  missed: readonly MissedReport[],
  now: Date,
  batch: number,
): Promise<DueRequest[]> {
  if (missed.length === 0) return [];
  const due = await selectRows<{ template_id: number; agency_id: number; period_key: string }>(
    db,
    sql`select m.template_id, m.agency_id, m.period_key
      from jsonb_to_recordset(${missedJson(missed)}::jsonb)
        as m(template_id int, agency_id int, period_key text, deadline date)
      where not exists (select 1 from report_escalation_steps s where s.template_id = m.template_id
          and s.agency_id = m.agency_id and s.period_key = m.period_key and s.kind = 'explanation')
        and not exists (select 1 from explanation_requests r where r.template_id = m.template_id
          and r.agency_id = m.agency_id and r.period_key = m.period_key)
      order by m.deadline, m.template_id, m.period_key, m.agency_id
      limit ${batch}`,
  );
  const byKey = new Map(missed.map((m) => [obligationKey(m), m]));
  const { workingDays, answerWorkingDays } = rules.explanation_after_missed_report.params;
  return due.flatMap((row) => {
    const m = byKey.get(
      obligationKey({ templateId: row.template_id, agencyId: row.agency_id, periodKey: row.period_key }),
    );
    if (!m) return [];
    return [
      {
        kind: 'report' as const,
        open: (requester: Actor) => openReportRequest(db, requester, now, m, workingDays, answerWorkingDays),
      },
    ];
  });
}

async function openReportRequest(
  db: Db,
  requester: Actor,
  now: Date,
  m: MissedReport,
  workingDays: number,
  answerWorkingDays: number,
) {
  const key = reportStepKey(m, 'explanation');
  const facts = { deadline: m.deadline, workingDays };
  return inTransaction(db, async (tx) => {
    const [claimed] = await tx
      .insert(reportEscalationSteps)
      .values({
        templateId: m.templateId,
        agencyId: m.agencyId,
        periodKey: m.periodKey,
        kind: 'explanation',
        deadline: m.deadline,
        facts,
        takenAt: now,
      })
      .onConflictDoNothing()
      .returning({ templateId: reportEscalationSteps.templateId });
    if (!claimed) return 'none' as const;
    try {
      const request = await requestReportExplanation(
        tx,
        requester,
        {
          templateId: m.templateId,
          agencyId: m.agencyId,
          periodKey: m.periodKey,
          reason: `Tự động theo quy tắc leo thang: báo cáo chưa gửi sau hạn ${workingDays} ngày làm việc (hạn ${formatVietnameseDate(m.deadline)}).`,
          workingDays: answerWorkingDays,
          idempotencyKey: `escalation:report:${m.templateId}:${m.agencyId}:${m.periodKey}`,
        },
        now,
        { automatic: true },
      );
      await tx.update(reportEscalationSteps).set({ explanationId: request.id }).where(key);
      return 'opened' as const;
    } catch (error) {
      // Asked by hand meanwhile, or sent after all (no longer late or missing): nothing opened.
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
      await tx
        .update(reportEscalationSteps)
        .set({ facts: { ...facts, skipped: error.message } })
        .where(key);
      return 'skipped' as const;
    }
  });
}

const obligationKey = (m: { templateId: number; agencyId: number; periodKey: string }) =>
  `${Number(m.templateId)}:${Number(m.agencyId)}:${m.periodKey}`;

function missedJson(missed: readonly MissedReport[]) {
  return JSON.stringify(
    missed.map((m) => ({
      template_id: m.templateId,
      agency_id: m.agencyId,
      period_key: m.periodKey,
      deadline: m.deadline,
    })),
  );
}

function reportStepKey(
  m: Pick<MissedReport, 'templateId' | 'agencyId' | 'periodKey'>,
  kind: 'explanation' | 'office',
) {
  return and(
    eq(reportEscalationSteps.templateId, m.templateId),
    eq(reportEscalationSteps.agencyId, m.agencyId),
    eq(reportEscalationSteps.periodKey, m.periodKey),
    eq(reportEscalationSteps.kind, kind),
  );
}

function stepKey(taskId: number, kind: 'explanation' | 'office' | 'at_risk', deadline: string) {
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

/**
 * Tells the Office (its active users) of each report still missing `workingDays` working days after its
 * deadline and not explained (no request accepted), once per obligation: the steps claimed and the
 * notifications (about the report: its template, period and agency) written by one statement.
 */
async function notifyOfficeOfReports(
  db: Db,
  missed: readonly MissedReport[],
  workingDays: number,
  now: Date,
  batch: number,
) {
  if (missed.length === 0) return [];
  return inTransaction(db, async (tx) => {
    const rows = await selectRows<{
      template_id: number | null;
      agency_id: number | null;
      id: number | null;
      user_id: number | null;
    }>(
      tx,
      sql`with due as (
      select m.template_id, m.agency_id, m.period_key, m.deadline
      from jsonb_to_recordset(${missedJson(missed)}::jsonb)
        as m(template_id int, agency_id int, period_key text, deadline date)
      where not exists (select 1 from report_escalation_steps s where s.template_id = m.template_id
          and s.agency_id = m.agency_id and s.period_key = m.period_key and s.kind = 'office')
        and not exists (select 1 from explanation_requests r where r.template_id = m.template_id
          and r.agency_id = m.agency_id and r.period_key = m.period_key and r.state = 'accepted')
      order by m.deadline, m.template_id, m.period_key, m.agency_id
      limit ${batch}
    ), claimed as (
      insert into report_escalation_steps (template_id, agency_id, period_key, kind, deadline, facts, taken_at)
      select template_id, agency_id, period_key, 'office', deadline,
        jsonb_build_object('deadline', deadline, 'workingDays', ${workingDays}::int), ${now.toISOString()}::timestamptz
      from due
      on conflict do nothing
      returning template_id, agency_id, period_key, deadline
    ), notified as (
      insert into notifications (user_id, kind, task_id, params)
      select u.id, 'escalation.office', null,
        jsonb_build_object('subject', 'report', 'templateId', c.template_id, 'templateCode', rt.code,
          'titleVi', rt.name_vi, 'titleEn', rt.name_en, 'title', rt.name_vi, 'periodKey', c.period_key,
          'agencyId', c.agency_id, 'dueDate', c.deadline, 'workingDays', ${workingDays}::int,
          'agencyVi', a.name_vi, 'agencyEn', a.name_en)
      from claimed c
      join report_templates rt on rt.id = c.template_id
      join agencies a on a.id = c.agency_id
      join users u on u.role = 'office' and u.active
      returning id, user_id
    )
    select c.template_id, c.agency_id, null::int as id, null::int as user_id from claimed c
    union all
    select null, null, n.id, n.user_id from notified n`,
    );
    const written = rows.filter((r) => r.id !== null && r.user_id !== null);
    await mailNotificationsNow(
      tx,
      written.map((r) => ({ id: Number(r.id), userId: Number(r.user_id), kind: 'escalation.office' })),
    );
    return rows
      .filter((r) => r.template_id !== null)
      .map((r) => ({ templateId: Number(r.template_id), agencyId: Number(r.agency_id) }));
  });
}

/** One change event for the reports the Office was told of: their agencies' screens refresh. */
async function announceReports(db: Db, reports: readonly { agencyId: number }[]) {
  await inTransaction(db, async (tx) => {
    const agencyIds = [...new Set(reports.map((r) => r.agencyId))];
    await recordChange(tx, {
      type: 'escalation.changed',
      agencyIds: agencyIds.length <= SAMPLE ? agencyIds : [],
      payload: {},
    });
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
