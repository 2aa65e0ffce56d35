import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n/i18n';
import { renderTranslated, resetAfterEach } from '../../../test/render';
import { LanguageForm } from './language-section';

describe('the user chooses the language of the interface and of their mails (LanguageForm)', () => {
  resetAfterEach();

  it('shows the account’s language, says what it governs, and saves the one chosen', async () => {
    const send = vi.fn((_language: string) => Promise.resolve({}));
    renderTranslated(<LanguageForm language="vi" send={send} />);
    const group = screen.getByRole('group', { name: 'Ngôn ngữ của giao diện và thư gửi cho bạn' });
    expect(group).toBeTruthy();
    expect(
      screen.getByText(/thư thông báo và thư tổng hợp hằng ngày cũng được viết bằng ngôn ngữ này/),
    ).toBeTruthy();
    const vietnamese = screen.getByRole<HTMLInputElement>('radio', { name: 'Tiếng Việt' });
    const english = screen.getByRole<HTMLInputElement>('radio', { name: 'English' });
    expect(vietnamese.checked).toBe(true);
    expect(english.closest('label')?.getAttribute('lang')).toBe('en');
    fireEvent.click(english);
    fireEvent.click(screen.getByRole('button', { name: 'Lưu ngôn ngữ' }));
    await waitFor(() => expect(send).toHaveBeenCalledWith('en'));
    expect(await screen.findByText('Đã lưu ngôn ngữ.')).toBeTruthy();
  });

  it('reads in English for an English reader, and says a refusal', async () => {
    await i18n.changeLanguage('en');
    const send = vi.fn(() => Promise.reject(new Error('offline')));
    renderTranslated(<LanguageForm language="en" send={send} />);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'English' }).checked).toBe(true);
    expect(screen.getByRole('group', { name: 'Language of the interface and of your mails' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Tiếng Việt' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save the language' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.queryByText('Language saved.')).toBeNull();
  });
});
