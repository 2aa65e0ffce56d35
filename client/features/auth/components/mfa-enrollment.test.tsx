import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n/i18n';
import { renderTranslated, resetAfterEach } from '../../../test/render';
import { groupSecret, MfaEnrollmentSetup } from './mfa-enrollment';
import { RecoveryCodesPanel } from './recovery-codes-panel';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/Gi%C3%A1m%20s%C3%A1t:vp.test?issuer=Gi%C3%A1m%20s%C3%A1t&secret=${SECRET}`;
const CODES = Array.from({ length: 10 }, (_, i) => `abcd${i}-efgh${i}`);

describe('MFA enrolment', () => {
  resetAfterEach();

  it('shows the QR code (loaded on demand) and the key in groups of four for typing by hand', async () => {
    renderTranslated(
      <MfaEnrollmentSetup uri={URI} secret={SECRET} pending={false} serverError={null} onConfirm={vi.fn()} />,
    );
    expect(screen.getByTestId('totp-secret').textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    const qr = await screen.findByRole('img', { name: 'Mã QR để thêm tài khoản vào ứng dụng xác thực' });
    const src = qr.getAttribute('src') ?? '';
    expect(src.startsWith('data:image/svg+xml')).toBe(true);
    expect(decodeURIComponent(src)).toContain('<svg');
  });

  it('confirms with the first code from the app and shows why a code was refused', () => {
    const onConfirm = vi.fn();
    const { rerender } = renderTranslated(
      <MfaEnrollmentSetup
        uri={URI}
        secret={SECRET}
        pending={false}
        serverError={null}
        onConfirm={onConfirm}
      />,
    );
    fireEvent.change(screen.getByLabelText('Mã xác thực'), { target: { value: '987654' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bật xác thực hai lớp' }));
    expect(onConfirm).toHaveBeenCalledWith('987654');
    rerender(
      <MfaEnrollmentSetup
        uri={URI}
        secret={SECRET}
        pending={false}
        serverError="Sai mã"
        onConfirm={onConfirm}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe('Sai mã');
  });

  it('shows the ten recovery codes once and goes on only when the person says they saved them', () => {
    const onContinue = vi.fn();
    renderTranslated(<RecoveryCodesPanel codes={CODES} username="vp.test" onContinue={onContinue} />);
    expect(screen.getByTestId('recovery-codes').querySelectorAll('li')).toHaveLength(10);
    expect(screen.getByText('abcd0-efgh0')).toBeTruthy();
    const go = screen.getByRole('button', { name: 'Tiếp tục' }) as HTMLButtonElement;
    expect(go.disabled).toBe(true);
    fireEvent.click(go);
    expect(onContinue).not.toHaveBeenCalled();
    fireEvent.click(screen.getByLabelText('Tôi đã lưu các mã khôi phục'));
    expect(go.disabled).toBe(false);
    fireEvent.click(go);
    expect(onContinue).toHaveBeenCalledOnce();
  });

  it('copies the codes with a heading naming the account', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await i18n.changeLanguage('en');
    renderTranslated(<RecoveryCodesPanel codes={CODES} username="vp.test" onContinue={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledOnce();
    const text = String((writeText.mock.calls[0] as unknown[])[0]);
    expect(text).toContain('vp.test');
    for (const code of CODES) expect(text).toContain(code);
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeTruthy();
  });

  it('groups a key of any length', () => {
    expect(groupSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
  });
});
