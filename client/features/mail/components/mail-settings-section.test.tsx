import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MAIL_KIND_DEFAULTS, MAIL_KINDS } from '../../../../shared/mail';
import type { MailSettings } from '../../../../shared/schemas/mail';
import { renderTranslated, resetAfterEach } from '../../../test/render';
import { MailSettingsForm } from './mail-settings-section';

const SETTINGS: MailSettings = {
  email: null,
  preferences: MAIL_KINDS.map((kind) => ({ kind, delivery: MAIL_KIND_DEFAULTS[kind], isDefault: true })),
  smtp: false,
};

function renderForm(send = vi.fn((_input: unknown) => Promise.resolve({}))) {
  renderTranslated(<MailSettingsForm settings={SETTINGS} send={send} />);
  return send;
}
const group = (name: string) => screen.getByRole('group', { name });
const email = () => screen.getByLabelText<HTMLInputElement>(/^Địa chỉ thư điện tử/);
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Lưu cài đặt' }));

describe('the user chooses how notifications are mailed (MailSettingsForm)', () => {
  resetAfterEach();

  it('offers a radio group per kind in Vietnamese, the default chosen; the overview has no "at once"', () => {
    renderForm();
    const asked = group('Yêu cầu giải trình');
    expect(within(asked).getByRole('radio', { name: /Gửi ngay/ })).toHaveProperty('checked', true);
    expect(
      within(asked)
        .getByRole('radio', { name: /Gửi ngay/ })
        .closest('label')?.textContent,
    ).toContain('(mặc định)');
    expect(
      within(group('Văn phòng Chính phủ đôn đốc')).getByRole('radio', { name: /Thư tổng hợp/ }),
    ).toHaveProperty('checked', true);
    const summary = group('Tổng hợp việc quá hạn, sắp đến hạn và chờ bạn xử lý');
    expect(within(summary).queryByRole('radio', { name: /Gửi ngay/ })).toBeNull();
    expect(screen.getByText(/thư được lưu trong hộp thư đi/)).toBeTruthy();
  });

  it('refuses an address that is not one, and sends only the choices that differ from the defaults', async () => {
    const send = renderForm();
    fireEvent.change(email(), { target: { value: 'btc.chuyenvien' } });
    save();
    expect(screen.getAllByText('Địa chỉ thư điện tử không hợp lệ.').length).toBeGreaterThan(0);
    expect(send).not.toHaveBeenCalled();
    fireEvent.change(email(), { target: { value: 'cv@mof.gov.vn' } });
    fireEvent.click(
      within(group('Văn phòng Chính phủ đôn đốc')).getByRole('radio', { name: /Không gửi thư/ }),
    );
    save();
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send.mock.calls[0]?.[0]).toEqual({
      email: 'cv@mof.gov.vn',
      preferences: [{ kind: 'reminder', delivery: 'off' }],
    });
    expect(await screen.findByText('Đã lưu cài đặt nhận thư.')).toBeTruthy();
  });
});
