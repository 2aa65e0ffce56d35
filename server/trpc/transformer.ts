import superjson from 'superjson';
import { encodeWire, type WirePayload } from '../../shared/wire-format';

/**
 * The API's data transformer: superjson's wire format (the client reads it with shared/wire-format.ts),
 * with a faster encoder for what our procedures return — plain objects and arrays of strings, numbers,
 * booleans, null, undefined, bigint and Date. superjson's own walker tracks every object's identity and
 * path for values it might meet twice, which on a large response (a KPI detail) cost more than the
 * queries (README, Performance). Anything else (a Map, a Set, a class instance, a value at the root that
 * is not an object or array) is encoded by superjson itself, so the output is always one superjson can
 * read back. `transformer.test.ts` checks both give the same payload.
 */
type Serialized = ReturnType<typeof superjson.serialize>;

/**
 * A frozen object is one its owner promises never to change (the read caches' shared results,
 * `server/modules/live/change-cache.ts`, freeze theirs): it is encoded once, and its encoding reused
 * for every request that returns the very same object.
 */
const encodedOnce = new WeakMap<object, Serialized>();

export function serialize(value: unknown): Serialized {
  if (typeof value !== 'object' || value === null) return superjson.serialize(value);
  if (!Object.isFrozen(value)) return encodeValue(value);
  let serialized = encodedOnce.get(value);
  if (!serialized) {
    serialized = encodeValue(value);
    encodedOnce.set(value, serialized);
  }
  return serialized;
}

function encodeValue(value: object): Serialized {
  if (value instanceof Date) return superjson.serialize(value);
  try {
    return encodeWire(value) as Serialized;
  } catch {
    // Not plain data, or anything unexpected (a cycle): superjson answers, or refuses with its own error.
    return superjson.serialize(value);
  }
}

export const transformer = {
  serialize,
  deserialize: <T>(payload: WirePayload) => superjson.deserialize<T>(payload as Serialized),
};
