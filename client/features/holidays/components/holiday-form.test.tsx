import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n/i18n';
import { renderTranslated, resetAfterEach } from '../../../test/render';
import { type CalendarEntry, HolidayForm } from './holiday-form';

function renderForm(editing: CalendarEntry | null = null) {
  const send = vi.fn((_input: CalendarEntry, _mode: 'add' | 'update') => Promise.resolve({}));
  const onEditDone = vi.fn();
  renderTranslated(<HolidayForm editing={editing} send={send} onEditDone={onEditDone} />);
  return { send, onEditDone };
}

const fill = (label: RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('HolidayForm', () => {
  resetAfterEach();

  it('offers the four kinds of day, in both languages', async () => {
    renderForm();
    expect(screen.getAllByRole('option').map((o) => [o.getAttribute('value'), o.textContent])).toEqual([
      ['public_holiday', 'Ngày lễ, Tết'],
      ['substitute_day', 'Nghỉ bù'],
      ['exchange_day', 'Nghỉ hoán đổi'],
      ['makeup_workday', 'Làm bù'],
    ]);
    await i18n.changeLanguage('en');
    expect(await screen.findByRole('option', { name: 'Make-up working day' })).toBeTruthy();
  });

  it('refuses a make-up working day on a weekday and a substitute day on a weekend', () => {
    const { send } = renderForm();
    fill(/^Ngày/, '09/01/2026'); // a Friday
    fill(/Loại ngày/, 'makeup_workday');
    fill(/Tên tiếng Việt/, 'Làm bù');
    fill(/Tên tiếng Anh/, 'Make-up day');
    fireEvent.click(screen.getByRole('button', { name: 'Thêm ngày nghỉ hoặc làm bù' }));
    expect(
      screen.getByText('Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.', { selector: '.form__error' }),
    ).toBeTruthy();
    fill(/^Ngày/, '26/04/2026'); // a Sunday
    fill(/Loại ngày/, 'substitute_day');
    fireEvent.click(screen.getByRole('button', { name: 'Thêm ngày nghỉ hoặc làm bù' }));
    expect(
      screen.getByText(/Ngày nghỉ bù hoặc nghỉ hoán đổi phải là ngày trong tuần/, {
        selector: '.form__error',
      }),
    ).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
  });

  it('adds a make-up Saturday with its kind and says so', async () => {
    const { send } = renderForm();
    fill(/^Ngày/, '10/01/2026');
    fill(/Loại ngày/, 'makeup_workday');
    fill(/Tên tiếng Việt/, 'Làm bù Tết Dương lịch');
    fill(/Tên tiếng Anh/, "New Year's make-up working day");
    fireEvent.click(screen.getByRole('button', { name: 'Thêm ngày nghỉ hoặc làm bù' }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send).toHaveBeenCalledWith(
      {
        date: '2026-01-10',
        kind: 'makeup_workday',
        nameVi: 'Làm bù Tết Dương lịch',
        nameEn: "New Year's make-up working day",
      },
      'add',
    );
    await screen.findByText('Đã thêm ngày làm bù 10/01/2026.');
  });

  it('changes the kind of an entry, keeping its date', async () => {
    const { send, onEditDone } = renderForm({
      date: '2026-01-02',
      kind: 'public_holiday',
      nameVi: 'Nghỉ Tết Dương lịch',
      nameEn: "New Year's holiday",
    });
    expect(screen.getByRole('heading', { name: 'Sửa ngày 02/01/2026' })).toBeTruthy();
    expect(screen.getByLabelText(/^Ngày/).hasAttribute('readonly')).toBe(true);
    fill(/Loại ngày/, 'exchange_day');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send.mock.calls[0]).toEqual([
      {
        date: '2026-01-02',
        kind: 'exchange_day',
        nameVi: 'Nghỉ Tết Dương lịch',
        nameEn: "New Year's holiday",
      },
      'update',
    ]);
    await waitFor(() => expect(onEditDone).toHaveBeenCalled());
  });
});
