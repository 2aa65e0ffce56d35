import type { i18n as I18n, TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
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
  /** Someone else changed the record meanwhile: a form that can reload offers to. */
  stale: boolean;
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
  if (!isTrpcClientError(error)) return { message: errorMessage(error, t), stale: false };
  const data = (error.data ?? {}) as ErrorData;
  const field = typeof data.details?.field === 'string' ? data.details.field : undefined;
  const reason = typeof data.details?.reason === 'string' ? data.details.reason : undefined;
  for (const candidate of [error.message, reason]) {
    const message = candidate ? reasonMessage(candidate, field) : undefined;
    const stale = candidate === 'staleVersion';
    if (message) return field ? { message, field, stale } : { message, stale };
  }
  const issue = data.issues?.[0];
  if (errorCodeOf(error) === 'VALIDATION' && issue) {
    const message = reasonMessage(issue.message, issue.path);
    if (message) return { message, field: issue.path, stale: false };
  }
  const message = errorMessage(error, t);
  const stale = errorCodeOf(error) === 'CONFLICT';
  return field ? { message, field, stale } : { message, stale };
}

/** Where a form's sentences live in the catalogue, and how it names its fields. */
export interface FormVocabulary {
  /** Prefix of the schema's messages: `<validation>.required`, `.choose`, `.invalid` and one per key. */
  validation: string;
  /** Prefix of the service's refusal reasons this form words itself. */
  errors: string;
  /** The field's label, as the form shows it. */
  label: (path: string) => string;
  /** The field inside a sentence; the label in lower case unless said otherwise. */
  inline?: (path: string) => string;
  /** Fields filled by picking, not typing: their complaint is "please choose". */
  choice?: (path: string) => boolean;
  /** When set, a record changed by someone else is worded with this key (the form offers a reload). */
  conflict?: string;
}

/** One form's messages: schema keys and the service's reasons, in the reader's language. */
export function formMessages(t: TFunction, i18n: Pick<I18n, 'exists'>, vocabulary: FormVocabulary) {
  const { validation, errors, label, conflict } = vocabulary;
  // Keys are composed from the vocabulary's prefixes, so the catalogue's key types cannot check them.
  const say = t as unknown as (key: string, options?: { field: string }) => string;
  const inline = vocabulary.inline ?? ((path: string) => label(path).toLocaleLowerCase());
  // A form's own sentence for a key, else the common one (`validation.*`), else "not valid".
  const known = (key: string): string | undefined =>
    [`${validation}.${key}`, `validation.${key}`].find((k) => i18n.exists(k));
  const sentence = (key: string): string => known(key) ?? known('invalid') ?? 'validation.invalid';
  const message = (key: string, path: string): string => {
    if (vocabulary.choice?.(path)) return say(sentence('choose'), { field: inline(path) });
    if (key === 'required') return say(sentence('required'), { field: inline(path) });
    return say(sentence(key), { field: label(path) });
  };
  const reasonMessage = (reason: string, path: string | undefined): string | undefined => {
    if (i18n.exists(`${errors}.${reason}`)) return say(`${errors}.${reason}`);
    if (path !== undefined && known(reason)) return message(reason, path);
    return undefined;
  };
  return {
    message,
    fieldErrors: (error: ZodError): FieldErrors => zodFieldErrors(error, message),
    describe: (error: unknown): ServerFailure => {
      const failure = describeServerError(error, t, reasonMessage);
      return failure.stale && conflict ? { ...failure, message: say(conflict) } : failure;
    },
  };
}

export function useFormMessages(vocabulary: FormVocabulary) {
  const { t, i18n } = useTranslation();
  return formMessages(t, i18n, vocabulary);
}
