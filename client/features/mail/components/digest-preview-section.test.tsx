import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../../lib/i18n/i18n';
import { renderTranslated, resetAfterEach } from '../../../test/render';
import { DigestPreviewBody } from './digest-preview-section';

resetAfterEach();

const mail = {
  day: '2026-12-08',
  hasAddress: true,
  subject: '[Giám sát Chính phủ số] Tổng hợp ngày 08/12/2026',
  text: 'Kính gửi Nguyễn Văn A,\nGiải trình cần trả lời\n- Số hoá hồ sơ (hạn 01/12/2026): https://giamsat.example/tasks/7',
};

describe('the digest preview', () => {
  it('shows the morning it is for, the subject and the mail’s text with its links', () => {
    renderTranslated(<DigestPreviewBody preview={mail} />);
    expect(screen.getByText('Thư tổng hợp sáng ngày 08/12/2026.')).toBeTruthy();
    expect(screen.getByRole('article', { name: 'Nội dung thư tổng hợp' }).textContent).toContain(
      mail.subject,
    );
    expect(screen.getByTestId('digest-preview-text').textContent).toBe(mail.text);
  });

  it('says when there is nothing to tell, and when no mail can go for want of an address', () => {
    renderTranslated(
      <DigestPreviewBody preview={{ ...mail, hasAddress: false, subject: null, text: null }} />,
    );
    expect(screen.getByText(/Hiện chưa có nội dung nào để gửi/)).toBeTruthy();
    expect(screen.getByText(/chưa có địa chỉ thư điện tử/)).toBeTruthy();
    expect(screen.queryByRole('article')).toBeNull();
  });

  it('speaks English when chosen', async () => {
    await setLanguage('en');
    renderTranslated(<DigestPreviewBody preview={{ ...mail, subject: null, text: null }} />);
    expect(screen.getByText('Digest of the morning of 08/12/2026.')).toBeTruthy();
    expect(screen.getByText(/Nothing to tell yet/)).toBeTruthy();
  });
});
