import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n/i18n';
import { expectErrorSummary, placesOf } from '../../../test/error-summary';
import { renderTranslated, resetAfterEach } from '../../../test/render';
import { LoginForm } from './login-form';

function renderForm(serverError: string | null = null) {
  const onSubmit = vi.fn();
  renderTranslated(<LoginForm onSubmit={onSubmit} pending={false} serverError={serverError} />);
  return onSubmit;
}

describe('LoginForm', () => {
  resetAfterEach();

  it('refuses an empty username with a message beside the field and in the error summary', () => {
    const onSubmit = renderForm();
    fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: 'Demo@2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    const username = screen.getByLabelText('Tên đăng nhập');
    expect(username.getAttribute('aria-invalid')).toBe('true');
    expect(placesOf('Vui lòng nhập tên đăng nhập.')).toEqual(['field', 'summary']);
    expectErrorSummary([['Vui lòng nhập tên đăng nhập.', username]]);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('says it in English when English is chosen, one summary entry per field', async () => {
    await i18n.changeLanguage('en');
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expectErrorSummary(
      [
        ['Please enter the username.', screen.getByLabelText('Username')],
        ['Please enter the password.', screen.getByLabelText('Password')],
      ],
      'There is a problem',
    );
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
