import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
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
  email: 'le.c@hanoi.gov.vn',
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

  describe('the account’s e-mail', () => {
    const field = () => screen.getByRole<HTMLInputElement>('textbox', { name: /^Thư điện tử/ });
    const save = () => fireEvent.click(screen.getByRole('button', { name: 'Lưu thư điện tử' }));

    it('shows the current address, says what an empty one means, and saves a correction as the server keeps it', async () => {
      const { update } = renderPanel();
      expect(field().value).toBe('le.c@hanoi.gov.vn');
      expect(screen.getByText(/chỉ nhận thông báo trong hệ thống/)).toBeTruthy();
      save();
      expect(await screen.findByText('Chưa có thay đổi nào để lưu.')).toBeTruthy();
      expect(update).not.toHaveBeenCalled();
      fireEvent.change(field(), { target: { value: '  Le.Van.C@HaNoi.gov.vn ' } });
      save();
      expect(await screen.findByText('Đã lưu địa chỉ thư điện tử.')).toBeTruthy();
      expect(update).toHaveBeenCalledWith({ id: 7, email: 'le.van.c@hanoi.gov.vn' });
    });

    it('clears the address: in-app notifications only', async () => {
      const { update } = renderPanel();
      fireEvent.change(field(), { target: { value: '' } });
      save();
      expect(
        await screen.findByText('Đã xóa địa chỉ thư điện tử: tài khoản chỉ nhận thông báo trong hệ thống.'),
      ).toBeTruthy();
      expect(update).toHaveBeenCalledWith({ id: 7, email: '' });
    });

    it('refuses an address that is not one, in Vietnamese, beside the field, sending nothing', () => {
      const { update } = renderPanel();
      fireEvent.change(field(), { target: { value: 'le.c-hanoi.gov.vn' } });
      save();
      const message = 'Thư điện tử không hợp lệ: cần có dạng ten@coquan.gov.vn.';
      expect(placesOf(message)).toEqual(['field', 'summary']);
      expect(field().getAttribute('aria-invalid')).toBe('true');
      expect(update).not.toHaveBeenCalled();
    });

    it('says beside the field, in Vietnamese and in English, that another active account has the address', async () => {
      const taken = () =>
        new TRPCClientError('emailTaken', {
          result: {
            error: {
              message: 'emailTaken',
              code: -32009,
              data: { appCode: 'CONFLICT', details: { field: 'email', reason: 'emailTaken' } },
            },
          },
        } as never);
      renderPanel(vi.fn(() => Promise.reject(taken())));
      fireEvent.change(field(), { target: { value: 'tran.thu@hanoi.gov.vn' } });
      save();
      const vietnamese =
        'Địa chỉ thư điện tử này đang dùng cho một tài khoản khác đang hoạt động. Mỗi địa chỉ chỉ gắn với một tài khoản đang hoạt động: hãy sửa hoặc để trống địa chỉ.';
      await waitFor(() => expect(placesOf(vietnamese)).toContain('field'));
      expect(field().getAttribute('aria-invalid')).toBe('true');
      cleanup();
      await i18n.changeLanguage('en');
      renderPanel(vi.fn(() => Promise.reject(taken())));
      const english = () => screen.getByRole<HTMLInputElement>('textbox', { name: /^E-mail/ });
      fireEvent.change(english(), { target: { value: 'tran.thu@hanoi.gov.vn' } });
      fireEvent.click(screen.getByRole('button', { name: 'Save e-mail' }));
      await waitFor(() =>
        expect(
          placesOf(
            'This e-mail address belongs to another active account. An address belongs to one active account only: correct it or leave it empty.',
          ),
        ).toContain('field'),
      );
    });
  });
});
