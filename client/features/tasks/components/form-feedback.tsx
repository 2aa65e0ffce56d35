import { useTranslation } from 'react-i18next';
import type { ServerFailure } from '../form-errors';

interface FormFeedbackProps {
  failure: ServerFailure | null;
  succeeded: boolean;
  successText: string;
  /** Fetches the latest version; offered when someone else changed the record meanwhile. */
  onReload?: () => void;
  invalid?: boolean;
}

/** Above a form: the server's refusal (with a reload when the record moved on), or a quiet success note. */
export function FormFeedback({ failure, succeeded, successText, onReload, invalid }: FormFeedbackProps) {
  const { t } = useTranslation();
  if (failure) {
    return (
      <div className="form__alert" role="alert">
        <p>{failure.stale ? t('taskForms.conflict') : failure.message}</p>
        {failure.stale && onReload && (
          <button type="button" className="button" onClick={onReload}>
            {t('taskForms.reloadLatest')}
          </button>
        )}
      </div>
    );
  }
  if (invalid) {
    return (
      <p className="form__alert" role="alert">
        {t('taskForms.fixErrors')}
      </p>
    );
  }
  return (
    <p className="form__success" role="status">
      {succeeded ? successText : ''}
    </p>
  );
}
