import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TemplateField } from '../../../../shared/report-values';
import { i18n } from '../../../lib/i18n/i18n';
import { templateField } from '../report-form-fixtures';
import { SubmissionForm } from './submission-form';

const FIELDS: TemplateField[] = [
  templateField('online_rate', {
    labelVi: 'Tỷ lệ hồ sơ trực tuyến',
    labelEn: 'Online filing rate',
    type: 'percent',
    unit: '%',
    required: true,
  }),
  templateField('services', {
    labelVi: 'Số dịch vụ công',
    labelEn: 'Public services',
    type: 'integer',
    required: true,
    min: 0,
  }),
  templateField('notes', { labelVi: 'Ghi chú', labelEn: 'Notes', type: 'text' }),
];

function renderForm(autosaveDelay = 60_000) {
  const save = vi.fn((_: { values: Record<string, unknown>; version: number }) =>
    Promise.resolve({ version: 2 }),
  );
  const submit = vi.fn((_: { version: number }) => Promise.resolve({ version: 3 }));
  render(
    <I18nextProvider i18n={i18n}>
      <SubmissionForm
        fields={FIELDS}
        initialInputs={{ online_rate: '', services: '', notes: '' }}
        version={1}
        save={save}
        submit={submit}
        reload={() => Promise.resolve(5)}
        autosaveDelay={autosaveDelay}
      />
    </I18nextProvider>,
  );
  return { save, submit };
}

describe('SubmissionForm', () => {
  afterEach(async () => {
    cleanup();
    vi.useRealTimers();
    await i18n.changeLanguage('vi');
  });

  it('refuses 150 in a percent field with the translated message beside the field', () => {
    const { save } = renderForm();
    const rate = screen.getByLabelText(/Tỷ lệ hồ sơ trực tuyến/);
    fireEvent.change(rate, { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu nháp' }));
    expect(rate.getAttribute('aria-invalid')).toBe('true');
    const message = screen.getByText('Tỷ lệ hồ sơ trực tuyến không được lớn hơn 100.', {
      selector: '.form__error',
    });
    expect(rate.getAttribute('aria-describedby')).toContain(message.id);
    expect(save).not.toHaveBeenCalled();
  });

  it('says it in English too, and asks for required fields on submission', async () => {
    await i18n.changeLanguage('en');
    const { submit } = renderForm();
    fireEvent.change(screen.getByLabelText(/Online filing rate/), { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Review before submitting' }));
    expect(
      screen.getByText('Online filing rate must not be more than 100.', { selector: '.form__error' }),
    ).toBeTruthy();
    expect(screen.getByText('Please enter Public services.', { selector: '.form__error' })).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
  });

  it("takes figures as text typed the reader's way, and a textarea for text", () => {
    renderForm();
    const services = screen.getByLabelText(/Số dịch vụ công/);
    // A number input would drop "12e" and misread "1.000" before the form could see them.
    expect(services.getAttribute('type')).toBe('text');
    expect(services.getAttribute('inputmode')).toBe('decimal');
    expect(screen.getByLabelText(/Ghi chú/).tagName).toBe('TEXTAREA');
  });

  it('saves then submits with the version the save returned', async () => {
    const { save, submit } = renderForm();
    fireEvent.change(screen.getByLabelText(/Tỷ lệ hồ sơ trực tuyến/), { target: { value: '87,5' } });
    fireEvent.change(screen.getByLabelText(/Số dịch vụ công/), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Xem lại trước khi gửi' }));
    fireEvent.click(screen.getByRole('button', { name: 'Gửi báo cáo' }));
    await waitFor(() => expect(submit).toHaveBeenCalledWith({ version: 2 }));
    expect(save).toHaveBeenCalledWith({
      values: { online_rate: 87.5, services: 12, notes: null },
      explanations: {},
      version: 1,
    });
  });

  it('saves the draft by itself after a pause in typing, only when valid', async () => {
    const { save } = renderForm(50);
    fireEvent.change(screen.getByLabelText(/Tỷ lệ hồ sơ trực tuyến/), { target: { value: '150' } });
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(save).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText(/Tỷ lệ hồ sơ trực tuyến/), { target: { value: '40' } });
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(save.mock.calls[0]?.[0].values.online_rate).toBe(40);
  });

  it('reads "1.000" as a thousand and "12,5" as twelve and a half in Vietnamese, and shows them as typed', async () => {
    const { save } = renderForm();
    const rate = screen.getByLabelText<HTMLInputElement>(/Tỷ lệ hồ sơ trực tuyến/);
    const services = screen.getByLabelText<HTMLInputElement>(/Số dịch vụ công/);
    fireEvent.change(rate, { target: { value: '12,5' } });
    fireEvent.change(services, { target: { value: '1.000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu nháp' }));
    await screen.findByText('Đã lưu bản nháp.');
    expect(save).toHaveBeenCalledWith({
      values: { online_rate: 12.5, services: 1000, notes: null },
      explanations: {},
      version: 1,
    });
    expect(rate.value).toBe('12,5');
    expect(services.value).toBe('1.000');
  });

  it("shows a saved figure written the reader's way", async () => {
    renderForm();
    const services = screen.getByLabelText<HTMLInputElement>(/Số dịch vụ công/);
    fireEvent.change(services, { target: { value: '1234567' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu nháp' }));
    await screen.findByText('Đã lưu bản nháp.');
    expect(services.value).toBe('1.234.567');
  });

  it('refuses "12e" beside the field and sends nothing, by hand or by itself', async () => {
    const { save } = renderForm(50);
    const services = screen.getByLabelText<HTMLInputElement>(/Số dịch vụ công/);
    fireEvent.change(services, { target: { value: '12e' } });
    fireEvent.change(screen.getByLabelText(/Tỷ lệ hồ sơ trực tuyến/), { target: { value: '40' } });
    // The autosave marks the field and says the draft is not saved; it never claims it was.
    const message = await screen.findByText('Số dịch vụ công phải là một số.');
    expect(services.getAttribute('aria-invalid')).toBe('true');
    expect(services.getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.getByText('Chưa lưu bản nháp: hãy sửa các ô được đánh dấu.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Lưu nháp' }));
    expect(screen.queryByText('Đã lưu bản nháp.')).toBeNull();
    expect(screen.queryByText(/Đã tự động lưu/)).toBeNull();
    expect(services.value).toBe('12e');
    expect(save).not.toHaveBeenCalled();
    // Corrected, it saves and the mark goes.
    fireEvent.change(services, { target: { value: '12' } });
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(save.mock.calls[0]?.[0].values).toEqual({ online_rate: 40, services: 12, notes: null });
    await waitFor(() => expect(services.getAttribute('aria-invalid')).not.toBe('true'));
  });

  it('reads "1,000.5" as a thousand and a half in English, and refuses it in Vietnamese as written the other way', async () => {
    await i18n.changeLanguage('en');
    const { save } = renderForm();
    const rate = screen.getByLabelText<HTMLInputElement>(/Online filing rate/);
    const services = screen.getByLabelText<HTMLInputElement>(/Public services/);
    fireEvent.change(rate, { target: { value: '1,000.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    // 1,000.5 is read, then refused by the shared schema as a percent above 100.
    expect(
      screen.getByText('Online filing rate must not be more than 100.', { selector: '.form__error' }),
    ).toBeTruthy();
    fireEvent.change(rate, { target: { value: '87.5' } });
    fireEvent.change(services, { target: { value: '1,000.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(
      screen.getByText('Public services must be a whole number.', { selector: '.form__error' }),
    ).toBeTruthy();
    fireEvent.change(services, { target: { value: '1,000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await screen.findByText('Draft saved.');
    expect(save).toHaveBeenCalledWith({
      values: { online_rate: 87.5, services: 1000, notes: null },
      explanations: {},
      version: 1,
    });
    expect(services.value).toBe('1,000');
  });

  it("keeps each figure's value when the reader switches language", async () => {
    renderForm();
    const services = screen.getByLabelText<HTMLInputElement>(/Số dịch vụ công/);
    fireEvent.change(services, { target: { value: '1.000' } });
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByLabelText<HTMLInputElement>(/Public services/).value).toBe('1,000');
  });

  it('refuses a figure written the English way in Vietnamese rather than guess', () => {
    const { save } = renderForm();
    fireEvent.change(screen.getByLabelText(/Số dịch vụ công/), { target: { value: '1,000.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu nháp' }));
    expect(
      screen.getByText(/Số dịch vụ công viết theo kiểu khác/, { selector: '.form__error' }),
    ).toBeTruthy();
    expect(save).not.toHaveBeenCalled();
  });
});

describe('SubmissionForm with the template’s validation rules', () => {
  afterEach(async () => {
    cleanup();
    await i18n.changeLanguage('vi');
  });

  const RULE_FIELDS: TemplateField[] = [
    templateField('dv_01_num', { labelVi: 'Tử số DV-01', kpiCode: 'DV-01', kpiRole: 'numerator' }),
    templateField('dv_01_den', { labelVi: 'Mẫu số DV-01', kpiCode: 'DV-01', kpiRole: 'denominator' }),
    templateField('tasks_assigned', {
      labelVi: 'Số nhiệm vụ được giao',
      labelEn: 'Tasks assigned',
      systemSource: 'tasks.assigned',
    }),
  ];

  function renderRules() {
    const save = vi.fn((_: { values: Record<string, unknown>; explanations: Record<string, string> }) =>
      Promise.resolve({ version: 2 }),
    );
    const submit = vi.fn((_: { version: number }) => Promise.resolve({ version: 3 }));
    render(
      <I18nextProvider i18n={i18n}>
        <SubmissionForm
          fields={RULE_FIELDS}
          initialInputs={{ dv_01_num: '', dv_01_den: '', tasks_assigned: '3' }}
          context={{ systemValues: { tasks_assigned: 3 } }}
          version={1}
          save={save}
          submit={submit}
          reload={() => Promise.resolve(5)}
          autosaveDelay={60_000}
        />
      </I18nextProvider>,
    );
    return { save, submit };
  }

  it('marks 80 of 50 beside both figures and blocks submission; the draft still saves; 50 of 50 passes', async () => {
    const { save, submit } = renderRules();
    const numerator = screen.getByLabelText(/Tử số DV-01/);
    const denominator = screen.getByLabelText(/Mẫu số DV-01/);
    fireEvent.change(numerator, { target: { value: '80' } });
    fireEvent.change(denominator, { target: { value: '50' } });
    const message = screen.getByText('Tử số không được lớn hơn mẫu số (DV-01).');
    for (const input of [numerator, denominator]) {
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(input.getAttribute('aria-describedby')).toContain(message.id);
    }
    const send = screen.getByRole('button', { name: 'Xem lại trước khi gửi' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    expect(screen.getByText(/còn 1 lỗi số liệu phải sửa/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Lưu nháp' }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(save.mock.calls[0]?.[0].values).toMatchObject({ dv_01_num: 80, dv_01_den: 50 });

    fireEvent.change(numerator, { target: { value: '50' } });
    expect(screen.queryByText('Tử số không được lớn hơn mẫu số (DV-01).')).toBeNull();
    expect(send.disabled).toBe(false);
    fireEvent.click(send);
    fireEvent.click(screen.getByRole('button', { name: 'Gửi báo cáo' }));
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
  });

  it('shows the system’s figure beside the input; another figure needs an explanation, saved with the draft', async () => {
    const { save, submit } = renderRules();
    const assigned = screen.getByLabelText<HTMLInputElement>(/Số nhiệm vụ được giao/);
    const held = screen.getByText('Số liệu hệ thống: 3');
    expect(assigned.value).toBe('3');
    expect(assigned.getAttribute('aria-describedby')).toContain(held.id);
    expect(screen.queryByRole('group', { name: /Cảnh báo/ })).toBeNull();
    fireEvent.change(screen.getByLabelText(/Tử số DV-01/), { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText(/Mẫu số DV-01/), { target: { value: '10' } });
    fireEvent.change(assigned, { target: { value: '37' } });

    const warning = screen.getByRole('group', {
      name: /Cảnh báo: «Số nhiệm vụ được giao» khác số liệu hệ thống/,
    });
    const explanation = within(warning).getByLabelText(/Giải trình/);
    fireEvent.click(screen.getByRole('button', { name: 'Xem lại trước khi gửi' }));
    expect(explanation.getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getByText('Vui lòng nhập giải trình cho cảnh báo này trước khi gửi.', {
        selector: '.form__error',
      }),
    ).toBeTruthy();
    expect(save).not.toHaveBeenCalled();
    expect(submit).not.toHaveBeenCalled();

    const why = 'Gồm 34 nhiệm vụ giao bằng văn bản giấy.';
    fireEvent.change(explanation, { target: { value: why } });
    fireEvent.click(screen.getByRole('button', { name: 'Xem lại trước khi gửi' }));
    // The review repeats the explanation beside its figure before anything is sent.
    expect(screen.getByText(`Giải trình: ${why}`)).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Gửi báo cáo' }));
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    expect(save.mock.calls[0]?.[0]).toMatchObject({
      values: { tasks_assigned: 37 },
      explanations: { 'source:tasks_assigned': why },
    });
  });
});

describe('SubmissionForm grouped per indicator, with a review before sending', () => {
  afterEach(async () => {
    cleanup();
    await i18n.changeLanguage('vi');
  });

  const KPI_NAME = 'Tỷ lệ thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình';
  const GROUPED: TemplateField[] = [
    templateField('tasks_assigned', { labelVi: 'Số nhiệm vụ được giao', required: true }),
    templateField('dv_01_num', {
      labelVi: 'Số thủ tục được cung cấp trực tuyến toàn trình',
      kpiCode: 'DV-01',
      kpiRole: 'numerator',
      required: true,
    }),
    templateField('notes', { labelVi: 'Ghi chú', type: 'text' }),
    templateField('dv_01_den', {
      labelVi: 'Số thủ tục đủ điều kiện',
      kpiCode: 'DV-01',
      kpiRole: 'denominator',
      required: true,
    }),
  ];

  function renderGrouped(previous: { periodKey: string; values: Record<string, number> } | null) {
    const save = vi.fn((_: { values: Record<string, unknown>; version: number }) =>
      Promise.resolve({ version: 2 }),
    );
    const submit = vi.fn((_: { version: number }) => Promise.resolve({ version: 3 }));
    render(
      <I18nextProvider i18n={i18n}>
        <SubmissionForm
          fields={GROUPED}
          kpis={[{ code: 'DV-01', nameVi: KPI_NAME, nameEn: 'Full-process online services' }]}
          previous={previous}
          initialInputs={{ tasks_assigned: '', dv_01_num: '', notes: '', dv_01_den: '' }}
          version={1}
          save={save}
          submit={submit}
          reload={() => Promise.resolve(5)}
          autosaveDelay={60_000}
        />
      </I18nextProvider>,
    );
    return { save, submit };
  }

  it('puts a KPI’s numerator and denominator in one group named by the KPI, each labelled by what it counts', () => {
    renderGrouped(null);
    const group = screen.getByRole('group', { name: new RegExp(KPI_NAME) });
    const numerator = within(group).getByLabelText(/Số thủ tục được cung cấp trực tuyến toàn trình/);
    const denominator = within(group).getByLabelText(/Số thủ tục đủ điều kiện/);
    expect(numerator.getAttribute('aria-describedby')).toBeTruthy();
    // Which side each box is, said as a hint rather than as its name.
    const hints = (input: HTMLElement) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' | ');
    expect(hints(numerator)).toMatch(/^Tử số/);
    expect(hints(denominator)).toMatch(/^Mẫu số/);
    // The fields that feed no share stay outside, in the template's order.
    expect(within(group).queryByLabelText(/Số nhiệm vụ được giao/)).toBeNull();
    expect(within(group).queryByLabelText(/Ghi chú/)).toBeNull();
    const order = screen.getAllByRole('textbox').map((box) => box.getAttribute('data-field'));
    expect(order).toEqual(['tasks_assigned', 'dv_01_num', 'dv_01_den', 'notes']);
  });

  it('shows the rate as the officer types, read the Vietnamese way, and no rate over 0', () => {
    renderGrouped(null);
    const group = screen.getByRole('group', { name: new RegExp(KPI_NAME) });
    const numerator = within(group).getByLabelText(/Số thủ tục được cung cấp trực tuyến toàn trình/);
    const denominator = within(group).getByLabelText(/Số thủ tục đủ điều kiện/);
    expect(within(group).getByText(/^Tỷ lệ: chưa tính được/)).toBeTruthy();
    fireEvent.change(numerator, { target: { value: '1.000' } });
    fireEvent.change(denominator, { target: { value: '1.250' } });
    const rate = within(group).getByText(/^Tỷ lệ: /);
    expect(rate.textContent).toBe('Tỷ lệ: 80,0 %');
    // The rate is read with the figures it comes from.
    expect(numerator.getAttribute('aria-describedby')).toContain(rate.closest('p')?.id);
    fireEvent.change(numerator, { target: { value: '12,5' } });
    fireEvent.change(denominator, { target: { value: '50' } });
    expect(within(group).getByText(/^Tỷ lệ: /).textContent).toBe('Tỷ lệ: 25,0 %');
    fireEvent.change(denominator, { target: { value: '0' } });
    expect(within(group).getByText(/^Tỷ lệ: chưa tính được/)).toBeTruthy();
  });

  it('shows the previous accepted period’s figure beside each box and its rate beside the rate', () => {
    renderGrouped({ periodKey: '2026-Q2', values: { tasks_assigned: 7, dv_01_num: 30, dv_01_den: 40 } });
    const group = screen.getByRole('group', { name: new RegExp(KPI_NAME) });
    const numerator = within(group).getByLabelText(/Số thủ tục được cung cấp trực tuyến toàn trình/);
    const before = within(group).getByText('Kỳ trước (Quý II/2026) đã được chấp nhận: 30');
    expect(numerator.getAttribute('aria-describedby')).toContain(before.id);
    expect(within(group).getByText('Kỳ trước (Quý II/2026) đã được chấp nhận: 40')).toBeTruthy();
    expect(within(group).getByText('Tỷ lệ kỳ trước (Quý II/2026): 75,0 %')).toBeTruthy();
    expect(screen.getByText('Kỳ trước (Quý II/2026) đã được chấp nhận: 7')).toBeTruthy();
    expect(screen.queryByText(/Chưa có kỳ trước/)).toBeNull();
  });

  it('says so when there is no accepted earlier period', () => {
    renderGrouped(null);
    expect(screen.getByText('Chưa có kỳ trước được chấp nhận để so sánh.')).toBeTruthy();
    expect(screen.queryByText(/^Kỳ trước/)).toBeNull();
  });

  it('reviews every figure before sending, goes back to the one to change with the focus on it, then sends', async () => {
    const { save, submit } = renderGrouped(null);
    fireEvent.change(screen.getByLabelText(/Số nhiệm vụ được giao/), { target: { value: '12' } });
    fireEvent.change(screen.getByLabelText(/Số thủ tục được cung cấp/), { target: { value: '1.000' } });
    fireEvent.change(screen.getByLabelText(/Số thủ tục đủ điều kiện/), { target: { value: '1.250' } });
    fireEvent.click(screen.getByRole('button', { name: 'Xem lại trước khi gửi' }));

    const heading = screen.getByRole('heading', { name: 'Kiểm tra lại số liệu trước khi gửi' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(submit).not.toHaveBeenCalled();
    const kpi = screen.getByRole('region', { name: KPI_NAME });
    const rowOf = (scope: HTMLElement, label: string) =>
      within(scope).getByText(label, { selector: 'dt' }).closest('.summary-list__row') as HTMLElement;
    expect(rowOf(kpi, 'Số thủ tục được cung cấp trực tuyến toàn trình').textContent).toContain('1.000');
    expect(rowOf(kpi, 'Số thủ tục đủ điều kiện').textContent).toContain('1.250');
    expect(rowOf(kpi, 'Tỷ lệ kỳ này').textContent).toContain('80,0 %');
    expect(rowOf(document.body, 'Ghi chú').textContent).toContain('Chưa nhập');
    expect(rowOf(document.body, 'Số nhiệm vụ được giao').textContent).toContain('12');

    // "Sửa" leads back to that very box, what was typed kept.
    fireEvent.click(within(kpi).getByRole('link', { name: 'Sửa Số thủ tục đủ điều kiện' }));
    const denominator = screen.getByLabelText<HTMLInputElement>(/Số thủ tục đủ điều kiện/);
    await waitFor(() => expect(document.activeElement).toBe(denominator));
    expect(denominator.value).toBe('1.250');
    fireEvent.change(denominator, { target: { value: '2.000' } });

    fireEvent.click(screen.getByRole('button', { name: 'Xem lại trước khi gửi' }));
    expect(rowOf(screen.getByRole('region', { name: KPI_NAME }), 'Tỷ lệ kỳ này').textContent).toContain(
      '50,0 %',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Gửi báo cáo' }));
    await waitFor(() => expect(submit).toHaveBeenCalledWith({ version: 2 }));
    expect(save).toHaveBeenCalledWith({
      values: { tasks_assigned: 12, dv_01_num: 1000, notes: null, dv_01_den: 2000 },
      explanations: {},
      version: 1,
    });
  });

  it('refuses to open the review while a figure is missing: the summary of what to fix takes the focus and leads to it', async () => {
    renderGrouped(null);
    fireEvent.change(screen.getByLabelText(/Số nhiệm vụ được giao/), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Xem lại trước khi gửi' }));
    expect(screen.queryByRole('heading', { name: 'Kiểm tra lại số liệu trước khi gửi' })).toBeNull();
    const numerator = screen.getByLabelText(/Số thủ tục được cung cấp/);
    expect(numerator.getAttribute('aria-invalid')).toBe('true');
    const summary = screen.getByRole('alert', { name: 'Có lỗi cần sửa' });
    await waitFor(() => expect(document.activeElement).toBe(summary));
    // Said once, at the top: no second alert by the buttons repeating that something is wrong.
    expect(screen.getAllByRole('alert')).toEqual([summary]);
    expect(screen.queryByText('Vui lòng sửa các mục được đánh dấu.')).toBeNull();
    const links = within(summary).getAllByRole('link');
    expect(links[0]?.getAttribute('href')).toBe(`#${numerator.id}`);
    fireEvent.click(links[0] as HTMLElement);
    expect(document.activeElement).toBe(numerator);
  });

  it('goes back from the review to the first figure', async () => {
    renderGrouped(null);
    fireEvent.change(screen.getByLabelText(/Số nhiệm vụ được giao/), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText(/Số thủ tục được cung cấp/), { target: { value: '1' } });
    fireEvent.change(screen.getByLabelText(/Số thủ tục đủ điều kiện/), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Xem lại trước khi gửi' }));
    fireEvent.click(screen.getByRole('button', { name: 'Quay lại sửa số liệu' }));
    const first = screen.getByLabelText(/Số nhiệm vụ được giao/);
    await waitFor(() => expect(document.activeElement).toBe(first));
  });
});
