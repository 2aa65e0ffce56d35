import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n/i18n';
import { renderTranslated, resetAfterEach } from '../../../test/render';
import { type LoginFailureRow, LoginFailuresTable } from './login-failures-section';

const rows: LoginFailureRow[] = [
  // 02:30 UTC is 09:30 in Vietnam.
  {
    id: 2,
    at: new Date('2026-12-06T02:30:00Z'),
    usernameTried: 'khong.ai',
    knownUser: false,
    ip: '203.0.113.9',
    reason: 'unknown_user',
  },
  {
    id: 1,
    at: new Date('2026-12-05T17:05:00Z'),
    usernameTried: 'vpcp',
    knownUser: true,
    ip: null,
    reason: 'locked',
  },
];

describe('LoginFailuresTable', () => {
  resetAfterEach();

  it('shows the time in Vietnam, the username tried, the address and the reason in Vietnamese', () => {
    renderTranslated(<LoginFailuresTable rows={rows} busy={false} />);
    const [first, second] = within(screen.getByTestId('login-failures')).getAllByRole('row').slice(1);
    expect(first?.textContent).toContain('06/12/2026 09:30');
    expect(first?.textContent).toContain('khong.ai');
    expect(first?.textContent).toContain('không có tài khoản này');
    expect(first?.textContent).toContain('203.0.113.9');
    expect(first?.textContent).toContain('Tên đăng nhập không tồn tại');
    // 17:05 UTC on the 5th is past midnight in Vietnam: the 6th.
    expect(second?.textContent).toContain('06/12/2026 00:05');
    expect(second?.textContent).toContain('Đang bị tạm khóa (không kiểm tra mật khẩu)');
  });

  it('words the reasons in English', async () => {
    await i18n.changeLanguage('en');
    renderTranslated(<LoginFailuresTable rows={rows} busy={false} />);
    expect(screen.getByText('Unknown username')).toBeTruthy();
    expect(screen.getByText('Locked at the time (password not checked)')).toBeTruthy();
  });
});
