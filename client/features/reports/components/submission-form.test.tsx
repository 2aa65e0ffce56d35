import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TemplateField } from '../../../../shared/report-values';
import { i18n } from '../../../lib/i18n/i18n';
import { SubmissionForm } from './submission-form';

const field = (over: Partial<TemplateField>): TemplateField => ({
  code: 'x',
  labelVi: 'X',
  labelEn: 'X',
  unit: null,
  type: 'integer',
  required: false,
  min: null,
  max: null,
  kpiCode: null,
  kpiRole: null,
  ...over,
});

const FIELDS: TemplateField[] = [
  field({
    code: 'online_rate',
    labelVi: 'Tỷ lệ hồ sơ trực tuyến',
    labelEn: 'Online filing rate',
    type: 'percent',
    unit: '%',
    required: true,
  }),
  field({
    code: 'services',
    labelVi: 'Số dịch vụ công',
    labelEn: 'Public services',
    type: 'integer',
    required: true,
    min: 0,
  }),
  field({ code: 'notes', labelVi: 'Ghi chú', labelEn: 'Notes', type: 'text' }),
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
    const message = screen.getByText('Tỷ lệ hồ sơ trực tuyến không được lớn hơn 100.');
    expect(rate.getAttribute('aria-describedby')).toContain(message.id);
    expect(save).not.toHaveBeenCalled();
  });

  it('says it in English too, and asks for required fields on submission', async () => {
    await i18n.changeLanguage('en');
    const { submit } = renderForm();
    fireEvent.change(screen.getByLabelText(/Online filing rate/), { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    expect(screen.getByText('Online filing rate must not be more than 100.')).toBeTruthy();
    expect(screen.getByText('Please enter Public services.')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
  });

  it('uses number inputs suited to each type and a textarea for text', () => {
    renderForm();
    const services = screen.getByLabelText(/Số dịch vụ công/);
    expect(services.getAttribute('type')).toBe('number');
    expect(services.getAttribute('step')).toBe('1');
    expect(screen.getByLabelText(/Tỷ lệ hồ sơ trực tuyến/).getAttribute('max')).toBe('100');
    expect(screen.getByLabelText(/Ghi chú/).tagName).toBe('TEXTAREA');
  });

  it('saves then submits with the version the save returned', async () => {
    const { save, submit } = renderForm();
    fireEvent.change(screen.getByLabelText(/Tỷ lệ hồ sơ trực tuyến/), { target: { value: '87,5' } });
    fireEvent.change(screen.getByLabelText(/Số dịch vụ công/), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi báo cáo' }));
    await waitFor(() => expect(submit).toHaveBeenCalledWith({ version: 2 }));
    expect(save).toHaveBeenCalledWith({
      values: { online_rate: 87.5, services: 12, notes: null },
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
});
