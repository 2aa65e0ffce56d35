import { useTranslation } from 'react-i18next';
import { ActionFormCard, useActionForm } from '../../../components/action-form';
import { TextField } from '../../../components/form-controls';
import { TASK_FORM_VOCABULARY } from '../task-form-vocabulary';

/** The state every task action form keeps: its values, its messages and its submissions. */
export function useTaskForm<Values extends Record<string, string>>(
  empty: Values,
  labels: Record<string, string>,
) {
  return useActionForm(empty, labels, TASK_FORM_VOCABULARY);
}

/** A task action form's card (the shared action form's). */
export const TaskFormCard = ActionFormCard;

interface EvidenceUrlFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** The optional link to evidence kept elsewhere, asked by the progress and completion forms. */
export function EvidenceUrlField({ label, value, onChange, error }: EvidenceUrlFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField
      label={label}
      hint={t('taskForms.evidenceHint')}
      error={error}
      type="url"
      inputMode="url"
      autoComplete="url"
      maxLength={1000}
      value={value}
      onChange={onChange}
    />
  );
}
