/**
 * The early warning's backtest (issue 16, point 6): the forecast of shared/forecast.ts made for every
 * task whose deadline has passed, as of 14 days before that deadline, from what was known then (the lead
 * agency's reports before that day; similar tasks completed before it), against how the task ended.
 * A task ended late when it was completed after its deadline or is still open past it. Prints:
 * - recall: of the tasks that ended late, the share flagged at least 14 days before their deadline;
 * - precision: of the tasks flagged then, the share that ended late (beside the share of late tasks
 *   among all, what flagging every task would score).
 * The deadline is today's (an extended task is judged by its new deadline). On the generated dataset
 * (bench/generate.ts) the figures describe its synthetic histories, not the country's.
 *
 *   node --import tsx bench/early-warning.ts      (BENCH_DATABASE_URL, DATABASE_URL or the bench database)
 */
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import { shiftDate } from '../shared/calendar-date';
import { completedPace, forecastCompletion, medianPace, type ProgressPoint } from '../shared/forecast';
import { vietnamDate } from '../shared/vietnam-date';
import { type Figure, figure } from './figures';
import { DEFAULT_BENCH_URL } from './generate';

/** How long before its deadline a task must be flagged to count. */
export const LEAD_DAYS = 14;

interface Judged {
  id: number;
  group: number | null;
  startedOn: string;
  deadline: string;
  asOf: string;
  late: boolean;
}

export async function runEarlyWarningBacktest(opts: {
  databaseUrl: string;
  today?: string;
}): Promise<Figure[]> {
  const started = performance.now();
  const pg = postgres(opts.databaseUrl, { max: 2, onnotice: () => {} });
  const today = opts.today ?? vietnamDate(new Date());
  const vietnamDay = (column: string) => `to_char(${column} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`;
  try {
    // Tasks whose outcome is known: a deadline before today, started more than LEAD_DAYS before it.
    const judged: Judged[] = (
      await pg.unsafe<
        {
          id: number;
          group_no: number | null;
          started_on: string;
          deadline: string;
          completed_on: string | null;
        }[]
      >(
        `select id, group_no, ${vietnamDay('created_at')} as started_on, deadline::text as deadline,
           completed_on::text as completed_on
         from tasks where deadline is not null and deadline < $1 and not withdrawn
           and deadline - ${LEAD_DAYS} > (created_at at time zone 'Asia/Ho_Chi_Minh')::date`,
        [today],
      )
    ).map((t) => ({
      id: t.id,
      group: t.group_no,
      startedOn: t.started_on,
      deadline: t.deadline,
      asOf: shiftDate(t.deadline, -LEAD_DAYS),
      late: t.completed_on === null || t.completed_on > t.deadline,
    }));
    // Each judged task's lead reports before its day of judgement, as arrays.
    const points = new Map<number, ProgressPoint[]>();
    const cursor = pg
      .unsafe<{ task_id: number; days: string[]; percents: number[] }[]>(
        `select p.task_id, array_agg(${vietnamDay('p.created_at')} order by p.created_at) as days,
           array_agg(p.percent order by p.created_at) as percents
         from progress_updates p join tasks t on t.id = p.task_id
         where p.kind = 'progress' and p.agency_id = t.lead_agency_id and t.deadline is not null
           and t.deadline < $1 and not t.withdrawn
           and p.created_at < ((t.deadline - ${LEAD_DAYS})::timestamp at time zone 'Asia/Ho_Chi_Minh')
         group by p.task_id`,
        [today],
      )
      .cursor(5000);
    for await (const rows of cursor)
      for (const r of rows)
        points.set(
          r.task_id,
          r.days.map((on, i) => ({ on, percent: Number(r.percents[i]) })),
        );
    // Similar tasks: completed before the day of judgement, swept in date order.
    const completed = await pg.unsafe<
      { group_no: number | null; started_on: string; completed_on: string }[]
    >(
      `select group_no, ${vietnamDay('created_at')} as started_on, completed_on::text as completed_on
       from tasks where completed_on is not null and not withdrawn order by completed_on`,
    );
    const paces = new Map<number | null, number[]>();
    judged.sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
    let next = 0;
    let late = 0;
    let flagged = 0;
    let right = 0;
    const byMethod = { own: 0, similar: 0, none: 0 };
    for (const task of judged) {
      for (; next < completed.length && (completed[next]?.completed_on ?? '') < task.asOf; next++) {
        const c = completed[next];
        if (!c) break;
        const list = paces.get(c.group_no) ?? [];
        const pace = completedPace(c.started_on, c.completed_on);
        list.splice(sortedIndex(list, pace), 0, pace);
        paces.set(c.group_no, list);
      }
      const list = paces.get(task.group) ?? [];
      const median = medianPace(list);
      const forecast = forecastCompletion({
        points: points.get(task.id) ?? [],
        startedOn: task.startedOn,
        deadline: task.deadline,
        today: task.asOf,
        similar: median === null ? null : { pace: median, tasks: list.length },
      });
      byMethod[forecast.method]++;
      if (task.late) late++;
      if (forecast.flagged) {
        flagged++;
        if (task.late) right++;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const share = (n: number, of: number) => (of ? (100 * n) / of : Number.NaN);
    const basis = `${judged.length} tasks whose deadline passed (as of ${today}), judged ${LEAD_DAYS} days before it; ${late} ended late; methods: own pace ${byMethod.own}, similar tasks ${byMethod.similar}, none ${byMethod.none}; ${seconds.toFixed(1)} s`;
    console.log(
      `  early warning: recall ${share(right, late).toFixed(1)} % (${right} of ${late} late tasks flagged ≥ ${LEAD_DAYS} days ahead), precision ${share(right, flagged).toFixed(1)} % (${right} of ${flagged} flags right; late among all ${share(late, judged.length).toFixed(1)} %)`,
    );
    return [
      figure(
        `Early warning: late tasks flagged ≥ ${LEAD_DAYS} days before their deadline`,
        '%',
        share(right, late),
        null,
        {
          higherIsBetter: true,
          note: `informative (backtest): ${basis}`,
        },
      ),
      figure('Early warning: flags that were right (precision)', '%', share(right, flagged), null, {
        higherIsBetter: true,
        note: `informative (backtest): ${flagged} flags; flagging every task would score ${share(late, judged.length).toFixed(1)} %`,
      }),
    ];
  } finally {
    await pg.end();
  }
}

/** Where `value` goes in an ascending list (binary search). */
function sortedIndex(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((list[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_BENCH_URL;
  for (const f of await runEarlyWarningBacktest({ databaseUrl }))
    console.log(`${f.name}: ${f.value} ${f.unit} — ${f.note}`);
}
