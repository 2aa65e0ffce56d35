/**
 * The API's wire format: superjson's (`{ json, meta: { values, v: 1 } }`), written and read without
 * superjson itself. The server writes its answers with `encodeWire` (faster than superjson's walker,
 * server/trpc/transformer.ts); the browser writes its inputs with it and reads answers and live events
 * with `decodeWire`, so the first page does not carry superjson (5 KB of gzip,
 * docs/decisions/0017-first-page-javascript.md). wire-format.test.ts checks both against superjson.
 */

/** One value's annotation: a leaf `[type]`, or `[type, children]` when values inside it are annotated too. */
type Tree = [unknown] | [unknown, Record<string, Tree>];
type Annotations = Tree | Record<string, Tree>;

export interface WirePayload {
  json: unknown;
  meta?: { values?: Annotations; referentialEqualities?: unknown; v?: number };
}

/** A value `encodeWire` does not write: a Map, a Set, a class instance, a symbol, a function. */
export class UnsupportedWireValue extends Error {}

/** Keys superjson refuses to write or follow (prototype pollution on the reading side). */
const REFUSED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const escapeKey = (key: string) => key.replace(/\\/g, '\\\\').replace(/\./g, '\\.');

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Where a value at the root that is not an object or an array keeps its annotation ('' is a key's path). */
const ROOT = Symbol('root');
type Values = Record<string, Tree> & { [ROOT]?: Tree };

/**
 * superjson's dotted path of the value at `path` (keys escaped), written only for a value that needs an
 * annotation: built for every key, the paths were most of the encoder's time and garbage on a task's page.
 */
function pathOf(path: readonly (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? String(p) : escapeKey(p))).join('.');
}

/** Where the value at `path` keeps its annotation. */
const slotOf = (path: readonly (string | number)[]) => (path.length === 0 ? ROOT : pathOf(path));

/** `path`: the keys and indexes from the root to the value, pushed and popped as the walk goes. */
function encode(value: unknown, path: (string | number)[], values: Values): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (Number.isFinite(value) && !Object.is(value, -0)) return value;
      values[slotOf(path)] = ['number'];
      return Object.is(value, -0) ? '-0' : String(value);
    case 'undefined':
      values[slotOf(path)] = ['undefined'];
      return null;
    case 'bigint':
      values[slotOf(path)] = ['bigint'];
      return value.toString();
    case 'object': {
      if (value === null) return null;
      if (value instanceof Date) {
        values[slotOf(path)] = ['Date'];
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
      if (!isPlain(value)) throw new UnsupportedWireValue(`${pathOf(path) || 'the value'}: not plain data`);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        path.push(key);
        if (REFUSED_KEYS.has(key)) throw new UnsupportedWireValue(`${pathOf(path)}: refused key`);
        out[key] = encode((value as Record<string, unknown>)[key], path, values);
        path.pop();
      }
      return out;
    }
    default:
      throw new UnsupportedWireValue(`${pathOf(path) || 'the value'}: a ${typeof value}`);
  }
}

/**
 * Plain objects and arrays of strings, numbers, booleans, null, undefined, bigint and Date, written as
 * superjson writes them (superjson also notes objects met twice; plain data has none worth restoring).
 * Anything else throws `UnsupportedWireValue`. A value at the root that is itself annotated (a Date,
 * undefined) is written as superjson does too: its annotation is the leaf itself.
 */
export function encodeWire(value: unknown): WirePayload {
  const values: Values = {};
  const json = encode(value, [], values);
  const root = values[ROOT];
  if (root) return { json, meta: { values: root, v: 1 } };
  return Object.keys(values).length ? { json, meta: { values, v: 1 } } : { json };
}

/** superjson's path syntax: keys joined by dots, a dot in a key written `\.` and a backslash `\\`. */
function parsePath(path: string, legacy: boolean): string[] {
  const segments: string[] = [];
  let segment = '';
  for (let i = 0; i < path.length; i++) {
    const char = path.charAt(i);
    const next = path.charAt(i + 1);
    if (char === '\\' && next === '.') {
      segment += '.';
      i++;
    } else if (char === '\\' && !legacy) {
      if (next !== '\\') throw new Error('invalid path');
      segment += '\\';
      i++;
    } else if (char === '.') {
      segments.push(segment);
      segment = '';
    } else segment += char;
  }
  segments.push(segment);
  return segments;
}

const UNTRANSFORM: Record<string, (value: never) => unknown> = {
  undefined: () => undefined,
  bigint: (value: string) => BigInt(value),
  Date: (value: string) => new Date(value),
  number: (value: string) => Number(value),
  regexp: (value: string) => {
    const end = value.lastIndexOf('/');
    return new RegExp(value.slice(1, end), value.slice(end + 1));
  },
  set: (value: unknown[]) => new Set(value),
  map: (value: [unknown, unknown][]) => new Map(value),
  URL: (value: string) => new URL(value),
  Error: (value: { name: string; message: string; cause?: unknown }) => {
    const error = new Error(value.message, { cause: value.cause });
    error.name = value.name;
    return error;
  },
};

/**
 * Replaces the value at `path` by `untransform(it)`. Annotations inside a Map or a Set are applied
 * before the array that carries them becomes one (children first), so a path only crosses plain
 * objects and arrays.
 */
function setAt(root: unknown, path: string[], type: unknown): unknown {
  if (path.some((key) => REFUSED_KEYS.has(key))) throw new Error(`${path.join('.')}: refused key`);
  const untransform = typeof type === 'string' ? UNTRANSFORM[type] : undefined;
  // A class, a symbol or a custom value needs superjson's registries: the API sends none.
  if (!untransform) throw new Error(`Unknown transformation: ${String(type)}`);
  if (path.length === 0) return untransform(root as never);
  let parent = root as Record<string, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const last = path[path.length - 1] as string;
  parent[last] = untransform(parent[last] as never);
  return root;
}

function applyTree(root: unknown, tree: Annotations, path: string[], legacy: boolean): unknown {
  if (!Array.isArray(tree)) {
    for (const [key, subtree] of Object.entries(tree))
      root = applyTree(root, subtree, [...path, ...parsePath(key, legacy)], legacy);
    return root;
  }
  const [type, children] = tree;
  if (children)
    for (const [key, child] of Object.entries(children))
      root = applyTree(root, child, [...path, ...parsePath(key, legacy)], legacy);
  return setAt(root, path, type);
}

/**
 * Reads what superjson writes (the JSON already parsed; changed in place). Objects superjson noted as
 * met twice come back as equal copies, not as one shared object: the API's data is plain values.
 */
export function decodeWire<T = unknown>(payload: WirePayload): T {
  const { json, meta } = payload;
  return (meta?.values ? applyTree(json, meta.values, [], (meta.v ?? 0) < 1) : json) as T;
}
