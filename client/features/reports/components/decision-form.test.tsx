import { fireEvent, screen } from '@testing-library/react';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n/i18n';
import { expectErrorSummary, placesOf } from '../../../test/error-summary';
import { renderTranslated, resetAfterEach } from '../../../test/render';
import { DecisionForm } from './decision-form';

describe('DecisionForm', () => {
  resetAfterEach();

  it('returning without a comment: the error summary links to the comment, which keeps its message', () => {
    const decide = vi.fn(() => Promise.resolve());
    renderTranslated(<DecisionForm mode="office" decide={decide} />);
    fireEvent.click(screen.getByRole('button', { name: 'Trả lại' }));
    expect(placesOf('Vui lòng nhập ý kiến khi trả lại báo cáo.')).toEqual(['field', 'summary']);
    expectErrorSummary([['Vui lòng nhập ý kiến khi trả lại báo cáo.', screen.getByLabelText(/^Ý kiến/)]]);
    expect(decide).not.toHaveBeenCalled();
  });

  it('reopening asks for its reason the same way, in English too', async () => {
    await i18n.changeLanguage('en');
    renderTranslated(<DecisionForm mode="reopen" decide={vi.fn(() => Promise.resolve())} />);
    fireEvent.click(screen.getByRole('button', { name: 'Reopen' }));
    expectErrorSummary(
      [['Please enter the reason for reopening.', screen.getByLabelText(/^Reason for reopening/)]],
      'There is a problem',
    );
  });

  it('a refusal with no field stays the alert above the form, once', async () => {
    const locked = new TRPCClientError('submissionLocked', {
      result: { error: { message: 'submissionLocked', code: -32009, data: { appCode: 'CONFLICT' } } },
    } as never);
    renderTranslated(<DecisionForm mode="leader" decide={vi.fn(() => Promise.reject(locked))} />);
    fireEvent.click(screen.getByRole('button', { name: 'Duyệt' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Báo cáo đã chuyển sang bước khác');
    expect(screen.queryByRole('alert', { name: 'Có lỗi cần sửa' })).toBeNull();
  });
});
