import { TextField } from './form-controls';

interface BilingualNameFieldsProps {
  labels: { nameVi: string; nameEn: string };
  values: { nameVi: string; nameEn: string };
  errors: { nameVi?: string | undefined; nameEn?: string | undefined };
  onChange: (field: 'nameVi' | 'nameEn', value: string) => void;
  maxLength?: number;
}

/** A name written in Vietnamese and in English, both required; each input says its language. */
export function BilingualNameFields({
  labels,
  values,
  errors,
  onChange,
  maxLength = 200,
}: BilingualNameFieldsProps) {
  return (
    <>
      <TextField
        label={labels.nameVi}
        error={errors.nameVi}
        required
        lang="vi"
        autoComplete="off"
        maxLength={maxLength}
        value={values.nameVi}
        onChange={(value) => onChange('nameVi', value)}
      />
      <TextField
        label={labels.nameEn}
        error={errors.nameEn}
        required
        lang="en"
        autoComplete="off"
        maxLength={maxLength}
        value={values.nameEn}
        onChange={(value) => onChange('nameEn', value)}
      />
    </>
  );
}
