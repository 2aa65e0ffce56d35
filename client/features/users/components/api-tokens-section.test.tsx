import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n/i18n';
import { renderTranslated, resetAfterEach } from '../../../test/render';
import { type TokenRow, TokenShownOnce, TokensTable } from './api-tokens-section';

const row: TokenRow = {
  id: 7,
  prefix: 'dgm_Ab3dE6gH',
  name: 'Phần mềm QLVB',
  agencyId: 12,
  agencyNameVi: 'Bộ Tài chính',
  agencyNameEn: 'Ministry of Finance',
  capabilities: ['progress:write', 'data:read'],
  expiresAt: new Date('2027-03-01T17:00:00Z'),
  createdAt: new Date('2026-12-01T02:00:00Z'),
  createdBy: 'Quản trị hệ thống',
  lastUsedAt: null,
  revokedAt: null,
};

describe('API tokens', () => {
  resetAfterEach();

  it('lists a token by its prefix, agency and capabilities, never its value', () => {
    renderTranslated(<TokensTable rows={[row]} busy={false} revoke={vi.fn()} />);
    const [line] = within(screen.getByTestId('api-tokens')).getAllByRole('row').slice(1);
    expect(line?.textContent).toContain('dgm_Ab3dE6gH…');
    expect(line?.textContent).toContain('Bộ Tài chính');
    expect(line?.textContent).toContain('Cập nhật tiến độ nhiệm vụ, Đọc dữ liệu của cơ quan');
    expect(line?.textContent).toContain('02/03/2027');
    expect(line?.textContent).toContain('Chưa dùng');
  });

  it('revokes only after the confirmation', async () => {
    const revoke = vi.fn().mockResolvedValue(undefined);
    renderTranslated(<TokensTable rows={[row]} busy={false} revoke={revoke} />);
    fireEvent.click(screen.getByRole('button', { name: 'Thu hồi token Phần mềm QLVB' }));
    expect(revoke).not.toHaveBeenCalled();
    const confirm = screen.getByRole('group', { name: /Thu hồi token “Phần mềm QLVB”\?/ });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Thu hồi' }));
    await waitFor(() => expect(revoke).toHaveBeenCalledWith(row));
  });

  it('a revoked or expired token has no revoke button', () => {
    renderTranslated(
      <TokensTable
        rows={[
          { ...row, id: 1, revokedAt: new Date('2026-12-02T03:00:00Z') },
          { ...row, id: 2, expiresAt: new Date('2020-01-01T00:00:00Z') },
        ]}
        busy={false}
        revoke={vi.fn()}
      />,
    );
    expect(screen.queryByRole('button', { name: /Thu hồi/ })).toBeNull();
    expect(screen.getByText(/Đã thu hồi lúc 02\/12\/2026 10:00/)).toBeTruthy();
    expect(screen.getByText('Đã hết hạn')).toBeTruthy();
  });

  it('shows a new token once, with the warning and a copy button', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const token = `dgm_${'x'.repeat(43)}`;
    renderTranslated(
      <TokenShownOnce
        issued={{ id: 7, prefix: token.slice(0, 12), token, name: 'Phần mềm QLVB' }}
        onClose={vi.fn()}
      />,
    );
    expect((screen.getByLabelText('Token') as HTMLInputElement).value).toBe(token);
    expect(screen.getByText(/chỉ hiện một lần/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sao chép token' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(token));
    expect(await screen.findByText('Đã sao chép token.')).toBeTruthy();
  });

  it('speaks English too', async () => {
    await i18n.changeLanguage('en');
    renderTranslated(<TokensTable rows={[row]} busy={false} revoke={vi.fn()} />);
    expect(screen.getByText("Post task progress, Read the agency's data")).toBeTruthy();
    expect(screen.getByText('Ministry of Finance')).toBeTruthy();
  });
});
