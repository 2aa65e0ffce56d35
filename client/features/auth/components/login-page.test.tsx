import { cleanup, fireEvent, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import superjson from 'superjson';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n/i18n';
import { renderWithApi, resetAfterEach } from '../../../test/render';
import { LoginPage, safeNextPath } from './login-page';

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

/** The server's answer to a login refused while the account is locked (`lockedOutError`), as tRPC sends it. */
function lockedAnswer(retryAfterSeconds: number) {
  const error = {
    message: 'accountLocked',
    code: -32029,
    data: {
      code: 'TOO_MANY_REQUESTS',
      httpStatus: 429,
      path: 'auth.login',
      appCode: 'RATE_LIMITED',
      details: { reason: 'accountLocked', retryAfterSeconds },
    },
  };
  return new Response(JSON.stringify([{ error: superjson.serialize(error) }]), {
    status: 429,
    headers: { 'content-type': 'application/json' },
  });
}

describe('LoginPage', () => {
  resetAfterEach();
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  async function logInWhileLocked(retryAfterSeconds: number, labels: [string, string, string]) {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => lockedAnswer(retryAfterSeconds)),
    );
    const [username, password, submit] = labels;
    renderWithApi(
      <MemoryRouter initialEntries={['/login']}>
        <LoginPage />
      </MemoryRouter>,
    );
    fireEvent.change(screen.getByLabelText(username), { target: { value: 'hanoi.chuyenvien' } });
    fireEvent.change(screen.getByLabelText(password), { target: { value: 'sai-mat-khau' } });
    fireEvent.click(screen.getByRole('button', { name: submit }));
    return (await screen.findByRole('alert')).textContent;
  }

  it('says how many minutes a locked account still waits, rounded up', async () => {
    expect(await logInWhileLocked(601, ['Tên đăng nhập', 'Mật khẩu', 'Đăng nhập'])).toBe(
      'Tài khoản tạm thời bị khóa do nhập sai nhiều lần. Vui lòng thử lại sau 11 phút.',
    );
  });

  it('says it in English, one minute as one, and seconds in the last minute', async () => {
    await i18n.changeLanguage('en');
    expect(await logInWhileLocked(60, ['Username', 'Password', 'Log in'])).toBe(
      'The account is locked after repeated failures. Please try again in 1 minute.',
    );
    cleanup();
    expect(await logInWhileLocked(1, ['Username', 'Password', 'Log in'])).toBe(
      'The account is locked after repeated failures. Please try again in 1 second.',
    );
  });
});
