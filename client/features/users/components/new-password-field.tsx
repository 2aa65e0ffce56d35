import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/form-controls';

interface NewPasswordFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** A password the administrator sets for someone, with the rules it must follow as its hint. */
export function NewPasswordField({ label, value, onChange, error }: NewPasswordFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField
      label={label}
      hint={t('userAdmin.passwordHint')}
      error={error}
      required
      type="password"
      autoComplete="new-password"
      maxLength={200}
      value={value}
      onChange={onChange}
    />
  );
}
