import { count } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agencies, users } from '../db/schema';
import { type DemoLogin, seedDemo } from './demo';
import { seedReference } from './reference';

export interface SeedOptions {
  communes: number;
  demo: boolean;
  today: string;
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
  const logins = await db.transaction((tx) => seedDemo(tx as unknown as Db, { today: options.today }));
  return { seeded: true, logins };
}
