import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n/i18n';
import { expectErrorSummary, placesOf } from '../../../test/error-summary';
import { renderTranslated, resetAfterEach } from '../../../test/render';
import { ChangePasswordFields } from './change-password-form';

function refusal(appCode: string, message: string, details?: Record<string, unknown>) {
  return new TRPCClientError(message, {
    result: { error: { message, code: -32000, data: { appCode, details } } },
  } as never);
}

function renderForm(
  send = vi.fn((_input: unknown) => Promise.resolve({ ok: true, stage: 'full' })),
  forced = false,
) {
  const onDone = vi.fn();
  renderTranslated(
    <ChangePasswordFields username="hanoi.chuyenvien" forced={forced} send={send} onDone={onDone} />,
  );
  return { send, onDone };
}

function fill(values: { current?: string; next?: string; confirm?: string }, language: 'vi' | 'en' = 'vi') {
  const labels =
    language === 'vi'
      ? ['Mật khẩu hiện tại', 'Mật khẩu mới', 'Nhập lại mật khẩu mới']
      : ['Current password', 'New password', 'Repeat the new password'];
  const [current, next, confirm] = labels.map((label) => screen.getByLabelText(new RegExp(`^${label}`)));
  if (values.current !== undefined)
    fireEvent.change(current as HTMLElement, { target: { value: values.current } });
  if (values.next !== undefined) fireEvent.change(next as HTMLElement, { target: { value: values.next } });
  if (values.confirm !== undefined)
    fireEvent.change(confirm as HTMLElement, { target: { value: values.confirm } });
}

const submit = (name = 'Lưu mật khẩu mới') => fireEvent.click(screen.getByRole('button', { name }));

describe('ChangePasswordForm', () => {
  resetAfterEach();

  it('refuses a short new password and a missing current one beside each field, sending nothing', () => {
    const { send } = renderForm();
    fill({ next: 'ngan-qua', confirm: 'ngan-qua' });
    submit();
    const message = screen.getByText('Mật khẩu phải có ít nhất 12 ký tự.', { selector: '.form__error' });
    expect(screen.getByLabelText(/^Mật khẩu mới/).getAttribute('aria-describedby')).toContain(message.id);
    expectErrorSummary([
      ['Vui lòng nhập mật khẩu hiện tại.', screen.getByLabelText(/^Mật khẩu hiện tại/)],
      ['Mật khẩu phải có ít nhất 12 ký tự.', screen.getByLabelText(/^Mật khẩu mới/)],
    ]);
    expect(send).not.toHaveBeenCalled();
  });

  it('refuses a new password holding the username, and a repetition that does not match', () => {
    const { send } = renderForm();
    fill({ current: 'mat-khau-cu-cua-toi', next: 'Hanoi.ChuyenVien-2026', confirm: 'Hanoi.ChuyenVien-2026' });
    submit();
    expect(placesOf('Mật khẩu không được chứa tên đăng nhập.')).toEqual(['field', 'summary']);
    fill({ next: 'hoa-sen-no-giua-mua-ha', confirm: 'hoa-sen-no-giua-mua-he' });
    submit();
    expectErrorSummary([
      ['Mật khẩu nhập lại không khớp với mật khẩu mới.', screen.getByLabelText(/^Nhập lại mật khẩu mới/)],
    ]);
    expect(send).not.toHaveBeenCalled();
  });

  it("shows the server's refusal beside the field it names, in English too", async () => {
    await i18n.changeLanguage('en');
    const send = vi.fn(() =>
      Promise.reject(
        refusal('VALIDATION', 'passwordCommon', { field: 'newPassword', reason: 'passwordCommon' }),
      ),
    );
    renderForm(send);
    fill({ current: 'old-password-here', next: 'iloveyou2026!', confirm: 'iloveyou2026!' }, 'en');
    submit('Save the new password');
    await screen.findByRole('alert', { name: 'There is a problem' });
    // Once under the field and once in the summary: no second alert with the same words.
    const common = /This password is too common or easy to guess/;
    expect(placesOf(common)).toEqual(['field', 'summary']);
    expect(document.querySelector('.form__alert')).toBeNull();
    expectErrorSummary(
      [
        [
          screen.getByText(common, { selector: '.form__error' }).textContent ?? '',
          screen.getByLabelText(/^New password/),
        ],
      ],
      'There is a problem',
    );
  });

  it('names a wrong current password', async () => {
    const send = vi.fn(() =>
      Promise.reject(
        refusal('VALIDATION', 'currentPasswordWrong', {
          field: 'currentPassword',
          reason: 'currentPasswordWrong',
        }),
      ),
    );
    renderForm(send);
    fill({ current: 'khong-dung', next: 'hoa-sen-no-giua-mua-ha', confirm: 'hoa-sen-no-giua-mua-ha' });
    submit();
    await waitFor(() =>
      expect(screen.getByLabelText(/^Mật khẩu hiện tại/).getAttribute('aria-invalid')).toBe('true'),
    );
    expect(placesOf('Mật khẩu hiện tại không đúng.')).toEqual(['field', 'summary']);
    expectErrorSummary([['Mật khẩu hiện tại không đúng.', screen.getByLabelText(/^Mật khẩu hiện tại/)]]);
  });

  it('says how long a login locked by wrong passwords still waits: minutes, or seconds in the last one', async () => {
    const locked = (retryAfterSeconds: number) =>
      vi.fn(() =>
        Promise.reject(
          refusal('RATE_LIMITED', 'accountLocked', { reason: 'accountLocked', retryAfterSeconds }),
        ),
      );
    const filled = {
      current: 'mat-khau-cu-cua-toi',
      next: 'hoa-sen-no-giua-mua-ha',
      confirm: 'hoa-sen-no-giua-mua-ha',
    };
    renderForm(locked(150));
    fill(filled);
    submit();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Tài khoản tạm thời bị khóa do nhập sai nhiều lần. Vui lòng thử lại sau 3 phút.',
    );
    cleanup();
    await i18n.changeLanguage('en');
    renderForm(locked(45));
    fill(filled, 'en');
    submit('Save the new password');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The account is locked after repeated failures. Please try again in 45 seconds.',
    );
  });

  it('sends the current and new password, says so, empties the fields and calls onDone', async () => {
    const { send, onDone } = renderForm(undefined, true);
    expect(screen.getByText(/Trước khi tiếp tục, vui lòng chọn mật khẩu mới/)).toBeTruthy();
    fill({
      current: 'mat-khau-cu-cua-toi',
      next: 'hoa-sen-no-giua-mua-ha',
      confirm: 'hoa-sen-no-giua-mua-ha',
    });
    submit();
    await screen.findByText('Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc.');
    expect(send).toHaveBeenCalledWith({
      currentPassword: 'mat-khau-cu-cua-toi',
      newPassword: 'hoa-sen-no-giua-mua-ha',
    });
    expect(onDone).toHaveBeenCalledOnce();
    expect((screen.getByLabelText(/^Mật khẩu mới/) as HTMLInputElement).value).toBe('');
  });
});
