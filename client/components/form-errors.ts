import type { TFunction } from 'i18next';
import type { ZodError } from 'zod';
import { errorCodeOf, errorMessage } from '../lib/error-message';
import { isTrpcClientError } from '../lib/trpc';

export type FieldErrors = Record<string, string>;

/** The schema's complaints, one per field (dotted path), first one wins; `message` words each key. */
export function zodFieldErrors(error: ZodError, message: (key: string, path: string) => string): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (errors[path] === undefined) errors[path] = message(issue.message, path);
  }
  return errors;
}

export interface ServerFailure {
  /** For the alert above the form. */
  message: string;
  /** The field the server blamed, when it named one. */
  field?: string;
}

interface ErrorData {
  details?: { reason?: unknown; field?: unknown } | null;
  issues?: { path: string; message: string }[] | null;
}

/**
 * A refused write in the user's language. `reasonMessage` words the reasons the caller knows (the
 * service's `error.message` or `details.reason`, or a schema key from `issues`) and returns undefined
 * for the others, which fall back to the generic message for the error code.
 */
export function describeServerError(
  error: unknown,
  t: TFunction,
  reasonMessage: (reason: string, field: string | undefined) => string | undefined,
): ServerFailure {
  if (!isTrpcClientError(error)) return { message: errorMessage(error, t) };
  const data = (error.data ?? {}) as ErrorData;
  const field = typeof data.details?.field === 'string' ? data.details.field : undefined;
  const reason = typeof data.details?.reason === 'string' ? data.details.reason : undefined;
  for (const candidate of [error.message, reason]) {
    const message = candidate ? reasonMessage(candidate, field) : undefined;
    if (message) return field ? { message, field } : { message };
  }
  const issue = data.issues?.[0];
  if (errorCodeOf(error) === 'VALIDATION' && issue) {
    const message = reasonMessage(issue.message, issue.path);
    if (message) return { message, field: issue.path };
  }
  const message = errorMessage(error, t);
  return field ? { message, field } : { message };
}
