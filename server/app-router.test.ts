import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appRouter } from './app-router';
import { sharedOutput } from './trpc/shared-output';

interface ProcedureDef {
  type: 'query' | 'mutation' | 'subscription';
  inputs: unknown[];
  output?: unknown;
}

const procedures = Object.entries(
  (appRouter as unknown as { _def: { procedures: Record<string, { _def: ProcedureDef }> } })._def.procedures,
).map(([path, procedure]) => ({ path, def: procedure._def }));

/**
 * tRPC v11 applies `.output()` to a subscription's async iterable as a whole, not to each message, so a
 * stream declares its messages elsewhere; each exception is named here with where its shape lives.
 */
const STREAMS_DECLARED_ELSEWHERE: Record<string, string> = {
  'live.changes': 'shared/live-events.ts (ChangeEvent), served by server/http/live-stream.ts',
};

describe('the API contract', () => {
  it('walks every procedure of the app router', () => {
    expect(procedures.length).toBeGreaterThan(50);
  });

  it('declares an output schema on every query and mutation', () => {
    const undeclared = procedures
      .filter(({ def }) => def.type !== 'subscription' && def.output === undefined)
      .map(({ path }) => path);
    expect(undeclared).toEqual([]);
  });

  it('names every subscription whose messages are declared outside tRPC', () => {
    const streams = procedures.filter(({ def }) => def.type === 'subscription').map(({ path }) => path);
    expect(streams.sort()).toEqual(Object.keys(STREAMS_DECLARED_ELSEWHERE).sort());
    for (const { path, def } of procedures.filter(({ def }) => def.type === 'subscription')) {
      expect(def.inputs.length, `${path} declares its input`).toBeGreaterThan(0);
    }
  });
});

describe('sharedOutput', () => {
  const schema = z.object({ count: z.number() });

  it('checks a shared (frozen) value once and returns the very object', () => {
    const check = sharedOutput(schema);
    const shared = Object.freeze({ count: 3 });
    expect(check(shared)).toBe(shared);
    expect(check(shared)).toBe(shared);
  });

  it('refuses a shared value that does not match the schema', () => {
    const check = sharedOutput(schema);
    expect(() => check(Object.freeze({ count: 'three' }))).toThrow();
  });

  it('parses a per-request value every time, like a plain output schema', () => {
    const check = sharedOutput(schema);
    const value = { count: 1, secret: 'x' };
    expect(check(value)).toEqual({ count: 1 });
    expect(() => check({ count: null })).toThrow();
  });
});
