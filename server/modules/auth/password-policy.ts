import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { AppError } from '../../../shared/errors';
import { passwordProblem } from '../../../shared/password-rules';

/**
 * Common passwords of Vietnamese users that the (English-centred) leaked-password list misses, and this
 * product's own words: an attacker tries these first.
 */
const VIETNAMESE_COMMON = [
  'matkhau',
  'matkhau123',
  'matkhau@123',
  'matkhaumoi',
  'doimatkhau',
  'anhyeuem',
  'emyeuanh',
  'yeuem',
  'yeuanh',
  'anhyeuem123',
  'emyeuanh123',
  'iloveyou',
  'khongbiet',
  'vietnam',
  'vietnam123',
  'hanoi',
  'saigon',
  'hochiminh',
  'abc123456',
  'abcd1234',
  '123456789',
  '1234567890',
  '0123456789',
  '147258369',
  '123456789a',
  '88888888',
  '66666666',
  'chinhphu',
  'chinhphuso',
  'vanphongchinhphu',
  'quantri',
  'admin123',
  'demo@2026',
];

/** Built on first use (about 0.3 s): the dictionaries are large, and most requests never need them. */
let checker: ZxcvbnFactory | undefined;
const zxcvbn = () =>
  (checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, vietnamese: VIETNAMESE_COMMON },
    graphs: common.adjacencyGraphs,
  }));

/**
 * zxcvbn's score 3 means "safely unguessable" against a throttled online attack and a slow hash offline
 * (about 10^8–10^10 guesses): below it the password is a dictionary word, a leaked password, a keyboard
 * walk, a repetition or one of these with a few digits, which is what NIST asks to refuse.
 */
const MIN_SCORE = 3;

export type PasswordRefusal = ReturnType<typeof passwordProblem> | 'passwordCommon';

/**
 * The one password rule for every new password (created by an administrator, reset, or changed by its
 * owner): the shared length and username rules, then the dictionary of common and breached passwords,
 * with the person's username and full name as words an attacker would try too.
 */
export function passwordRefusal(
  password: string,
  person: { username: string; fullName?: string },
): PasswordRefusal | null {
  const problem = passwordProblem(password, person.username);
  if (problem) return problem;
  const inputs = [person.username, ...(person.fullName ? person.fullName.split(/\s+/) : [])];
  return zxcvbn().check(password, inputs).score < MIN_SCORE ? 'passwordCommon' : null;
}

/** Throws VALIDATION with the field named and the reason as the message (worded by the client). */
export function assertPasswordAllowed(
  password: string,
  person: { username: string; fullName?: string },
  field: string,
): void {
  const refusal = passwordRefusal(password, person);
  if (refusal) throw new AppError('VALIDATION', refusal, { field, reason: refusal });
}
