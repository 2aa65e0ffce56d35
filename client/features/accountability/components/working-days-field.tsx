import { TextField } from '../../../components/form-controls';

interface Props {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  required?: boolean;
}

/** Working days typed as text: a number input would silently drop what it cannot read ("5 ngày", "abc"). */
export function WorkingDaysField(props: Props) {
  return (
    <TextField {...props} className="input--short" inputMode="numeric" autoComplete="off" maxLength={10} />
  );
}
