import { type Db, genericPlans } from './client';

/**
 * How PostgreSQL plans a prepared statement: `custom`, for the values of each execution (the default of
 * every statement); `generic`, once per connection and kept, for a statement measured to get the same plan
 * whatever its values (`genericPlans`; the measurements: docs/decisions/0019-prepared-statements.md).
 */
export type Plans = 'custom' | 'generic';

/**
 * The statements of a hot read, built by drizzle once per database and kept (its `.prepare()`): a request
 * then only fills in its values (`sql.placeholder`) and maps the rows, where building the query anew cost
 * a quarter of the server's time on a task's first view. `build` receives the database to prepare them on
 * (for `generic` plans, `genericPlans(db)`) and must not capture anything of one request: a database keeps
 * what it built for the life of the database.
 */
export function preparedFor<T>(plans: Plans, build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let statements = built.get(db);
    if (!statements) {
      statements = build(plans === 'generic' ? genericPlans(db) : db);
      built.set(db, statements);
    }
    return statements;
  };
}
