import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { useIdempotencyKey } from '../lib/use-idempotency-key';
import type { FieldErrors, ServerFailure } from './form-errors';

interface SubmitState {
  pending: boolean;
  failure: ServerFailure | null;
  succeeded: boolean;
}

/**
 * Moves the focus, after each refused attempt, to the form's error summary (GOV.UK), or without one to
 * the first marked field. Call the returned function when an attempt is refused.
 */
export function useErrorFocus(formRef: RefObject<HTMLFormElement | null>): () => void {
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt === 0) return;
    const form = formRef.current;
    (
      form?.querySelector<HTMLElement>('.error-summary') ??
      form?.querySelector<HTMLElement>('[aria-invalid="true"]')
    )?.focus();
  }, [attempt, formRef]);
  return useCallback(() => setAttempt((n) => n + 1), []);
}

/**
 * The life of one form's submissions: an idempotency key kept until a submission succeeds, a pending
 * flag (buttons are disabled meanwhile), the server's refusal in the user's language (also shown beside
 * the field it names), and focus moved to the error summary (or, without one, the first invalid field)
 * whenever validation fails.
 */
export function useFormSubmit(
  formRef: RefObject<HTMLFormElement | null>,
  describe: (error: unknown) => ServerFailure,
) {
  const key = useIdempotencyKey();
  const busy = useRef(false);
  const [state, setState] = useState<SubmitState>({ pending: false, failure: null, succeeded: false });
  const [errors, setErrorsState] = useState<FieldErrors>({});
  const focusErrors = useErrorFocus(formRef);

  // A refusal from an earlier attempt no longer applies once the form is refused locally.
  const setErrors = useCallback(
    (next: FieldErrors) => {
      setErrorsState(next);
      if (Object.keys(next).length > 0) {
        setState((s) => ({ ...s, failure: null, succeeded: false }));
        focusErrors();
      }
    },
    [focusErrors],
  );

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
        const failure = describe(error);
        setState({ pending: false, failure, succeeded: false });
        if (failure.field) {
          setErrorsState({ [failure.field]: failure.message });
          focusErrors();
        }
      } finally {
        busy.current = false;
      }
    },
    [describe, key, focusErrors],
  );

  const reset = useCallback(() => {
    setErrorsState({});
    setState({ pending: false, failure: null, succeeded: false });
  }, []);

  const clearFailure = useCallback(() => setState((s) => ({ ...s, failure: null })), []);

  return {
    ...state,
    errors,
    invalid: Object.keys(errors).length > 0,
    setErrors,
    run,
    reset,
    clearFailure,
    idempotencyKey: key.current,
  };
}
