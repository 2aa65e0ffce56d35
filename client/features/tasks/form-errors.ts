import type { TFunction } from 'i18next';
import type { ZodError } from 'zod';
import { errorCodeOf, errorMessage } from '../../lib/error-message';
import { isTrpcClientError } from '../../lib/trpc';

/** The message keys the shared task schemas use (shared/schemas/tasks.ts). */
const VALIDATION_KEYS = [
  'required',
  'tooLong',
  'invalidDate',
  'invalid',
  'percentRange',
  'invalidUrl',
  'commentRequired',
] as const;
type ValidationKey = (typeof VALIDATION_KEYS)[number];

const SERVICE_KEYS = [
  'staleVersion',
  'extensionPending',
  'completionPending',
  'taskClosed',
  'documentNumberTaken',
  'extensionNotLater',
  'dateInFuture',
  'leadIsCoordinator',
  'unknownAgency',
  'unknownDocument',
  'unknownFile',
] as const;
type ServiceKey = (typeof SERVICE_KEYS)[number];

function isValidationKey(value: string): value is ValidationKey {
  return (VALIDATION_KEYS as readonly string[]).includes(value);
}

function isServiceKey(value: unknown): value is ServiceKey {
  return typeof value === 'string' && (SERVICE_KEYS as readonly string[]).includes(value);
}

export type FieldErrors = Record<string, string>;

/** One schema message in the user's language, naming the field. */
export function validationMessage(t: TFunction, key: string, label: string): string {
  const known: ValidationKey = isValidationKey(key) ? key : 'invalid';
  const field = known === 'required' ? label.toLocaleLowerCase() : label;
  return t(`taskValidation.${known}`, { field });
}

/**
 * The schema's complaints as one message per field (dotted path, e.g. `tasks.0.title`), first one wins.
 * `label` names the field for the message; `choice` marks fields filled by picking, not typing.
 */
export function zodFieldErrors(
  error: ZodError,
  t: TFunction,
  label: (path: string) => string,
  choice: (path: string) => boolean = () => false,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (errors[path]) continue;
    errors[path] = choice(path)
      ? t('taskValidation.choose', { field: label(path).toLocaleLowerCase() })
      : validationMessage(t, issue.message, label(path));
  }
  return errors;
}

export interface ServerFailure {
  /** For the alert above the form. */
  message: string;
  /** The field the server blamed, when it named one. */
  field?: string;
  /** Someone else changed the record: offer a reload, keep what the user typed. */
  stale: boolean;
}

interface ErrorData {
  details?: { reason?: unknown; field?: unknown } | null;
  issues?: { path: string; message: string }[] | null;
}

/** A refused write, said in the user's language: the service's reason when it gave one, else the code. */
export function describeServerError(error: unknown, t: TFunction): ServerFailure {
  if (!isTrpcClientError(error)) return { message: errorMessage(error, t), stale: false };
  const data = (error.data ?? {}) as ErrorData;
  const reason = data.details?.reason;
  const field = typeof data.details?.field === 'string' ? data.details.field : undefined;
  const key = isServiceKey(error.message) ? error.message : isServiceKey(reason) ? reason : undefined;
  const stale = key === 'staleVersion';
  if (key) return { message: t(`taskErrors.${key}`), field, stale };
  const issue = data.issues?.[0];
  if (errorCodeOf(error) === 'VALIDATION' && issue && isValidationKey(issue.message)) {
    return {
      message: validationMessage(t, issue.message, issue.path || t('errors.VALIDATION')),
      field: issue.path,
      stale,
    };
  }
  return { message: errorMessage(error, t), field, stale: errorCodeOf(error) === 'CONFLICT' };
}
