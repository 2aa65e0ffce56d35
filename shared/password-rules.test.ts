import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from './password-rules';

describe('passwordProblem (the rules that need no dictionary)', () => {
  it.each([
    ['short', 'a'.repeat(PASSWORD_MIN_LENGTH - 1), undefined, 'passwordTooShort'],
    ['long enough', 'a'.repeat(PASSWORD_MIN_LENGTH), undefined, null],
    ['at the maximum', 'a'.repeat(PASSWORD_MAX_LENGTH), undefined, null],
    ['past the maximum', 'a'.repeat(PASSWORD_MAX_LENGTH + 1), undefined, 'passwordTooLong'],
    // Eleven characters are eleven, whatever their UTF-16 length.
    ['counted in characters', '𝒜'.repeat(PASSWORD_MIN_LENGTH - 1), undefined, 'passwordTooShort'],
    ['holding the username in any case', 'xin-chao-BTC.Lanhdao', 'btc.lanhdao', 'passwordContainsUsername'],
    ['not holding the username', 'mot-cau-rat-dai-2026', 'btc.lanhdao', null],
    ['with no composition rule', 'chi-toan-chu-thuong-thoi', undefined, null],
  ] as const)('%s', (_name, password, username, expected) => {
    expect(passwordProblem(password, username)).toBe(expected);
  });
});
