import type { SQL } from 'drizzle-orm';
import type { Db } from './client';

/**
 * Rows of a raw SQL query on either driver: postgres.js returns an array, PGlite `{ rows }`.
 * Cast counts to int in the SQL (`count(*)::int`): drivers disagree on bigint.
 */
export async function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

/** The rows of `db.execute`'s result, whichever driver ran it. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
