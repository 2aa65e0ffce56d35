import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n/i18n';
import { expectErrorSummary, placesOf } from '../../../test/error-summary';
import { renderTranslated, resetAfterEach } from '../../../test/render';
import { ExplanationRequestForm } from './explanation-request-form';
import { ReminderForm } from './reminder-form';

function renderForm(send = vi.fn((_input: unknown) => Promise.resolve({}))) {
  renderTranslated(<ExplanationRequestForm subject={{ kind: 'task', taskId: 7 }} send={send} />);
  return send;
}

const days = () => screen.getByLabelText<HTMLInputElement>(/^Số ngày làm việc để giải trình/);
const reason = () => screen.getByLabelText<HTMLTextAreaElement>(/^Lý do yêu cầu giải trình/);
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Gửi yêu cầu giải trình' }));
const RANGE = 'Số ngày làm việc để giải trình phải là số nguyên từ 1 đến 30, ví dụ 5.';

describe('the Office asks for an explanation (ExplanationRequestForm)', () => {
  resetAfterEach();

  it('offers 5 working days, and refuses "abc" with a Vietnamese message beside the field and in the summary', () => {
    const send = renderForm();
    expect(days().value).toBe('5');
    fireEvent.change(reason(), { target: { value: 'Quá hạn 20 ngày, chưa cập nhật tiến độ.' } });
    fireEvent.change(days(), { target: { value: 'abc' } });
    submit();
    expect(placesOf(RANGE)).toEqual(['field', 'summary']);
    expectErrorSummary([[RANGE, days()]]);
    expect(days().getAttribute('aria-invalid')).toBe('true');
    // The box keeps what was typed, so it can be corrected.
    expect(days().value).toBe('abc');
    expect(send).not.toHaveBeenCalled();
  });

  it.each(['0', '31', '2,5', '1.000', '5 ngày'])('refuses %s working days', (typed) => {
    const send = renderForm();
    fireEvent.change(reason(), { target: { value: 'Chậm tiến độ.' } });
    fireEvent.change(days(), { target: { value: typed } });
    submit();
    expect(screen.getByText(RANGE, { selector: '.form__error' })).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
  });

  it('asks for the reason and the days when they are left empty, in the order of the form', () => {
    renderForm();
    fireEvent.change(days(), { target: { value: ' ' } });
    submit();
    expectErrorSummary([
      ['Vui lòng nhập lý do yêu cầu giải trình.', reason()],
      ['Vui lòng nhập số ngày làm việc để giải trình.', days()],
    ]);
  });

  it('in English too', async () => {
    await i18n.changeLanguage('en');
    renderForm();
    fireEvent.change(screen.getByLabelText(/^Working days to explain/), { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send explanation request' }));
    expect(
      screen.getByText('Working days to explain must be a whole number from 1 to 30, for example 5.', {
        selector: '.form__error',
      }),
    ).toBeTruthy();
  });

  it('sends the reason and the days read as typed, with an idempotency key, then offers 5 again', async () => {
    const send = renderForm();
    fireEvent.change(reason(), { target: { value: 'Quá hạn 20 ngày.' } });
    fireEvent.change(days(), { target: { value: ' 10 ' } });
    submit();
    await waitFor(() => expect(send).toHaveBeenCalledOnce());
    expect(send.mock.calls[0]?.[0]).toEqual({
      taskId: 7,
      reason: 'Quá hạn 20 ngày.',
      workingDays: 10,
      idempotencyKey: expect.any(String),
    });
    await waitFor(() => expect(days().value).toBe('5'));
    expect(reason().value).toBe('');
  });
});

describe('the Office reminds the lead agency (ReminderForm)', () => {
  resetAfterEach();

  it('asks for the message, then sends it for this one task', async () => {
    const send = vi.fn((_input: unknown) => Promise.resolve({ reminded: 1, duplicate: false }));
    renderTranslated(<ReminderForm subject={{ kind: 'task', taskId: 9 }} send={send} />);
    const message = screen.getByLabelText<HTMLTextAreaElement>(/^Lời nhắc/);
    fireEvent.click(screen.getByRole('button', { name: 'Gửi đôn đốc' }));
    expectErrorSummary([['Vui lòng nhập lời nhắc.', message]]);
    expect(send).not.toHaveBeenCalled();
    fireEvent.change(message, { target: { value: 'Đề nghị cập nhật tiến độ trong tuần này.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi đôn đốc' }));
    await waitFor(() => expect(send).toHaveBeenCalledOnce());
    expect(send.mock.calls[0]?.[0]).toMatchObject({
      taskIds: [9],
      message: 'Đề nghị cập nhật tiến độ trong tuần này.',
    });
  });
});

describe('the same forms about a late or missing report', () => {
  resetAfterEach();
  const report = { kind: 'report', templateId: 4, agencyId: 12, periodKey: '2026-Q3' } as const;

  it('reminds the agency of its one missing report', async () => {
    const send = vi.fn((_input: unknown) => Promise.resolve({ reminded: 1, duplicate: false }));
    renderTranslated(<ReminderForm subject={report} send={send} />);
    fireEvent.change(screen.getByLabelText(/^Lời nhắc/), { target: { value: 'Đề nghị gửi báo cáo quý.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi đôn đốc' }));
    await waitFor(() => expect(send).toHaveBeenCalledOnce());
    expect(send.mock.calls[0]?.[0]).toEqual({
      templateId: 4,
      periodKey: '2026-Q3',
      agencyIds: [12],
      message: 'Đề nghị gửi báo cáo quý.',
      idempotencyKey: expect.any(String),
    });
  });

  it('asks the agency to explain its report, within the working days typed', async () => {
    const send = vi.fn((_input: unknown) => Promise.resolve({}));
    renderTranslated(<ExplanationRequestForm subject={report} send={send} />);
    expect(screen.getByText(/nguyên nhân chậm hoặc chưa gửi báo cáo/)).toBeTruthy();
    fireEvent.change(reason(), { target: { value: 'Quá hạn chưa gửi báo cáo.' } });
    fireEvent.change(days(), { target: { value: '3' } });
    submit();
    await waitFor(() => expect(send).toHaveBeenCalledOnce());
    expect(send.mock.calls[0]?.[0]).toEqual({
      templateId: 4,
      agencyId: 12,
      periodKey: '2026-Q3',
      reason: 'Quá hạn chưa gửi báo cáo.',
      workingDays: 3,
      idempotencyKey: expect.any(String),
    });
  });
});
