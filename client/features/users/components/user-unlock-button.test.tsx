import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderTranslated, resetAfterEach } from '../../../test/render';
import type { UserRow } from './user-lock-toggle';
import { UserUnlockButton } from './user-unlock-button';

const row: UserRow = {
  id: 7,
  username: 'btc.lanhdao',
  fullName: 'Phạm Thị Hồng Nhung',
  role: 'leader',
  active: true,
  agencyNameVi: 'Bộ Tài chính',
  agencyNameEn: 'Ministry of Finance',
  email: null,
  lockedUntil: new Date(Date.now() + 60_000),
  failedLogins: 5,
};

describe('UserUnlockButton', () => {
  resetAfterEach();

  it('is offered only for an account locked after failed logins', () => {
    renderTranslated(
      <UserUnlockButton user={{ ...row, lockedUntil: null }} send={vi.fn()} onNotice={vi.fn()} />,
    );
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('lifts the lock of that account and says so', async () => {
    const send = vi.fn(() => Promise.resolve({ id: 7 }));
    const onNotice = vi.fn();
    renderTranslated(<UserUnlockButton user={row} send={send} onNotice={onNotice} />);
    fireEvent.click(screen.getByRole('button', { name: 'Gỡ tạm khóa đăng nhập của Phạm Thị Hồng Nhung' }));
    expect(send).toHaveBeenCalledWith({ id: 7 });
    await waitFor(() =>
      expect(onNotice).toHaveBeenCalledWith({
        text: 'Đã gỡ tạm khóa đăng nhập của Phạm Thị Hồng Nhung.',
        ok: true,
      }),
    );
  });
});
