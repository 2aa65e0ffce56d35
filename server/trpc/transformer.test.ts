import fc from 'fast-check';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { serialize } from './transformer';

/** Keys superjson refuses to write (prototype pollution): tested apart below. */
const REFUSED = ['__proto__', 'constructor', 'prototype'];
const leaf = fc.oneof(
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  // Valid instants only: fast-check 4 also draws Invalid Date, which no API value ever is (the schemas refuse it).
  fc.date({ noInvalidDate: true }),
  fc.bigInt(),
  fc.constant(-0),
  fc.constant(Number.NaN),
);
const key = fc.oneof(fc.string(), fc.constantFrom('a.b', 'c\\d', 'x\\.y', '0', ''));
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('tree'), { maxLength: 4 }),
  object: fc
    .dictionary(key, tie('tree'), { maxKeys: 4 })
    .filter((o) => !Object.keys(o).some((k) => REFUSED.includes(k))),
}));

describe('the API transformer', () => {
  it('writes what superjson writes for plain data, and reads back the same (fast-check)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(tree), fc.dictionary(key, tree)), (value) => {
        fc.pre(!Object.keys(value).some((k) => REFUSED.includes(k)));
        const ours = serialize(value);
        const theirs = superjson.serialize(value);
        // superjson also notes values met twice (it counts NaN among them), so the reader can restore
        // shared references; our data has none, and the values read back are the same.
        expect(ours.json).toEqual(theirs.json);
        expect(ours.meta?.values).toEqual(theirs.meta?.values);
        expect(superjson.deserialize(ours)).toEqual(value);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves what it does not handle to superjson: a Map, a Set, a class, a value at the root', () => {
    class Point {
      constructor(readonly x: number) {}
    }
    for (const value of [
      { m: new Map([[1, 'a']]) },
      { s: new Set([1]) },
      [new Point(1)],
      new Date(0),
      'text',
      undefined,
      null,
    ]) {
      expect(serialize(value)).toEqual(superjson.serialize(value));
    }
  });

  it('refuses the keys superjson refuses ("__proto__", "constructor", "prototype")', () => {
    for (const refused of REFUSED) {
      const value = JSON.parse(`{"a":{"${refused}":{"polluted":true}}}`);
      expect(() => superjson.serialize(value)).toThrow(refused);
      expect(() => serialize(value)).toThrow(refused);
    }
  });

  it('keeps dates, undefined and big numbers through a round trip', () => {
    const value = {
      at: new Date('2026-12-01T10:00:00Z'),
      none: undefined,
      n: 10n,
      list: [{ at: new Date(0) }],
    };
    expect(superjson.deserialize(serialize(value))).toEqual(value);
  });

  it('encodes a frozen value once: the same payload, reused for the same object only', () => {
    const value = { at: new Date('2026-12-04T00:00:00Z'), items: [{ n: 1 }, { n: undefined }] };
    const plain = serialize(value);
    Object.freeze(value);
    const first = serialize(value);
    expect(first).toEqual(plain);
    expect(serialize(value)).toBe(first);
    // An equal object that is not frozen is encoded afresh.
    const copy = { ...value };
    expect(serialize(copy)).not.toBe(first);
    expect(serialize(copy)).toEqual(plain);
  });
});
