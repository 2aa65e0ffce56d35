import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLogin } from './login-rules';
import { loginInput } from './schemas/auth';

describe('login rules without zod', () => {
  it('accept and refuse exactly what the server schema does, with the same message keys', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 5 }),
      fc.constantFrom('', ' ', '  \t ', ' quantri ', 'x'.repeat(100), 'x'.repeat(101), 'y'.repeat(200)),
      fc.string({ minLength: 95, maxLength: 205 }),
    );
    fc.assert(
      fc.property(text, text, (username, password) => {
        const ours = checkLogin({ username, password });
        const server = loginInput.safeParse({ username, password });
        expect(ours.ok).toBe(server.success);
        if (ours.ok && server.success) expect(ours.data).toEqual(server.data);
        if (!ours.ok && !server.success) {
          const first: Record<string, string> = {};
          for (const issue of server.error.issues) first[String(issue.path[0])] ??= issue.message;
          expect(ours.issues).toEqual(first);
        }
      }),
      { numRuns: 500 },
    );
  });
});
