import { act, fireEvent, screen, within } from '@testing-library/react';
import { type FormEvent, useRef, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../lib/i18n/i18n';
import { renderTranslated, resetAfterEach } from '../test/render';
import { SubmitButton, TextField } from './form-controls';
import { SubmitFeedback } from './form-feedback';
import { useFormSubmit } from './use-form-submit';

let api: ReturnType<typeof useFormSubmit> | undefined;

/** A form as the app's forms are built: fields with their errors, SubmitFeedback at the top. */
function Form() {
  const formRef = useRef<HTMLFormElement>(null);
  const submit = useFormSubmit(formRef, () => ({
    message: 'Số hiệu đã được dùng.',
    field: 'number',
    stale: false,
  }));
  api = submit;
  const [values, setValues] = useState({ title: '', number: '', note: '' });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!values.title) errors.title = 'Vui lòng nhập tiêu đề.';
    if (!values.number) errors.number = 'Vui lòng nhập số hiệu.';
    if (Object.keys(errors).length > 0) return submit.setErrors(errors);
    void submit.run(() => Promise.reject(new Error('taken')));
  }
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit}>
      <SubmitFeedback submit={submit} successText="Đã lưu." />
      <TextField
        label="Ghi chú"
        value={values.note}
        onChange={(note) => setValues((v) => ({ ...v, note }))}
      />
      <TextField
        label="Tiêu đề"
        error={submit.errors.title}
        value={values.title}
        onChange={(title) => setValues((v) => ({ ...v, title }))}
      />
      <TextField
        label="Số hiệu"
        error={submit.errors.number}
        value={values.number}
        onChange={(number) => setValues((v) => ({ ...v, number }))}
      />
      <SubmitButton pending={submit.pending} label="Lưu" pendingLabel="Đang lưu…" />
    </form>
  );
}

const summary = () => screen.getByRole('alert', { name: 'Có lỗi cần sửa' });

describe('the error summary', () => {
  resetAfterEach();

  it('lists each invalid field, in the order of the form, linked to it, and takes the focus', () => {
    renderTranslated(<Form />);
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

    const links = within(summary()).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(['Vui lòng nhập tiêu đề.', 'Vui lòng nhập số hiệu.']);
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      `#${screen.getByLabelText('Tiêu đề').id}`,
      `#${screen.getByLabelText('Số hiệu').id}`,
    ]);
    expect(document.activeElement).toBe(summary());
  });

  it('a link moves the focus to its field', () => {
    renderTranslated(<Form />);
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    fireEvent.click(within(summary()).getByRole('link', { name: 'Vui lòng nhập số hiệu.' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Số hiệu'));
  });

  it('follows the fields as they are corrected, and goes once none is wrong', async () => {
    renderTranslated(<Form />);
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    fireEvent.change(screen.getByLabelText('Tiêu đề'), { target: { value: 'Báo cáo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(
      within(summary())
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Vui lòng nhập số hiệu.']);
    fireEvent.change(screen.getByLabelText('Số hiệu'), { target: { value: '12/QĐ-TTg' } });
    // The server blames a field: the summary links to it as well.
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    });
    const link = await within(summary()).findByRole('link', { name: 'Số hiệu đã được dùng.' });
    expect(link.getAttribute('href')).toBe(`#${screen.getByLabelText('Số hiệu').id}`);
    expect(document.activeElement).toBe(summary());
    act(() => api?.reset());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('speaks the reader’s language', async () => {
    await i18n.changeLanguage('en');
    renderTranslated(<Form />);
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(screen.getByRole('alert', { name: 'There is a problem' })).toBeTruthy();
  });
});
