import { fireEvent, screen } from '@testing-library/react';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n/i18n';
import { expectErrorSummary, placesOf } from '../../../test/error-summary';
import { renderWithApi, resetAfterEach } from '../../../test/render';
import { UserEditPanel } from './user-edit-panel';
import type { UserRow } from './user-lock-toggle';

const USER: UserRow = {
  id: 7,
  username: 'quantri.hanoi',
  fullName: 'Lê Văn C',
  role: 'admin',
  active: true,
  agencyNameVi: 'UBND thành phố Hà Nội',
  agencyNameEn: 'Ha Noi People’s Committee',
  lockedUntil: null,
  failedLogins: 0,
};

function renderPanel(update = vi.fn((_input: unknown) => Promise.resolve({}))) {
  const resetPassword = vi.fn((_input: unknown) => Promise.resolve({}));
  renderWithApi(
    <UserEditPanel user={USER} update={update} resetPassword={resetPassword} onClose={() => {}} />,
  );
  return { update, resetPassword };
}

describe('UserEditPanel', () => {
  resetAfterEach();

  it('a short new password: the error summary of its form links to the field', () => {
    const { resetPassword } = renderPanel();
    const password = screen.getByLabelText(/^Mật khẩu mới/);
    fireEvent.change(password, { target: { value: 'abcde' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đặt lại mật khẩu' }));
    expect(placesOf('Mật khẩu phải có ít nhất 12 ký tự.')).toEqual(['field', 'summary']);
    expectErrorSummary([['Mật khẩu phải có ít nhất 12 ký tự.', password]]);
    expect(resetPassword).not.toHaveBeenCalled();
  });

  it('a role the server refuses is said once, beside the role and in the summary, in English too', async () => {
    await i18n.changeLanguage('en');
    const refusal = new TRPCClientError('cannotDemoteSelf', {
      result: {
        error: {
          message: 'cannotDemoteSelf',
          code: -32600,
          data: { appCode: 'VALIDATION', details: { field: 'role' } },
        },
      },
    } as never);
    renderPanel(vi.fn(() => Promise.reject(refusal)));
    const role = screen.getByRole('combobox', { name: 'Role' });
    fireEvent.change(role, { target: { value: 'office' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save role and agency' }));
    await screen.findByRole('alert', { name: 'There is a problem' });
    const message = 'You cannot lock your own account or remove your own administrator role.';
    expect(placesOf(message)).toEqual(['field', 'summary']);
    expect(document.querySelector('.form__alert')).toBeNull();
    expectErrorSummary([[message, role]], 'There is a problem');
  });
});
