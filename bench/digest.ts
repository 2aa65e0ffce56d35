/**
 * The morning digest over the national dataset (issue 16, point 4: "a digest is sent exactly once per
 * user and day even with several server processes"). Every active account is given an address (the
 * generated accounts have none: `<username>@bench.example`, in the bench's database only), today's
 * digests of an earlier run are removed, then two "processes" (two connection pools) make the day's
 * digests at once, as two servers would at 07:00. Measures how long the country's digests take, and
 * counts the users who got two. Sending is the mail queue's work (one job per mail), not measured here.
 */
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Db } from '../server/db/client';
import { openPostgres } from '../server/db/client';
import { runMigrations } from '../server/db/migrate';
import * as schema from '../server/db/schema';
import { makeDigests } from '../server/modules/mail/digest';
import { DIGEST_HOUR } from '../shared/mail';
import { vietnamDate, vietnamInstant } from '../shared/time';
import { type Figure, figure } from './figures';

/** The digests are due at 07:00: the country's should be made (and queued to send) by 07:15. */
const BUDGET_MS = 15 * 60_000;

export async function runDigestBench(options: {
  databaseUrl: string;
  log: (line: string) => void;
}): Promise<Figure[]> {
  const { log } = options;
  const name = new URL(options.databaseUrl).pathname.slice(1);
  if (!name.includes('bench')) throw new Error(`the digest bench writes addresses: not on ${name}`);
  const owner = openPostgres(options.databaseUrl, { statementTimeoutMs: 0 });
  await runMigrations(owner);
  await owner.close();
  const pools = [1, 2].map(() => postgres(options.databaseUrl, { max: 4, onnotice: () => {} }));
  const [sql] = pools;
  if (!sql) throw new Error('no pool');
  try {
    const now = new Date();
    const day = vietnamDate(now);
    const at = new Date(Math.max(now.getTime(), vietnamInstant(day, DIGEST_HOUR).getTime() + 5 * 60_000));
    await sql.begin(async (tx) => {
      await tx`update users set email = username || '@bench.example' where active and email is null`;
      await tx`create temporary table todays on commit drop as
        select mail_id from mail_digests where day = ${day} and mail_id is not null`;
      await tx`delete from mail_digests where day = ${day}`;
      await tx`delete from mail_notifications where mail_id in (select mail_id from todays)`;
      await tx`delete from mail_outbox where id in (select mail_id from todays)`;
    });
    const [who] = await sql<{ n: number }[]>`select count(*)::int as n from users
      where active and email is not null`;
    log(`  digest: ${who?.n ?? 0} active accounts with an address, made for ${day} by two processes at once`);
    // Every digest mail written from here on, linked or not: a process that lost the race must leave none.
    const started0 = new Date();
    const started = performance.now();
    const runs = await Promise.all(
      pools.map((pool) =>
        makeDigests(drizzle(pool, { schema }) as unknown as Db, {
          now: at,
          baseUrl: 'https://giamsat.example',
        }),
      ),
    );
    const elapsed = performance.now() - started;
    const made = runs.map((r) => r.made);
    const [counts] = await sql<{ decided: number; mails: number; twice: number }[]>`select
      (select count(*)::int from mail_digests where day = ${day}) as decided,
      (select count(*)::int from mail_digests where day = ${day} and mail_id is not null) as mails,
      (select count(*)::int from (select user_id from mail_outbox
        where kind = 'digest' and created_at >= ${started0.toISOString()}::timestamptz
        group by user_id having count(*) > 1) x) as twice`;
    const note = `${who?.n ?? 0} accounts; ${counts?.mails ?? 0} digests made (${made.join(' + ')} by the two processes), ${
      (counts?.decided ?? 0) - (counts?.mails ?? 0)
    } with nothing to tell; ${Math.round(elapsed / Math.max(1, who?.n ?? 1))} ms per account`;
    log(`  digest: ${Math.round(elapsed)} ms — ${note}; users with two digests: ${counts?.twice ?? 0}`);
    return [
      figure('Daily digests for the whole country (two processes)', 'ms', elapsed, BUDGET_MS, { note }),
      figure('Daily digests: users who got two', 'users', counts?.twice ?? 0, 0),
    ];
  } finally {
    await Promise.all(pools.map((p) => p.end()));
  }
}
