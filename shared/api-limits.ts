/**
 * The longest tRPC batch the server accepts; the client's batch link splits at the same size
 * (client/lib/trpc.ts), and the server counts each call of a batch against the limits
 * (server/http/rate-limits.ts).
 */
export const MAX_BATCH_CALLS = 10;

/** The largest value of PostgreSQL's integer (int4), the type of every id and version column. */
export const MAX_INT4 = 2_147_483_647;
