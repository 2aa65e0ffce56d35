import type { ServerFailure } from './form-errors';

interface FormFeedbackProps {
  failure: ServerFailure | null;
  succeeded: boolean;
  successText: string;
  /** Shown when the form was refused locally (field errors). */
  invalidText?: string | undefined;
}

/** Above or below a form: the server's refusal, the "fix the marked fields" note, or a quiet success. */
export function FormFeedback({ failure, succeeded, successText, invalidText }: FormFeedbackProps) {
  if (failure) {
    return (
      <p className="form__alert" role="alert">
        {failure.message}
      </p>
    );
  }
  if (invalidText) {
    return (
      <p className="form__alert" role="alert">
        {invalidText}
      </p>
    );
  }
  return (
    <p className="form__success" role="status">
      {succeeded ? successText : ''}
    </p>
  );
}
