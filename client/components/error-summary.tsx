import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from './form-errors';
import './forms.css';

interface SummaryEntry {
  /** The invalid control's id, when the error belongs to a field on screen. */
  id: string | null;
  message: string;
}

/**
 * The form's invalid controls, in the order they appear, each with the message shown beside it
 * (the `form__error` among the elements that describe it); then any message with no field on screen.
 */
export function summaryEntries(root: ParentNode, errors: FieldErrors): SummaryEntry[] {
  const messages = Object.values(errors);
  const left = [...messages];
  const entries: SummaryEntry[] = [];
  for (const control of root.querySelectorAll<HTMLElement>('[aria-invalid="true"][id]')) {
    const message = (control.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => (id ? control.ownerDocument.getElementById(id) : null))
      .find((el) => el?.classList.contains('form__error'))
      ?.textContent?.trim();
    const index = message === undefined ? -1 : left.indexOf(message);
    if (message === undefined || index < 0) continue;
    left.splice(index, 1);
    entries.push({ id: control.id, message });
  }
  return [...entries, ...left.map((message) => ({ id: null, message }))];
}

/**
 * GOV.UK's error summary at the top of a form: "Có lỗi cần sửa" and a link to each invalid field,
 * worded as the message beside it. `useFormSubmit` moves the focus here after a failed submission, so a
 * screen reader hears the list and a keyboard user reaches each field in one step.
 */
export function ErrorSummary({ errors }: { errors: FieldErrors }) {
  const { t } = useTranslation();
  const headingId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [entries, setEntries] = useState<SummaryEntry[]>(() =>
    Object.values(errors).map((message) => ({ id: null, message })),
  );

  // The fields' ids live in their own components: read them from the form once it shows the errors.
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    setEntries(summaryEntries(box.closest('form') ?? box.parentElement ?? box.ownerDocument, errors));
  }, [errors]);

  function goTo(id: string) {
    const control = document.getElementById(id);
    if (!control) return;
    // The label above the field comes into view with it, as GOV.UK does.
    const label = control.id ? document.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null;
    (label ?? control).scrollIntoView?.({ block: 'start' });
    control.focus({ preventScroll: true });
  }

  return (
    <div ref={ref} className="error-summary" tabIndex={-1} role="alert" aria-labelledby={headingId}>
      <h2 className="error-summary__title" id={headingId}>
        {t('validation.summaryTitle')}
      </h2>
      <ul className="error-summary__list">
        {entries.map((entry, i) =>
          entry.id ? (
            <li key={entry.id}>
              <a
                href={`#${entry.id}`}
                onClick={(event) => {
                  event.preventDefault();
                  goTo(entry.id as string);
                }}
              >
                {entry.message}
              </a>
            </li>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: messages without a field may repeat
            <li key={`unlinked-${i}`}>{entry.message}</li>
          ),
        )}
      </ul>
    </div>
  );
}
