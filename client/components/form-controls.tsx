import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';
import { PASSWORD_MAX_LENGTH } from '../../shared/password-rules';
import { Field } from './form-field';

/** What Field itself sets on its control, so a caller cannot pass it twice. */
type OwnedByField =
  | 'id'
  | 'value'
  | 'onChange'
  | 'required'
  | 'aria-invalid'
  | 'aria-describedby'
  | 'aria-required';

interface LabelledProps {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  value: string;
  onChange: (value: string) => void;
}

type TextFieldProps = LabelledProps & Omit<InputHTMLAttributes<HTMLInputElement>, OwnedByField>;

/** A labelled one-line input (text unless `type` says otherwise) whose value is a string. */
export function TextField({
  label,
  hint,
  error,
  required = false,
  value,
  onChange,
  ...input
}: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <input type="text" {...input} {...control} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

type NewPasswordFieldProps = Omit<LabelledProps, 'required'>;

/**
 * A password being chosen, or typed again to confirm it: required, hidden, offered to password
 * managers as a new one, no longer than the password rule allows.
 */
export function NewPasswordField(props: NewPasswordFieldProps) {
  return (
    <TextField
      {...props}
      required
      type="password"
      autoComplete="new-password"
      maxLength={PASSWORD_MAX_LENGTH}
    />
  );
}

type TextAreaFieldProps = LabelledProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, OwnedByField>;

/** A labelled multi-line input whose value is a string. */
export function TextAreaField({
  label,
  hint,
  error,
  required = false,
  value,
  onChange,
  ...textarea
}: TextAreaFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <textarea {...textarea} {...control} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

interface SelectFieldProps extends LabelledProps {
  options: readonly { value: string; label: string }[];
  /** The empty first choice, when nothing is chosen yet. */
  placeholder?: string | undefined;
  disabled?: boolean;
}

/** A labelled drop-down of fixed choices. */
export function SelectField({
  label,
  hint,
  error,
  required = false,
  value,
  onChange,
  options,
  placeholder,
  disabled = false,
}: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <select {...control} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

interface SubmitButtonProps {
  pending: boolean;
  label: string;
  /** Shown while the submission is on its way. */
  pendingLabel: string;
}

/** The form's primary button, disabled while a submission is on its way. */
export function SubmitButton({ pending, label, pendingLabel }: SubmitButtonProps) {
  return (
    <button type="submit" className="button button--primary" disabled={pending}>
      {pending ? pendingLabel : label}
    </button>
  );
}

/** The form's buttons: the primary one (`SubmitButton`), then any others. */
export function FormActions({ children, ...submit }: SubmitButtonProps & { children?: ReactNode }) {
  return (
    <div className="form__actions">
      <SubmitButton {...submit} />
      {children}
    </div>
  );
}
