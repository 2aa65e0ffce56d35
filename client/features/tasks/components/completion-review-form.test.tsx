import { fireEvent, screen, waitFor } from '@testing-library/react';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n/i18n';
import { expectErrorSummary, placesOf } from '../../../test/error-summary';
import { renderTranslated, resetAfterEach } from '../../../test/render';
import { CompletionReviewForm } from './completion-review-form';

const REPORT = {
  id: 3,
  version: 2,
  result: 'Đã ban hành quy chế',
  completionDate: '2026-11-20',
  reportedByName: 'Trần Thị B',
};

function renderForm(send = vi.fn((_input: unknown) => Promise.resolve({}))) {
  renderTranslated(
    <CompletionReviewForm
      stage="office"
      decider="Văn phòng Chính phủ"
      report={REPORT}
      send={send}
      onReload={() => {}}
    />,
  );
  return send;
}

describe('a reviewer’s decision on a task (TaskDecisionForm)', () => {
  it('a commune leader sends the report to the province that assigned the task', () => {
    renderTranslated(
      <CompletionReviewForm
        stage="leader"
        decider="Thành phố Hà Nội"
        report={REPORT}
        send={vi.fn(() => Promise.resolve({}))}
        onReload={() => {}}
      />,
    );
    expect(screen.getByRole('button', { name: 'Duyệt và gửi Thành phố Hà Nội' })).toBeTruthy();
  });

  resetAfterEach();

  it('returning without a comment: the error summary links to the comment, which keeps its message', () => {
    const send = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Trả lại' }));
    expect(placesOf('Vui lòng nhập ý kiến khi trả lại.')).toEqual(['field', 'summary']);
    expectErrorSummary([['Vui lòng nhập ý kiến khi trả lại.', screen.getByLabelText(/^Ý kiến/)]]);
    expect(send).not.toHaveBeenCalled();
  });

  it('in English too', async () => {
    await i18n.changeLanguage('en');
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Return' }));
    expect(screen.getByRole('alert', { name: 'There is a problem' })).toBeTruthy();
  });

  it('a refusal the server pins on the comment is said once, beside it and in the summary', async () => {
    const refusal = new TRPCClientError('VALIDATION', {
      result: {
        error: {
          message: 'VALIDATION',
          code: -32600,
          data: { appCode: 'VALIDATION', issues: [{ path: 'comment', message: 'commentRequired' }] },
        },
      },
    } as never);
    renderForm(vi.fn(() => Promise.reject(refusal)));
    fireEvent.change(screen.getByLabelText(/^Ý kiến/), { target: { value: ' x ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Trả lại' }));
    await screen.findByRole('alert', { name: 'Có lỗi cần sửa' });
    expect(placesOf('Vui lòng nhập ý kiến khi trả lại.')).toEqual(['field', 'summary']);
    expect(document.querySelector('.form__alert')).toBeNull();
  });

  it('says nothing of its own once sent: the task’s actions say what was done and what comes next', async () => {
    const send = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Chấp nhận hoàn thành' }));
    await waitFor(() => expect(send).toHaveBeenCalledOnce());
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Trả lại' })).toHaveProperty('disabled', false),
    );
    expect(screen.queryByText('Đã gửi thành công.')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
