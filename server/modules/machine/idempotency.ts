import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { apiIdempotency } from '../../db/schema';
import { periodicJob } from '../../jobs/queue';

/**
 * The machine API's idempotency keys (docs/decisions/0034-machine-clients.md): per token and key, the
 * request's hash and its answer, in `api_idempotency`.
 */
export interface Answer {
  status: number;
  body: unknown;
}

export type Outcome =
  | ({ kind: 'ran' } & Answer)
  | ({ kind: 'replayed' } & Answer)
  /** The key was first used for another request. */
  | { kind: 'reused' }
  /** The first request with this key is still running. */
  | { kind: 'running' };

/** A claim older than this belongs to a request that died mid-way: a retry may take it over. */
const STALE_CLAIM_MS = 60_000;

const row = (tokenId: number, key: string) =>
  and(eq(apiIdempotency.tokenId, tokenId), eq(apiIdempotency.key, key));

/**
 * Runs a write once per token and key: claims the key (a row without a status), runs the write, keeps
 * its answer. A retry with the same request gets the kept answer; with another request, `reused`; while
 * the first still runs, `running`. A server error (5xx, or a throw) releases the claim: nothing was
 * written, a retry may run.
 */
export async function once(
  db: Db,
  tokenId: number,
  key: string,
  requestHash: string,
  run: () => Promise<Answer>,
): Promise<Outcome> {
  const claimed = await db
    .insert(apiIdempotency)
    .values({ tokenId, key, requestHash })
    .onConflictDoNothing()
    .returning({ key: apiIdempotency.key });
  if (claimed.length === 0) {
    const [kept] = await db.select().from(apiIdempotency).where(row(tokenId, key));
    // Released between our insert and this read: claim again.
    if (!kept) return once(db, tokenId, key, requestHash, run);
    if (kept.requestHash !== requestHash) return { kind: 'reused' };
    if (kept.status !== null) return { kind: 'replayed', status: kept.status, body: kept.response };
    const [taken] = await db
      .update(apiIdempotency)
      .set({ createdAt: sql`now()` })
      .where(
        and(
          row(tokenId, key),
          isNull(apiIdempotency.status),
          lt(apiIdempotency.createdAt, new Date(Date.now() - STALE_CLAIM_MS)),
        ),
      )
      .returning({ key: apiIdempotency.key });
    if (!taken) return { kind: 'running' };
  }
  let answer: Answer;
  try {
    answer = await run();
  } catch (error) {
    await db.delete(apiIdempotency).where(row(tokenId, key));
    throw error;
  }
  if (answer.status >= 500) await db.delete(apiIdempotency).where(row(tokenId, key));
  else
    await db
      .update(apiIdempotency)
      .set({ status: answer.status, response: answer.body as object })
      .where(row(tokenId, key));
  return { kind: 'ran', ...answer };
}

/** Kept answers older than this are deleted: a client retries within minutes, not weeks. */
export const IDEMPOTENCY_KEEP_HOURS = 24 * 7;

export async function forgetOldAnswers(db: Db, now = new Date()): Promise<number> {
  const gone = await db
    .delete(apiIdempotency)
    .where(lt(apiIdempotency.createdAt, new Date(now.getTime() - IDEMPOTENCY_KEEP_HOURS * 3_600_000)))
    .returning({ key: apiIdempotency.key });
  return gone.length;
}

/** Hourly, at :30: the answers kept past IDEMPOTENCY_KEEP_HOURS are deleted. */
export function idempotencyCleanupJob(db: Db) {
  return periodicJob({
    name: 'api.idempotency-cleanup',
    cron: '30 * * * *',
    failure: 'deleting old idempotency answers failed',
    run: async () => {
      await forgetOldAnswers(db);
    },
  });
}
