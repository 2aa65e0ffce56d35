import superjson from 'superjson';

/**
 * The API's data transformer: superjson's wire format (the client deserialises with superjson), with a
 * faster encoder for what our procedures return — plain objects and arrays of strings, numbers,
 * booleans, null, undefined, bigint and Date. superjson's own walker tracks every object's identity and
 * path for values it might meet twice, which on a large response (a KPI detail) cost more than the
 * queries (README, Performance). Anything else (a Map, a Set, a class instance, a value at the root that is not an object
 * or array) is encoded by superjson itself, so the output is always one superjson can read back.
 * `transformer.test.ts` checks both give the same payload.
 */
type Annotation = [string];
class Unsupported extends Error {}

const REFUSED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const escapeKey = (key: string) => key.replace(/\\/g, '\\\\').replace(/\./g, '\\.');

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * superjson's dotted path of the value at `path` (keys escaped), written only for a value that needs an
 * annotation: built for every key, the paths were most of the encoder's time and garbage on a task's page.
 */
function pathOf(path: readonly (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? String(p) : escapeKey(p))).join('.');
}

/** `path`: the keys and indexes from the root to the value, pushed and popped as the walk goes. */
function encode(value: unknown, path: (string | number)[], values: Record<string, Annotation>): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (Number.isFinite(value) && !Object.is(value, -0)) return value;
      values[pathOf(path)] = ['number'];
      return Object.is(value, -0) ? '-0' : String(value);
    case 'undefined':
      values[pathOf(path)] = ['undefined'];
      return null;
    case 'bigint':
      values[pathOf(path)] = ['bigint'];
      return value.toString();
    case 'object': {
      if (value === null) return null;
      if (value instanceof Date) {
        values[pathOf(path)] = ['Date'];
        return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
      }
      if (Array.isArray(value)) {
        const out = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          out[i] = encode(value[i], path, values);
          path.pop();
        }
        return out;
      }
      if (!isPlain(value)) throw new Unsupported();
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        // superjson refuses these keys (prototype pollution on the reading side): so do we, through it.
        if (REFUSED_KEYS.has(key)) throw new Unsupported();
        path.push(key);
        out[key] = encode((value as Record<string, unknown>)[key], path, values);
        path.pop();
      }
      return out;
    }
    default:
      throw new Unsupported();
  }
}

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
  const values: Record<string, Annotation> = {};
  try {
    const json = encode(value, [], values);
    return (Object.keys(values).length ? { json, meta: { values, v: 1 } } : { json }) as ReturnType<
      typeof superjson.serialize
    >;
  } catch {
    // Unsupported, or anything unexpected (a cycle): superjson answers, or refuses with its own error.
    return superjson.serialize(value);
  }
}

export const transformer = {
  serialize,
  deserialize: <T>(payload: Parameters<typeof superjson.deserialize>[0]) => superjson.deserialize<T>(payload),
};
