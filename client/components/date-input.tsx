import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../lib/format';
import { parseDisplayDate } from './display-date';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isRealDate = (iso: string) =>
  ISO_DATE.test(iso) && new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso;

/**
 * A typed dd/mm/yyyy (or an unambiguous YYYY-MM-DD, as pasted) as YYYY-MM-DD; '' for no text; null
 * while it is not (yet) a real date.
 */
export function readDisplayDate(text: string): string | null {
  if (text.trim() === '') return '';
  const iso = parseDisplayDate(text);
  return isRealDate(iso) ? iso : null;
}

interface DateInputProps {
  id: string;
  /** The date it holds, YYYY-MM-DD, or '' for none. */
  value: string;
  /** Called with a real date (YYYY-MM-DD) or '' when cleared; never with a half-typed text. */
  onChange: (value: string) => void;
  'aria-describedby'?: string | undefined;
}

/**
 * A date typed and shown as dd/mm/yyyy in every browser (a native date input follows the browser's
 * language: "mm/dd/yyyy" in an English Chrome). For a filter that applies as soon as the date is whole;
 * a form's date is a `DateField`, read when the form is sent. A text that is not a real date is marked
 * when the user leaves the box and does not change the filter.
 */
export function DateInput({ id, value, onChange, 'aria-describedby': describedBy }: DateInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ? formatDate(value) : '');
  const [invalid, setInvalid] = useState(false);

  // The value changed from outside (a link, "clear filters"): show it unless the text already says it.
  useEffect(() => {
    setText((current) => (readDisplayDate(current) === value ? current : value ? formatDate(value) : ''));
    setInvalid(false);
  }, [value]);

  const errorId = `${id}-error`;
  return (
    <>
      <input
        id={id}
        className="input--date"
        type="text"
        inputMode="numeric"
        placeholder="dd/mm/yyyy"
        autoComplete="off"
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={[describedBy, invalid ? errorId : null].filter(Boolean).join(' ') || undefined}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          const date = readDisplayDate(next);
          if (date !== null) {
            setInvalid(false);
            if (date !== value) onChange(date);
          }
        }}
        onBlur={() => setInvalid(readDisplayDate(text) === null)}
      />
      {invalid && (
        <p className="form__error" id={errorId}>
          {t('validation.dateFormat')}
        </p>
      )}
    </>
  );
}
