import fc from 'fast-check';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire, UnsupportedWireValue, type WirePayload } from './wire-format';

/** Keys superjson refuses to write (prototype pollution): tested apart below. */
const REFUSED = ['__proto__', 'constructor', 'prototype'];
const key = fc.oneof(fc.string(), fc.constantFrom('a.b', 'c\\d', 'x\\.y', '0', '', '.', '\\'));
const noRefusedKeys = (o: object) => !Object.keys(o).some((k) => REFUSED.includes(k));

/** What the API's data is made of (and what `encodeWire` writes). */
const plainLeaf = fc.oneof(
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  // Valid instants only: fast-check 4 also draws Invalid Date, which no API value ever is (the schemas refuse it).
  fc.date({ noInvalidDate: true }),
  fc.bigInt(),
  fc.constantFrom(-0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
);
const { plain } = fc.letrec((tie) => ({
  plain: fc.oneof({ depthSize: 'small' }, plainLeaf, tie('array'), tie('object')),
  array: fc.array(tie('plain'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('plain'), { maxKeys: 4 }).filter(noRefusedKeys),
}));

/**
 * Everything superjson writes without a registry: what the reader must read the same as superjson.
 * Each drawn afresh: an object met twice is restored by superjson as one shared object, by us as equal
 * copies; the API's data has none.
 */
const richLeaf = fc.oneof(
  plainLeaf,
  fc.constantFrom('/a.b\\/c/gi', '/(?:)/', '/[./]/u').map((source) => {
    const end = source.lastIndexOf('/');
    return new RegExp(source.slice(1, end), source.slice(end + 1));
  }),
  fc.webUrl().map((url) => new URL(url)),
  fc.string().map((message) => Object.assign(new Error(message), { name: 'RangeError' })),
);
const { rich } = fc.letrec((tie) => ({
  rich: fc.oneof({ depthSize: 'small' }, richLeaf, tie('array'), tie('object'), tie('map'), tie('set')),
  array: fc.array(tie('rich'), { maxLength: 3 }),
  object: fc.dictionary(key, tie('rich'), { maxKeys: 3 }).filter(noRefusedKeys),
  map: fc.array(fc.tuple(tie('rich'), tie('rich')), { maxLength: 3 }).map((entries) => new Map(entries)),
  set: fc.array(tie('rich'), { maxLength: 3 }).map((items) => new Set(items)),
}));

/** The payload as it travels: through JSON text, as the browser receives it. */
const overTheWire = (payload: unknown) => JSON.parse(JSON.stringify(payload)) as WirePayload;

describe('the wire format', () => {
  it('writes plain data as superjson writes it (fast-check)', () => {
    fc.assert(
      fc.property(plain, (value) => {
        const ours = encodeWire(value);
        const theirs = superjson.serialize(value);
        expect(ours.json).toEqual(theirs.json);
        // superjson also notes values met twice (NaN among them); the values read back are the same.
        expect(ours.meta?.values).toEqual(theirs.meta?.values);
        expect(superjson.deserialize(overTheWire(ours) as never)).toEqual(value);
      }),
      { numRuns: 500 },
    );
  });

  it('reads what superjson writes, as superjson reads it (fast-check)', () => {
    fc.assert(
      fc.property(rich, (value) => {
        const payload = superjson.serialize(value);
        const ours = decodeWire(overTheWire(payload));
        expect(ours).toEqual(value);
        // Values superjson met twice (NaN among them) it restores as one, inside a Map at the wrong place.
        if (!payload.meta?.referentialEqualities)
          expect(ours).toEqual(superjson.deserialize(overTheWire(payload) as never));
      }),
      { numRuns: 500 },
    );
  });

  it('reads back what it writes', () => {
    const value = {
      at: new Date('2026-12-01T10:00:00Z'),
      none: undefined,
      n: 10n,
      'a.b': { 'c\\d': [new Date(0), Number.NaN] },
      '': -0,
    };
    expect(decodeWire(overTheWire(encodeWire(value)))).toEqual(value);
    expect(decodeWire(overTheWire(encodeWire(new Date(5))))).toEqual(new Date(5));
    expect(decodeWire(overTheWire(encodeWire(undefined)))).toBeUndefined();
  });

  it('reads the paths of older superjson payloads (no version: only "\\." is an escape)', () => {
    const payload: WirePayload = {
      json: { 'a\\b': { c: '2026-01-01T00:00:00.000Z' } },
      meta: { values: { 'a\\b.c': ['Date'] } },
    };
    expect(decodeWire(payload)).toEqual(superjson.deserialize(payload as never));
  });

  it('refuses to write what it cannot read back: a class instance, a Map, a Set, a function, a symbol', () => {
    class Point {
      constructor(readonly x: number) {}
    }
    for (const value of [[new Point(1)], { m: new Map() }, { s: new Set() }, { f: () => 1 }, [Symbol('s')]])
      expect(() => encodeWire(value)).toThrow(UnsupportedWireValue);
  });

  it('refuses the keys superjson refuses, writing and reading ("__proto__", "constructor", "prototype")', () => {
    for (const refused of REFUSED) {
      const value = JSON.parse(`{"a":{"${refused}":{"polluted":true}}}`);
      expect(() => encodeWire(value)).toThrow(refused);
      const payload: WirePayload = {
        json: value,
        meta: { values: { [`a.${refused}.polluted`]: ['Date'] }, v: 1 },
      };
      expect(() => superjson.deserialize(payload as never)).toThrow(refused);
      expect(() => decodeWire(payload)).toThrow(refused);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('refuses an annotation it does not know (a registered class: the API sends none)', () => {
    const payload: WirePayload = {
      json: { p: { x: 1 } },
      meta: { values: { p: [['class', 'Point']] }, v: 1 },
    };
    expect(() => decodeWire(payload)).toThrow('Unknown transformation');
  });
});
