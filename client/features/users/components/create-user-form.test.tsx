import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n/i18n';
import { renderWithApi, resetAfterEach } from '../../../test/render';
import { CreateUserForm } from './create-user-form';

function renderForm() {
  const send = vi.fn(() => Promise.resolve({}));
  renderWithApi(<CreateUserForm send={send} />);
  return send;
}

describe('CreateUserForm', () => {
  resetAfterEach();

  it('refuses a 5-character password with the translated message beside the field', () => {
    const send = renderForm();
    expect(screen.getByText(/^Ít nhất 12 ký tự, không chứa tên đăng nhập/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Tên đăng nhập/), { target: { value: 'nguyenvana' } });
    fireEvent.change(screen.getByLabelText(/Họ và tên/), { target: { value: 'Nguyễn Văn A' } });
    fireEvent.change(screen.getByLabelText(/Mật khẩu ban đầu/), { target: { value: 'abcde' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tạo tài khoản' }));
    const password = screen.getByLabelText(/Mật khẩu ban đầu/);
    expect(password.getAttribute('aria-invalid')).toBe('true');
    const message = screen.getByText('Mật khẩu phải có ít nhất 12 ký tự.', { selector: '.form__error' });
    expect(password.getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.getByLabelText(/Tên đăng nhập/).getAttribute('aria-invalid')).toBeNull();
    expect(send).not.toHaveBeenCalled();
  });

  it('explains the username rule, in English too, and moves focus to the error summary', async () => {
    await i18n.changeLanguage('en');
    const send = renderForm();
    fireEvent.change(screen.getByLabelText(/Username/), { target: { value: 'Nguyễn A' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    const username = screen.getByLabelText(/Username/);
    expect(username.getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getByText(
        'The username must be 3–50 characters of lowercase letters without diacritics, digits, dots, underscores or hyphens, starting with a letter or digit.',
        { selector: '.form__error' },
      ),
    ).toBeTruthy();
    expect(screen.getByText('Please choose the role.', { selector: '.form__error' })).toBeTruthy();
    expect(screen.getByText('Please choose the agency.', { selector: '.form__error' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('alert', { name: 'There is a problem' }));
    expect(send).not.toHaveBeenCalled();
  });

  it('offers an optional e-mail, says an account without one gets in-app notifications only, and refuses a bad one in Vietnamese', () => {
    const send = renderForm();
    const email = screen.getByRole<HTMLInputElement>('textbox', { name: /^Thư điện tử/ });
    expect(email.getAttribute('aria-required')).toBeNull();
    expect(email.getAttribute('aria-describedby')).toContain(
      screen.getByText(/Tài khoản không có địa chỉ chỉ nhận thông báo/).id,
    );
    fireEvent.change(email, { target: { value: 'thu@' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tạo tài khoản' }));
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getByText('Thư điện tử không hợp lệ: cần có dạng ten@coquan.gov.vn.', {
        selector: '.form__error',
      }),
    ).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
  });
});
