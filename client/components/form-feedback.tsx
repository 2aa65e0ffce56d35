import { useTranslation } from 'react-i18next';
import { ErrorSummary } from './error-summary';
import type { FieldErrors, ServerFailure } from './form-errors';
import './forms.css';

interface FormFeedbackProps {
  failure: ServerFailure | null;
  succeeded: boolean;
  /** Without one, the success is told elsewhere (a task's actions say what happens next). */
  successText?: string | undefined;
  /** An alert with no server failure behind it: the form was refused locally (field errors). */
  invalidText?: string | undefined;
  /** Fetches the latest version; offered when someone else changed the record meanwhile. */
  onReload?: (() => void) | undefined;
}

/** Above a form: the server's refusal (with a reload when the record moved on), the "fix the marked fields" note, or a quiet success. */
export function FormFeedback({ failure, succeeded, successText, invalidText, onReload }: FormFeedbackProps) {
  const { t } = useTranslation();
  if (failure) {
    return (
      <div className="form__alert" role="alert">
        <p>{failure.message}</p>
        {failure.stale && onReload && (
          <button type="button" className="button" onClick={onReload}>
            {t('common.reloadLatest')}
          </button>
        )}
      </div>
    );
  }
  if (invalidText) {
    return (
      <p className="form__alert" role="alert">
        {invalidText}
      </p>
    );
  }
  if (successText === undefined) return null;
  return (
    <p className="form__success" role="status">
      {succeeded ? successText : ''}
    </p>
  );
}

interface SubmitFeedbackProps {
  submit: {
    failure: ServerFailure | null;
    succeeded: boolean;
    invalid: boolean;
    /** The fields' messages: listed, with links to the fields, in the error summary. */
    errors?: FieldErrors;
  };
  successText?: string | undefined;
  onReload?: (() => void) | undefined;
}

/**
 * FormFeedback for a form run by `useFormSubmit`: with field errors (the form's own or the field the
 * server blamed), the error summary with a link to each; otherwise the server's refusal or the success.
 */
export function SubmitFeedback({ submit, successText, onReload }: SubmitFeedbackProps) {
  const { t } = useTranslation();
  const errors = submit.errors ?? {};
  // A record someone else changed keeps its alert: it offers the reload the summary cannot.
  if (Object.keys(errors).length > 0 && !submit.failure?.stale) return <ErrorSummary errors={errors} />;
  return (
    <FormFeedback
      failure={submit.failure}
      succeeded={submit.succeeded}
      successText={successText}
      invalidText={submit.invalid ? t('validation.fixErrors') : undefined}
      onReload={onReload}
    />
  );
}
