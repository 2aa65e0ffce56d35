import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { EscalationRuleView } from '../../../../shared/schemas/escalation';
import { renderTranslated, resetAfterEach } from '../../../test/render';
import { EscalationRuleForm } from './escalation-rule-form';

const RULE: EscalationRuleView = {
  kind: 'half_time_low_progress',
  enabled: true,
  params: { elapsedPercent: 50, progressBelow: 50 },
  version: 0,
  updatedAt: null,
  updatedBy: null,
};

function renderForm(rule = RULE) {
  const send = vi.fn((_input: unknown) => Promise.resolve({}));
  renderTranslated(<EscalationRuleForm rule={rule} send={send} onReload={() => {}} />);
  return { send };
}

const fill = (label: RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('EscalationRuleForm', () => {
  resetAfterEach();

  it('refuses a percentage out of range, in Vietnamese, naming the field, and sends nothing', () => {
    const { send } = renderForm();
    fill(/Tiến độ dưới/, '150');
    fill(/Thời gian đã qua từ/, 'năm mươi');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu quy tắc' }));
    expect(
      screen.getByText('Tiến độ dưới (%) vượt quá giới hạn cho phép.', { selector: '.form__error' }),
    ).toBeTruthy();
    expect(
      screen.getByText('Thời gian đã qua từ (%) phải là một số.', { selector: '.form__error' }),
    ).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
  });

  it('sends the rule switched off with its parameters and the version it read', async () => {
    const { send } = renderForm();
    fill(/Tiến độ dưới/, '30');
    fireEvent.click(screen.getByLabelText('Áp dụng quy tắc này'));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu quy tắc' }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send.mock.calls[0]?.[0]).toEqual({
      kind: 'half_time_low_progress',
      enabled: false,
      params: { elapsedPercent: 50, progressBelow: 30 },
      version: 0,
    });
    expect(await screen.findByText(/Đã lưu quy tắc/)).toBeTruthy();
  });

  it('shows a report rule with its name, help text and parameters, and sends them', async () => {
    const { send } = renderForm({
      ...RULE,
      kind: 'explanation_after_missed_report',
      enabled: false,
      params: { workingDays: 5, answerWorkingDays: 5 },
    });
    expect(screen.getByRole('heading', { name: 'Tự động yêu cầu giải trình báo cáo chưa gửi' })).toBeTruthy();
    expect(screen.getByText(/báo cáo định kỳ của một cơ quan vẫn chưa gửi sau hạn nộp/)).toBeTruthy();
    fill(/Số ngày làm việc quá hạn/, '3');
    fireEvent.click(screen.getByLabelText('Áp dụng quy tắc này'));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu quy tắc' }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send.mock.calls[0]?.[0]).toEqual({
      kind: 'explanation_after_missed_report',
      enabled: true,
      params: { workingDays: 3, answerWorkingDays: 5 },
      version: 0,
    });
  });

  it('refuses a forecast threshold of zero days for the likely-late rule', () => {
    const { send } = renderForm({ ...RULE, kind: 'likely_late', params: { minDaysLate: 7 } });
    fill(/Dự báo trễ từ/, '0');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu quy tắc' }));
    expect(
      screen.getByText('Dự báo trễ từ (ngày) nhỏ hơn mức tối thiểu cho phép.', { selector: '.form__error' }),
    ).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
  });
});
