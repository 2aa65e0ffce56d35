import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n/i18n';
import { renderTranslated, resetAfterEach } from '../../../test/render';
import { LoginForm } from './login-form';

function renderForm(serverError: string | null = null) {
  const onSubmit = vi.fn();
  renderTranslated(<LoginForm onSubmit={onSubmit} pending={false} serverError={serverError} />);
  return onSubmit;
}

describe('LoginForm', () => {
  resetAfterEach();

  it('refuses an empty username with a message beside the field', () => {
    const onSubmit = renderForm();
    fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: 'Demo@2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    const username = screen.getByLabelText('Tên đăng nhập');
    expect(username.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Vui lòng nhập tên đăng nhập.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('says it in English when English is chosen', async () => {
    await i18n.changeLanguage('en');
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(screen.getByText('Please enter the username.')).toBeTruthy();
    expect(screen.getByText('Please enter the password.')).toBeTruthy();
  });

  it('hands trimmed values on when both are filled', () => {
    const onSubmit = renderForm();
    fireEvent.change(screen.getByLabelText('Tên đăng nhập'), { target: { value: ' quantri ' } });
    fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: 'Demo@2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(onSubmit).toHaveBeenCalledWith({ username: 'quantri', password: 'Demo@2026' });
  });

  it('shows the server answer as an alert', () => {
    renderForm('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(screen.getByRole('alert').textContent).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });
});
