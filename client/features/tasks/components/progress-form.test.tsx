import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n/i18n';
import { renderWithApi, resetAfterEach } from '../../../test/render';
import { ProgressForm } from './progress-form';

function renderForm(kind: 'progress' | 'contribution' = 'progress') {
  const send = vi.fn(() => Promise.resolve({ id: 1, duplicate: false }));
  renderWithApi(<ProgressForm taskId={7} kind={kind} send={send} />);
  return send;
}

const MB = 1024 * 1024;
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The evidence routes (server/http/evidence.ts): the agency's usage, and an upload answered `upload`. */
function stubEvidenceApi(upload: () => Response = () => json(201, { id: 5 })) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) =>
    url === '/api/evidence/usage' && !init?.method
      ? json(200, { usedBytes: 1.5 * MB, quotaBytes: 2048 * MB })
      : upload(),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('ProgressForm', () => {
  resetAfterEach();
  beforeEach(() => {
    stubEvidenceApi();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('refuses 150 percent with the translated message beside the field', () => {
    const send = renderForm();
    fireEvent.change(screen.getByLabelText(/Phần trăm hoàn thành/), { target: { value: '150' } });
    fireEvent.change(screen.getByLabelText(/Diễn giải/), { target: { value: 'Đã hoàn thành dự thảo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi cập nhật tiến độ' }));
    const percent = screen.getByLabelText(/Phần trăm hoàn thành/);
    expect(percent.getAttribute('aria-invalid')).toBe('true');
    const message = screen.getByText('Phần trăm hoàn thành phải là số nguyên từ 0 đến 100.', {
      selector: '.form__error',
    });
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
      expect(screen.getByText(expected, { selector: '.form__error' })).toBeTruthy();
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
    expect(
      screen.getByText('Percent complete must be a whole number from 0 to 100.', {
        selector: '.form__error',
      }),
    ).toBeTruthy();
    expect(screen.getByText('Please enter the narrative.', { selector: '.form__error' })).toBeTruthy();
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
    // Emptied once sent; the task's actions say what was done and what comes next, not the form.
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>(/Diễn giải/).value).toBe(''));
    expect(screen.queryByRole('status')).toBeNull();
    fill();
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    const calls = send.mock.calls as unknown as [{ percent: number; idempotencyKey: string }][];
    expect(calls[0]?.[0].percent).toBe(40);
    expect(calls[0]?.[0].idempotencyKey).not.toBe(calls[1]?.[0].idempotencyKey);
  });

  it("shows the agency's evidence usage, and a refusal past its quota in the officer's language", async () => {
    stubEvidenceApi(() =>
      json(413, {
        error: 'VALIDATION',
        reason: 'uploadQuota',
        usedBytes: 2047.5 * MB,
        quotaBytes: 2048 * MB,
      }),
    );
    const send = renderForm();
    expect(await screen.findByText(/Cơ quan đã dùng 1,5 \/ 2\.048 MB\./)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Phần trăm hoàn thành/), { target: { value: '40' } });
    fireEvent.change(screen.getByLabelText(/Diễn giải/), { target: { value: 'Kèm biên bản' } });
    const file = new File(['%PDF-1.7'], 'bien-ban.pdf', { type: 'application/pdf' });
    fireEvent.change(screen.getByLabelText(/Tệp minh chứng/), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi cập nhật tiến độ' }));
    expect(
      await screen.findByText(
        'Cơ quan đã dùng 2.047,5 / 2.048 MB dung lượng lưu minh chứng; tệp này vượt quá phần còn lại. Hãy liên hệ quản trị hệ thống.',
        { selector: '.form__error' },
      ),
    ).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
  });
});
