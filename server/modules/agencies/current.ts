import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { agencies } from '../../db/schema';

/**
 * The one rule for "today's units" (docs/decisions/0028-time-versioned-agencies.md): a unit is current
 * while it has no last day. A merger, split or rename gives the old units their last day (valid_to) and
 * the new ones their first; every list, count, picker and obligation of agencies reads only current
 * units unless it asks for history. Tasks, reports and figures keep the unit they were recorded under.
 */
export function isCurrentAgency(validTo: SQL | AnyColumn = agencies.validTo): SQL {
  return sql`(${validTo} is null)`;
}

/** The same rule for raw SQL over an aliased agencies table (default `a`). */
export function isCurrentAgencySql(alias = 'a'): SQL {
  return isCurrentAgency(sql`${sql.identifier(alias)}.valid_to`);
}
