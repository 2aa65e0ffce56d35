import { type SQL, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCY_LEVELS } from '../../../shared/agencies';
import { isObliged, type Obligation } from '../../../shared/obligations';
import type { Database } from '../../db/client';
import { selectRows } from '../../db/rows';
import { agencies } from '../../db/schema';
import { createTestDatabase } from '../../test/db';
import { obligedSql } from './obligation-sql';

/**
 * Who must report exists twice: isObliged (shared, per agency) and obligedSql (SQL, for lists and
 * aggregates), the latter in two forms (obligation known in JS, obligation in a jsonb column). All three
 * judge every reference agency for the same obligations and must agree.
 */
describe('obligedSql agrees with isObliged', () => {
  let database: Database;
  let all: { id: number; level: string }[];

  beforeAll(async () => {
    database = await createTestDatabase();
    all = await database.db.select({ id: agencies.id, level: agencies.level }).from(agencies);
    expect(new Set(all.map((a) => a.level))).toEqual(new Set(AGENCY_LEVELS));
  });
  afterAll(() => database.close());

  const ids = (rows: { id: number }[]) => rows.map((r) => Number(r.id)).sort((x, y) => x - y);
  const expected = (o: Obligation) => ids(all.filter((a) => isObliged(o, a)));

  async function judged(predicate: SQL, from: SQL = sql`agencies a`) {
    return ids(
      await selectRows<{ id: number }>(database.db, sql`select a.id from ${from} where ${predicate}`),
    );
  }

  /** Both SQL forms for one obligation, as the ids of the agencies they oblige. */
  async function bothForms(o: Obligation) {
    const known = await judged(obligedSql(o));
    const stored = await judged(
      obligedSql(sql`t.obligation`),
      sql`agencies a cross join (select ${JSON.stringify(o)}::jsonb as obligation) t`,
    );
    return { known, stored };
  }

  async function check(o: Obligation) {
    const want = expected(o);
    const { known, stored } = await bothForms(o);
    expect(known, JSON.stringify(o)).toEqual(want);
    expect(stored, JSON.stringify(o)).toEqual(want);
  }

  it('by level: each level, several, all, none', async () => {
    await check({ levels: ['central'] });
    await check({ levels: ['provincial'] });
    await check({ levels: ['commune'] });
    await check({ levels: ['central', 'commune'] });
    await check({ levels: [...AGENCY_LEVELS] });
    await check({ levels: [] });
  });

  it('by list: one agency, several, unknown ids, none', async () => {
    const [first, second, third] = all;
    if (!first || !second || !third) throw new Error('no agencies');
    await check({ agencyIds: [first.id] });
    await check({ agencyIds: [first.id, second.id, third.id] });
    await check({ agencyIds: [first.id, 999_999] });
    await check({ agencyIds: [999_999] });
    await check({ agencyIds: [] });
  });

  it('agree for any obligation over every agency', async () => {
    const obligation: fc.Arbitrary<Obligation> = fc.oneof(
      fc.subarray([...AGENCY_LEVELS], { minLength: 0 }).map((levels): Obligation => ({ levels })),
      fc
        .array(fc.oneof(fc.constantFrom(...all.map((a) => a.id)), fc.integer({ min: 1, max: 2_000_000 })), {
          maxLength: 40,
        })
        .map((agencyIds): Obligation => ({ agencyIds })),
    );
    await fc.assert(fc.asyncProperty(obligation, check), { numRuns: 60 });
  });

  it('judges drizzle columns as well as the `a` alias', async () => {
    const o: Obligation = { levels: ['provincial'] };
    const rows = await database.db
      .select({ id: agencies.id })
      .from(agencies)
      .where(obligedSql(o, { id: agencies.id, level: agencies.level, validTo: agencies.validTo }));
    expect(ids(rows)).toEqual(expected(o));
  });
});
