import type { z } from 'zod';

const checked = new WeakSet<object>();

/**
 * The output check for a procedure that returns a read cache's shared value (frozen by
 * `server/modules/live/change-cache.ts`). A plain zod `.output()` would parse that value on every request
 * and return a copy, so the transformer could no longer reuse its encoding. This checks the shared value
 * against the same schema once, then returns the very object for every later request; anything not
 * frozen (a per-request value) is parsed every time, as `.output(schema)` would.
 */
export function sharedOutput<S extends z.ZodType>(
  schema: S,
): ((value: unknown) => z.output<S>) & {
  schema: S;
} {
  const parse = (value: unknown): z.output<S> => {
    if (typeof value === 'object' && value !== null && Object.isFrozen(value)) {
      if (!checked.has(value)) {
        schema.parse(value);
        checked.add(value);
      }
      return value as z.output<S>;
    }
    return schema.parse(value);
  };
  return Object.assign(parse, { schema });
}
