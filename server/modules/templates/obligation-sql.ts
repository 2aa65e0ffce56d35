import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { Obligation } from '../../../shared/obligations';
import { isCurrentAgency } from '../agencies/current';

/** The agency the predicate judges: by default the `agencies a` of the surrounding query. */
export interface AgencyRef {
  id: SQL | AnyColumn;
  level: SQL | AnyColumn;
  validTo: SQL | AnyColumn;
}

const AGENCY_A: AgencyRef = { id: sql`a.id`, level: sql`a.level`, validTo: sql`a.valid_to` };

/**
 * `isObliged` (shared/obligations.ts) as a SQL predicate on an agency (default `agencies a`):
 * - given an obligation known in JS, a plain `a.level in (…)` / `a.id in (…)` that the level and
 *   primary-key indexes serve;
 * - given an SQL expression or column holding the obligation jsonb (e.g. sql`t.obligation`), a
 *   per-row JSON test, for queries joining templates to agencies.
 * Both forms are tested to agree with `isObliged` (obligation-sql.test.ts). Only today's units owe
 * reports (agencies/current.ts): a unit merged away owes nothing from its last day on.
 */
export function obligedSql(obligation: Obligation | SQL | AnyColumn, agency: AgencyRef = AGENCY_A): SQL {
  return sql`(${isCurrentAgency(agency.validTo)} and ${obligedByKind(obligation, agency)})`;
}

function obligedByKind(obligation: Obligation | SQL | AnyColumn, agency: AgencyRef): SQL {
  if (isObligationValue(obligation)) {
    const list: (string | number)[] = 'levels' in obligation ? obligation.levels : obligation.agencyIds;
    if (list.length === 0) return sql`false`;
    const target = 'levels' in obligation ? agency.level : agency.id;
    return sql`(${target} in (${sql.join(
      list.map((v) => sql`${v}`),
      sql`, `,
    )}))`;
  }
  return sql`(case when (${obligation}) -> 'levels' is not null
    then coalesce((${obligation}) -> 'levels' @> to_jsonb(${agency.level}::text), false)
    else coalesce((${obligation}) -> 'agencyIds' @> to_jsonb(${agency.id}), false) end)`;
}

function isObligationValue(o: Obligation | SQL | AnyColumn): o is Obligation {
  return typeof o === 'object' && o !== null && ('levels' in o || 'agencyIds' in o);
}
