import { fireEvent, screen, waitFor } from '@testing-library/react';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it, vi } from 'vitest';
import { expectErrorSummary, placesOf } from '../../../test/error-summary';
import { renderTranslated, resetAfterEach } from '../../../test/render';
import { ExplanationAnswerForm } from './explanation-answer-form';
import { ExplanationDecisionForm } from './explanation-decision-form';

/** A refusal as the server's error formatter sends it (server/trpc/init.ts). */
function refusal(appCode: string, message: string, details: Record<string, unknown>) {
  return new TRPCClientError(message, {
    result: {
      error: { message, code: -32600, data: { appCode, details } },
    },
  } as never);
}

const REQUEST = { id: 4, version: 3 };
const cause = () => screen.getByLabelText<HTMLTextAreaElement>(/^Nguyên nhân/);
const remedy = () => screen.getByLabelText<HTMLTextAreaElement>(/^Giải pháp khắc phục/);
const date = () => screen.getByLabelText<HTMLInputElement>(/^Ngày cam kết hoàn thành/);
const send = () => fireEvent.click(screen.getByRole('button', { name: 'Gửi giải trình' }));

function renderAnswer(answer = vi.fn((_input: unknown) => Promise.resolve({})), onReload = vi.fn()) {
  renderTranslated(<ExplanationAnswerForm request={REQUEST} send={answer} onReload={onReload} />);
  return { answer, onReload };
}

function fill(committed: string) {
  fireEvent.change(cause(), { target: { value: 'Chờ ý kiến thẩm định của Bộ Tư pháp.' } });
  fireEvent.change(remedy(), { target: { value: 'Họp liên ngành trong tháng.' } });
  fireEvent.change(date(), { target: { value: committed } });
}

describe('the lead agency explains (ExplanationAnswerForm)', () => {
  resetAfterEach();

  it('asks for the cause, the remedy and the date, each linked from the summary', () => {
    const { answer } = renderAnswer();
    send();
    expectErrorSummary([
      ['Vui lòng nhập nguyên nhân.', cause()],
      ['Vui lòng nhập giải pháp khắc phục.', remedy()],
      ['Vui lòng nhập ngày cam kết hoàn thành.', date()],
    ]);
    expect(answer).not.toHaveBeenCalled();
  });

  it('refuses a date that does not exist, and sends one typed dd/mm/yyyy as the version it answers', async () => {
    const { answer } = renderAnswer();
    fill('31/02/2027');
    send();
    expect(
      screen.getByText(
        'Ngày cam kết hoàn thành phải là một ngày có thật, dạng dd/mm/yyyy, ví dụ 31/12/2026.',
        { selector: '.form__error' },
      ),
    ).toBeTruthy();
    fireEvent.change(date(), { target: { value: '5/3/2027' } });
    send();
    await waitFor(() => expect(answer).toHaveBeenCalledOnce());
    expect(answer.mock.calls[0]?.[0]).toEqual({
      id: 4,
      version: 3,
      cause: 'Chờ ý kiến thẩm định của Bộ Tư pháp.',
      remedy: 'Họp liên ngành trong tháng.',
      committedDate: '2027-03-05',
    });
  });

  it('shows the server’s refusal of a past date under the date field and in the summary', async () => {
    const past = refusal('VALIDATION', 'dateInPast', { field: 'committedDate' });
    renderAnswer(vi.fn(() => Promise.reject(past)));
    fill('01/01/2020');
    send();
    await screen.findByRole('alert', { name: 'Có lỗi cần sửa' });
    const message = 'Ngày cam kết hoàn thành không được trước ngày hôm nay.';
    expect(placesOf(message)).toEqual(['field', 'summary']);
    expect(date().getAttribute('aria-invalid')).toBe('true');
    // What was typed stays, to be corrected.
    expect(cause().value).toBe('Chờ ý kiến thẩm định của Bộ Tư pháp.');
  });

  it('says someone else changed the request and offers to reload it, keeping what was typed', async () => {
    const stale = refusal('CONFLICT', 'staleVersion', { reason: 'staleVersion', currentVersion: 4 });
    const { onReload } = renderAnswer(vi.fn(() => Promise.reject(stale)));
    fill('01/06/2027');
    send();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Yêu cầu giải trình đã được người khác thay đổi. Tải lại để xem bản mới nhất.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Tải lại' }));
    expect(onReload).toHaveBeenCalledOnce();
    expect(remedy().value).toBe('Họp liên ngành trong tháng.');
  });
});

describe('a decision on an explanation (ExplanationDecisionForm)', () => {
  resetAfterEach();

  function renderDecision(stage: 'leader' | 'office') {
    const decide = vi.fn((_input: unknown) => Promise.resolve({}));
    renderTranslated(
      <ExplanationDecisionForm stage={stage} request={REQUEST} send={decide} onReload={() => {}} />,
    );
    return decide;
  }
  const comment = () => screen.getByLabelText<HTMLTextAreaElement>(/^Ý kiến/);
  const COMMENT_REQUIRED = 'Vui lòng nhập ý kiến để người giải trình biết cần bổ sung điều gì.';

  it('the leader sends back only with a comment, and approves without one', async () => {
    const decide = renderDecision('leader');
    fireEvent.click(screen.getByRole('button', { name: 'Trả lại giải trình' }));
    expect(placesOf(COMMENT_REQUIRED)).toEqual(['field', 'summary']);
    expectErrorSummary([[COMMENT_REQUIRED, comment()]]);
    expect(decide).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Duyệt giải trình' }));
    await waitFor(() => expect(decide).toHaveBeenCalledOnce());
    expect(decide.mock.calls[0]?.[0]).toMatchObject({ id: 4, version: 3, step: 'approve', comment: '' });
    // The leader gives no working days: that field is the Office's.
    expect(screen.queryByLabelText(/Số ngày làm việc/)).toBeNull();
  });

  it('the Office asks again with a comment and the working days typed, refusing "abc"', async () => {
    const decide = renderDecision('office');
    const days = screen.getByLabelText<HTMLInputElement>(/^Số ngày làm việc để giải trình lại/);
    fireEvent.change(days, { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Yêu cầu giải trình lại' }));
    expectErrorSummary([
      [COMMENT_REQUIRED, comment()],
      ['Số ngày làm việc để giải trình lại phải là số nguyên từ 1 đến 30, ví dụ 5.', days],
    ]);
    fireEvent.change(comment(), { target: { value: 'Chưa nêu lộ trình cụ thể.' } });
    fireEvent.change(days, { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Yêu cầu giải trình lại' }));
    await waitFor(() => expect(decide).toHaveBeenCalledOnce());
    expect(decide.mock.calls[0]?.[0]).toMatchObject({
      step: 'askAgain',
      comment: 'Chưa nêu lộ trình cụ thể.',
      workingDays: 3,
    });
  });

  it('the Office accepts without a comment, whatever the days box holds', async () => {
    const decide = renderDecision('office');
    fireEvent.change(screen.getByLabelText(/^Số ngày làm việc/), { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Chấp nhận giải trình' }));
    await waitFor(() => expect(decide).toHaveBeenCalledOnce());
    expect(decide.mock.calls[0]?.[0]).toMatchObject({ step: 'accept' });
  });
});
