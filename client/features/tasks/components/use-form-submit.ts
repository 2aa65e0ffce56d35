import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '../api/use-idempotency-key';
import { describeServerError, type FieldErrors, type ServerFailure } from '../form-errors';

interface SubmitState {
  pending: boolean;
  failure: ServerFailure | null;
  succeeded: boolean;
}

/**
 * The life of one form's submissions: an idempotency key kept until a submission succeeds, a pending
 * flag (the button is disabled meanwhile), the server's refusal in the user's language, and focus moved
 * to the first invalid field when validation fails.
 */
export function useFormSubmit(formRef: RefObject<HTMLFormElement | null>) {
  const { t } = useTranslation();
  const key = useIdempotencyKey();
  const busy = useRef(false);
  const [state, setState] = useState<SubmitState>({ pending: false, failure: null, succeeded: false });
  const [errors, setErrorsState] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt, formRef]);

  const setErrors = useCallback((next: FieldErrors) => {
    setErrorsState(next);
    if (Object.keys(next).length > 0) {
      setState((s) => ({ ...s, succeeded: false }));
      setAttempt((n) => n + 1);
    }
  }, []);

  const run = useCallback(
    async (send: () => Promise<unknown>, onSuccess?: () => void) => {
      if (busy.current) return;
      busy.current = true;
      setErrorsState({});
      setState({ pending: true, failure: null, succeeded: false });
      try {
        await send();
        key.renew();
        onSuccess?.();
        setState({ pending: false, failure: null, succeeded: true });
      } catch (error) {
        const failure = describeServerError(error, t);
        setState({ pending: false, failure, succeeded: false });
        if (failure.field) setErrors({ [failure.field]: failure.message });
      } finally {
        busy.current = false;
      }
    },
    [key, t, setErrors],
  );

  const clearFailure = useCallback(() => setState((s) => ({ ...s, failure: null })), []);

  return { ...state, errors, setErrors, run, clearFailure, idempotencyKey: key.current };
}
