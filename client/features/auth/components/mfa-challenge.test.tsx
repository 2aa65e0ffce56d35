import { fireEvent, screen } from '@testing-library/react';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n/i18n';
import { expectErrorSummary, placesOf } from '../../../test/error-summary';
import { renderTranslated, resetAfterEach } from '../../../test/render';
import { MfaChallengeForm } from './mfa-challenge';
import { mfaErrorText } from './mfa-messages';

function renderChallenge(serverError: string | null = null) {
  const onSubmit = vi.fn();
  renderTranslated(<MfaChallengeForm pending={false} serverError={serverError} onSubmit={onSubmit} />);
  return onSubmit;
}

const submit = (name = 'Xác nhận') => fireEvent.click(screen.getByRole('button', { name }));

describe('MfaChallengeForm', () => {
  resetAfterEach();

  it('asks for the app code on a numeric keyboard the phone can fill from a message', () => {
    renderChallenge();
    const input = screen.getByLabelText('Mã xác thực');
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(input.getAttribute('autocomplete')).toBe('one-time-code');
  });

  it('sends six digits, spaces removed, and refuses fewer beside the field', () => {
    const onSubmit = renderChallenge();
    const input = screen.getByLabelText('Mã xác thực');
    fireEvent.change(input, { target: { value: '12345' } });
    submit();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(placesOf('Mã xác thực gồm 6 chữ số.')).toEqual(['field', 'summary']);
    expectErrorSummary([['Mã xác thực gồm 6 chữ số.', screen.getByLabelText('Mã xác thực')]]);
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: '123 456' } });
    submit();
    expect(onSubmit).toHaveBeenCalledWith('123456');
  });

  it('switches to a recovery code by its link, and back', () => {
    const onSubmit = renderChallenge();
    fireEvent.click(screen.getByRole('button', { name: 'Dùng mã khôi phục' }));
    const input = screen.getByLabelText('Mã khôi phục');
    expect(input.getAttribute('inputmode')).toBeNull();
    expect(input.getAttribute('autocomplete')).toBe('off');
    fireEvent.change(input, { target: { value: ' ab12c-de34f ' } });
    submit();
    expect(onSubmit).toHaveBeenCalledWith('ab12c-de34f');
    fireEvent.click(screen.getByRole('button', { name: 'Dùng mã từ ứng dụng xác thực' }));
    expect(screen.getByLabelText('Mã xác thực')).toBeTruthy();
  });

  it('shows the server answer as an alert, in English when English is chosen', async () => {
    await i18n.changeLanguage('en');
    renderChallenge('The code is wrong or was already used. Please try a new code.');
    expect(screen.getByRole('alert').textContent).toContain('already used');
    expect(screen.getByLabelText('Verification code')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Use a recovery code' })).toBeTruthy();
  });

  it('says how long an account locked by wrong codes still waits', () => {
    const locked = new TRPCClientError('accountLocked', {
      result: {
        error: {
          message: 'accountLocked',
          code: -32029,
          data: { appCode: 'RATE_LIMITED', details: { reason: 'accountLocked', retryAfterSeconds: 299 } },
        },
      },
    } as never);
    renderChallenge(mfaErrorText(locked, i18n.t, i18n));
    expect(screen.getByRole('alert').textContent).toBe(
      'Tài khoản tạm thời bị khóa do nhập sai nhiều lần. Vui lòng thử lại sau 5 phút.',
    );
  });
});
