/**
 * The login form's rules without zod, so the first page (the login page) does not load zod: the same
 * limits build the server's schema (`shared/schemas/auth.ts`), and a test holds the two in agreement.
 */
export const LOGIN_LIMITS = { username: 100, password: 200 } as const;

export type LoginField = keyof typeof LOGIN_LIMITS;
export type LoginIssue = 'required' | 'tooLong';

export type LoginCheck =
  | { ok: true; data: { username: string; password: string } }
  | { ok: false; issues: Partial<Record<LoginField, LoginIssue>> };

export function checkLogin(values: { username: string; password: string }): LoginCheck {
  const data = { username: values.username.trim(), password: values.password };
  const issues: Partial<Record<LoginField, LoginIssue>> = {};
  for (const field of ['username', 'password'] as const) {
    if (data[field].length < 1) issues[field] = 'required';
    else if (data[field].length > LOGIN_LIMITS[field]) issues[field] = 'tooLong';
  }
  return Object.keys(issues).length === 0 ? { ok: true, data } : { ok: false, issues };
}
