import { act, cleanup, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../lib/i18n/i18n';
import { FormFeedback } from './form-feedback';
import { useFormSubmit } from './use-form-submit';

let api: ReturnType<typeof useFormSubmit> | undefined;

function Form() {
  const formRef = useRef<HTMLFormElement>(null);
  const submit = useFormSubmit(formRef, () => ({ message: 'Refused by the server', stale: false }));
  api = submit;
  return (
    <form ref={formRef}>
      <FormFeedback
        failure={submit.failure}
        succeeded={submit.succeeded}
        successText="Saved"
        invalidText={submit.invalid ? 'Fix the marked fields' : undefined}
      />
      <input aria-label="Title" aria-invalid={submit.errors.title ? true : undefined} />
    </form>
  );
}

describe('useFormSubmit', () => {
  afterEach(cleanup);

  it('drops an earlier refusal once the form is refused locally, and focuses the marked field', async () => {
    render(
      <I18nextProvider i18n={i18n}>
        <Form />
      </I18nextProvider>,
    );
    await act(() => api?.run(() => Promise.reject(new Error('no'))));
    expect(screen.getByRole('alert').textContent).toBe('Refused by the server');
    act(() => api?.setErrors({ title: 'Please enter the title.' }));
    expect(screen.getByRole('alert').textContent).toBe('Fix the marked fields');
    expect(document.activeElement).toBe(screen.getByLabelText('Title'));
  });

  it('keeps the idempotency key across retries and renews it after a success', async () => {
    render(
      <I18nextProvider i18n={i18n}>
        <Form />
      </I18nextProvider>,
    );
    const first = api?.idempotencyKey();
    await act(() => api?.run(() => Promise.reject(new Error('no'))));
    expect(api?.idempotencyKey()).toBe(first);
    await act(() => api?.run(() => Promise.resolve()));
    expect(api?.idempotencyKey()).not.toBe(first);
    expect(screen.getByRole('status').textContent).toBe('Saved');
  });
});
