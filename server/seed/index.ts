import { count } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agencies, users } from '../db/schema';
import { type DemoLogin, seedDemo } from './demo';
import { seedReference } from './reference';

export interface SeedOptions {
  communes: number;
  demo: boolean;
  /** Vietnam calendar date the demo history is built up to (YYYY-MM-DD). */
  today: string;
  /**
   * The instant the seed runs: nothing it writes is dated after it. Default: the first instant of
   * `today` in Vietnam, so that a seed for a given date is the same whatever the clock says.
   */
  now?: Date;
  /** Production: the demo accounts share a published password, so each must choose its own at first login. */
  mustChangePassword?: boolean;
}

export interface SeedResult {
  seeded: boolean;
  logins: DemoLogin[];
}

/** Loads reference data into an empty database and, if asked, demo users and history. */
export async function seedIfEmpty(db: Db, options: SeedOptions): Promise<SeedResult> {
  const [agencyCount] = await db.select({ n: count() }).from(agencies);
  if ((agencyCount?.n ?? 0) === 0) await seedReference(db, { communes: options.communes });
  const [userCount] = await db.select({ n: count() }).from(users);
  if (!options.demo || (userCount?.n ?? 0) > 0) return { seeded: false, logins: [] };
  const logins = await db.transaction((tx) =>
    seedDemo(tx as unknown as Db, {
      today: options.today,
      now: options.now,
      mustChangePassword: options.mustChangePassword ?? false,
    }),
  );
  return { seeded: true, logins };
}
