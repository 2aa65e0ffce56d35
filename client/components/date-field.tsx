import { useTranslation } from 'react-i18next';
import { Field } from './form-field';

interface DateFieldProps {
  label: string;
  /** What the user typed, dd/mm/yyyy; `parseDisplayDate` turns it into the schemas' YYYY-MM-DD. */
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  required?: boolean;
  /** Shown but not changed (the key of a record being edited). */
  readOnly?: boolean;
}

/** A calendar date typed the Vietnamese way (dd/mm/yyyy), with its format as the hint. */
export function DateField({
  label,
  value,
  onChange,
  error,
  required = false,
  readOnly = false,
}: DateFieldProps) {
  const { t } = useTranslation();
  return (
    <Field label={label} hint={t('validation.dateHint')} error={error} required={required}>
      {(control) => (
        <input
          {...control}
          className="input--date"
          type="text"
          inputMode="numeric"
          placeholder="dd/mm/yyyy"
          autoComplete="off"
          readOnly={readOnly}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
