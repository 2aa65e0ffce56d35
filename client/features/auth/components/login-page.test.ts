import { describe, expect, it } from 'vitest';
import { safeNextPath } from './login-page';

describe('safeNextPath', () => {
  it.each([
    [null, '/'],
    ['/agencies?q=ha', '/agencies?q=ha'],
    ['https://evil.example', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['/login', '/'],
  ])('%s → %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});
