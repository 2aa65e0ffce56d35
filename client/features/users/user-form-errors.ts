import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZodError } from 'zod';
import { describeServerError, type FieldErrors, zodFieldErrors } from '../../components/form-errors';

const VALIDATION_KEYS = ['required', 'tooLong', 'invalidUsername', 'passwordTooShort'] as const;
const SERVER_REASONS = ['usernameTaken', 'unknownAgency', 'cannotDemoteSelf'] as const;
/** Fields filled by picking, not typing: their complaint is "please choose". */
const CHOICE_FIELDS = new Set(['role', 'agencyId']);

const FIELD_LABELS = {
  username: 'userAdmin.username',
  fullName: 'userAdmin.fullName',
  role: 'userAdmin.role',
  agencyId: 'userAdmin.agency',
  password: 'userAdmin.password',
} as const;
type LabelledField = keyof typeof FIELD_LABELS;

function isOneOf<K extends string>(list: readonly K[], value: string): value is K {
  return (list as readonly string[]).includes(value);
}

/** The users' forms' messages in the reader's language: schema keys and the service's reasons. */
export function useUserFormMessages() {
  const { t } = useTranslation();
  const labelOf = useCallback(
    (path: string): string =>
      t(path in FIELD_LABELS ? FIELD_LABELS[path as LabelledField] : 'userAdmin.fullName'),
    [t],
  );
  const message = useCallback(
    (key: string, path: string) => {
      if (CHOICE_FIELDS.has(path)) {
        return t('userAdmin.validation.choose', { field: labelOf(path).toLocaleLowerCase() });
      }
      if (key === 'required') {
        return t('userAdmin.validation.required', { field: labelOf(path).toLocaleLowerCase() });
      }
      if (isOneOf(VALIDATION_KEYS, key)) return t(`userAdmin.validation.${key}`, { field: labelOf(path) });
      return t('userAdmin.validation.invalid', { field: labelOf(path) });
    },
    [labelOf, t],
  );
  const fieldErrors = useCallback(
    (error: ZodError): FieldErrors => zodFieldErrors(error, message),
    [message],
  );
  const describe = useCallback(
    (error: unknown) =>
      describeServerError(error, t, (reason, path) => {
        if (isOneOf(SERVER_REASONS, reason)) return t(`userAdmin.errors.${reason}`);
        if (path !== undefined && isOneOf(VALIDATION_KEYS, reason)) return message(reason, path);
        return undefined;
      }),
    [message, t],
  );
  return { fieldErrors, describe };
}
