import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n/i18n';
import { renderTranslated, resetAfterEach } from '../../../test/render';
import { ProgressForm } from './progress-form';

function renderForm(kind: 'progress' | 'contribution' = 'progress') {
  const send = vi.fn(() => Promise.resolve({ id: 1, duplicate: false }));
  renderTranslated(<ProgressForm taskId={7} kind={kind} send={send} />);
  return send;
}

describe('ProgressForm', () => {
  resetAfterEach();

  it('refuses 150 percent with the translated message beside the field', () => {
    const send = renderForm();
    fireEvent.change(screen.getByLabelText(/Phần trăm hoàn thành/), { target: { value: '150' } });
    fireEvent.change(screen.getByLabelText(/Diễn giải/), { target: { value: 'Đã hoàn thành dự thảo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi cập nhật tiến độ' }));
    const percent = screen.getByLabelText(/Phần trăm hoàn thành/);
    expect(percent.getAttribute('aria-invalid')).toBe('true');
    const message = screen.getByText('Phần trăm hoàn thành phải là số nguyên từ 0 đến 100.');
    expect(percent.getAttribute('aria-describedby')).toContain(message.id);
    expect(send).not.toHaveBeenCalled();
  });

  it('reads the percent as typed in Vietnamese and refuses what is not a whole number from 0 to 100', () => {
    const send = renderForm();
    const percent = () => screen.getByLabelText(/Phần trăm hoàn thành/);
    fireEvent.change(screen.getByLabelText(/Diễn giải/), { target: { value: 'Đã hoàn thành dự thảo' } });
    const cases: [string, string][] = [
      ['12e', 'Phần trăm hoàn thành phải là một số.'],
      ['12,5', 'Phần trăm hoàn thành phải là số nguyên từ 0 đến 100.'],
      ['1.000', 'Phần trăm hoàn thành phải là số nguyên từ 0 đến 100.'],
    ];
    for (const [typed, expected] of cases) {
      fireEvent.change(percent(), { target: { value: typed } });
      fireEvent.click(screen.getByRole('button', { name: 'Gửi cập nhật tiến độ' }));
      expect(screen.getByText(expected)).toBeTruthy();
      // The box keeps what the officer typed, so they can correct it.
      expect((percent() as HTMLInputElement).value).toBe(typed);
    }
    expect(send).not.toHaveBeenCalled();
  });

  it('says it in English too', async () => {
    await i18n.changeLanguage('en');
    renderForm();
    fireEvent.change(screen.getByLabelText(/Percent complete/), { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send progress update' }));
    expect(screen.getByText('Percent complete must be a whole number from 0 to 100.')).toBeTruthy();
    expect(screen.getByText('Please enter the narrative.')).toBeTruthy();
  });

  it('sends a valid update once with an idempotency key, then a new key for the next one', async () => {
    const send = renderForm('contribution');
    expect(screen.getByRole('heading', { name: 'Đóng góp của cơ quan phối hợp' })).toBeTruthy();
    const fill = () => {
      fireEvent.change(screen.getByLabelText(/Phần trăm hoàn thành/), { target: { value: '40' } });
      fireEvent.change(screen.getByLabelText(/Diễn giải/), { target: { value: 'Góp ý dự thảo' } });
      fireEvent.click(screen.getByRole('button', { name: 'Gửi đóng góp' }));
    };
    fill();
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    await screen.findByText('Đã gửi thành công.');
    fill();
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    const calls = send.mock.calls as unknown as [{ percent: number; idempotencyKey: string }][];
    expect(calls[0]?.[0].percent).toBe(40);
    expect(calls[0]?.[0].idempotencyKey).not.toBe(calls[1]?.[0].idempotencyKey);
  });
});
