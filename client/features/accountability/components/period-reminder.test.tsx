import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it, vi } from 'vitest';
import type { RemindReportsInput, ReportsToRemindInput } from '../../../../shared/schemas/accountability';
import { i18n } from '../../../lib/i18n/i18n';
import { expectErrorSummary } from '../../../test/error-summary';
import { renderTranslated, resetAfterEach } from '../../../test/render';
import { PeriodReminderForm } from './period-reminder';

/** A refusal as the server's error formatter sends it (server/trpc/init.ts). */
function refusal(appCode: string, message: string, details: Record<string, unknown> = {}) {
  return new TRPCClientError(message, {
    result: { error: { message, code: -32600, data: { appCode, details } } },
  } as never);
}

const PERIODS = [
  { key: '2026-Q1', due: true },
  { key: '2026-Q2', due: true },
  // Not past its deadline: nobody can be reminded of it yet.
  { key: '2026-Q3', due: false },
];
const ids = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i);

function renderForm({
  agencyIds = ids(37),
  max = 1000,
  send = vi.fn((input: RemindReportsInput) =>
    Promise.resolve({ reminded: input.agencyIds?.length ?? 0, duplicate: false }),
  ),
  level = '',
}: {
  agencyIds?: number[];
  max?: number;
  send?: (input: RemindReportsInput) => Promise<{ reminded: number }>;
  level?: '' | 'commune';
} = {}) {
  const findAgencies = vi.fn((_input: ReportsToRemindInput) => Promise.resolve({ agencyIds, max }));
  const refresh = vi.fn(() => Promise.resolve());
  const sendMock = vi.fn(send);
  renderTranslated(
    <PeriodReminderForm
      templateId={4}
      periods={PERIODS}
      level={level}
      findAgencies={findAgencies}
      send={sendMock}
      refresh={refresh}
    />,
  );
  return { findAgencies, send: sendMock, refresh };
}

const message = () => screen.getByLabelText<HTMLTextAreaElement>(/^Lời nhắc/);
const period = () => screen.getByLabelText<HTMLSelectElement>(/^Kỳ báo cáo/);
const ask = () => fireEvent.click(screen.getByRole('button', { name: 'Đôn đốc các cơ quan chưa gửi' }));
const dialog = () => screen.getByRole('dialog', { name: 'Xác nhận đôn đốc cả kỳ' });
const confirm = () => fireEvent.click(within(dialog()).getByRole('button', { name: 'Gửi đôn đốc' }));

describe('the Office reminds a whole period (PeriodReminderForm)', () => {
  resetAfterEach();

  it('offers the periods past their deadline, newest first, and asks for the message first', () => {
    const { findAgencies } = renderForm();
    expect([...period().options].map((o) => o.textContent)).toEqual(['Quý II/2026', 'Quý I/2026']);
    expect(period().value).toBe('2026-Q2');
    ask();
    expectErrorSummary([['Vui lòng nhập lời nhắc.', message()]]);
    expect(findAgencies).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it("confirms with the server's count, then reminds exactly those agencies and says how many", async () => {
    const { findAgencies, send, refresh } = renderForm({ level: 'commune' });
    fireEvent.change(period(), { target: { value: '2026-Q1' } });
    fireEvent.change(message(), { target: { value: 'Đề nghị gửi báo cáo quý trước ngày 20.' } });
    ask();
    await waitFor(() => expect(dialog()).toBeTruthy());
    expect(findAgencies).toHaveBeenCalledWith({ templateId: 4, periodKey: '2026-Q1', level: 'commune' });
    expect(dialog().textContent).toContain(
      'Lời nhắc sẽ được gửi tới 37 cơ quan chưa gửi báo cáo kỳ quý I/2026.',
    );
    expect(dialog().textContent).toContain('Lời nhắc: “Đề nghị gửi báo cáo quý trước ngày 20.”');
    // The safe choice has the focus: Enter pressed at once sends nothing.
    expect(document.activeElement).toBe(within(dialog()).getByRole('button', { name: 'Hủy' }));
    expect(send).not.toHaveBeenCalled();

    confirm();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Đã nhắc 37 cơ quan.'));
    expect(send).toHaveBeenCalledOnce();
    expect(send.mock.calls[0]?.[0]).toEqual({
      templateId: 4,
      periodKey: '2026-Q1',
      agencyIds: ids(37),
      message: 'Đề nghị gửi báo cáo quý trước ngày 20.',
      idempotencyKey: expect.any(String),
    });
    expect(refresh).toHaveBeenCalledOnce();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('status'));
    expect(message().value).toBe('');
  });

  it('cancelling sends nothing and closes the dialog', async () => {
    const { send } = renderForm();
    fireEvent.change(message(), { target: { value: 'Nhắc gửi báo cáo.' } });
    ask();
    await waitFor(() => expect(dialog()).toBeTruthy());
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Hủy' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(send).not.toHaveBeenCalled();
    expect(message().value).toBe('Nhắc gửi báo cáo.');
  });

  it('says so when no agency is missing the report, without a dialog', async () => {
    const { send } = renderForm({ agencyIds: [] });
    fireEvent.change(message(), { target: { value: 'Nhắc gửi báo cáo.' } });
    ask();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Kỳ này không có cơ quan nào chưa gửi báo cáo: không có ai để đôn đốc.');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(send).not.toHaveBeenCalled();
  });

  it("shows the server's refusal in Vietnamese in the dialog, which stays open to try again", async () => {
    const send = () => Promise.reject(refusal('FORBIDDEN', 'FORBIDDEN'));
    renderForm({ send });
    fireEvent.change(message(), { target: { value: 'Nhắc gửi báo cáo.' } });
    ask();
    await waitFor(() => expect(dialog()).toBeTruthy());
    confirm();
    const alert = await within(dialog()).findByRole('alert');
    expect(alert.textContent).toBe('Bạn không có quyền truy cập chức năng này.');
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('sends more than 1,000 agencies in selections of 1,000, and goes on from a failed one', async () => {
    let attempts = 0;
    const { send } = renderForm({
      agencyIds: ids(2345),
      send: (input) => {
        attempts += 1;
        // The second selection fails once (the connection dropped).
        if (attempts === 2) return Promise.reject(new TypeError('Failed to fetch'));
        return Promise.resolve({ reminded: input.agencyIds?.length ?? 0, duplicate: false });
      },
    });
    fireEvent.change(message(), { target: { value: 'Đề nghị các xã gửi báo cáo.' } });
    ask();
    await waitFor(() => expect(dialog()).toBeTruthy());
    expect(dialog().textContent).toContain('tới 2.345 cơ quan');
    expect(dialog().textContent).toContain('tối đa 1.000 cơ quan: lời nhắc được gửi thành 3 đợt');
    confirm();
    await waitFor(() =>
      expect(dialog().textContent).toContain('Đã nhắc 1.000 cơ quan; các cơ quan còn lại chưa được nhắc.'),
    );
    confirm();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Đã nhắc 2.345 cơ quan.'));
    const sent = send.mock.calls.map(([input]) => input as { agencyIds: number[]; idempotencyKey: string });
    expect(sent.map((s) => s.agencyIds.length)).toEqual([1000, 1000, 1000, 345]);
    expect(sent[1]?.agencyIds).toEqual(sent[2]?.agencyIds);
    expect(sent[3]?.agencyIds).toEqual(ids(345, 2001));
    const key = sent[0]?.idempotencyKey.replace(/:1$/, '');
    expect(sent.map((s) => s.idempotencyKey)).toEqual([`${key}:1`, `${key}:2`, `${key}:2`, `${key}:3`]);
  });

  it('says when the agencies sent their reports while the Office was confirming', async () => {
    renderForm({
      send: () => Promise.reject(refusal('VALIDATION', 'nothingToRemind', { reason: 'nothingToRemind' })),
    });
    fireEvent.change(message(), { target: { value: 'Nhắc gửi báo cáo.' } });
    ask();
    await waitFor(() => expect(dialog()).toBeTruthy());
    confirm();
    const alert = await within(dialog()).findByRole('alert');
    expect(alert.textContent).toBe(
      'Các cơ quan đã gửi báo cáo trong lúc chờ xác nhận: không còn ai để đôn đốc.',
    );
  });

  it('in English too', async () => {
    await i18n.changeLanguage('en');
    renderForm({ agencyIds: ids(2) });
    fireEvent.change(screen.getByLabelText(/^Reminder/), { target: { value: 'Please send the report.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remind agencies not yet reporting' }));
    const box = await screen.findByRole('dialog', { name: 'Confirm the reminder for the whole period' });
    expect(box.textContent).toContain(
      'The reminder will be sent to 2 agencies that have not sent their report for Q2 2026.',
    );
    fireEvent.click(within(box).getByRole('button', { name: 'Send reminder' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Reminded 2 agencies.'));
  });

  it('offers nothing when no period is past its deadline', () => {
    renderTranslated(
      <PeriodReminderForm
        templateId={4}
        periods={[{ key: '2026-Q3', due: false }]}
        level=""
        findAgencies={vi.fn()}
        send={vi.fn()}
      />,
    );
    expect(screen.getByText('Chưa có kỳ báo cáo nào quá hạn nộp để đôn đốc.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
