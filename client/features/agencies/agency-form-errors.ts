import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZodError } from 'zod';
import { describeServerError, type FieldErrors, zodFieldErrors } from '../../components/form-errors';

const VALIDATION_KEYS = ['required', 'tooLong', 'invalidCode'] as const;
const SERVER_REASONS = [
  'agencyCodeTaken',
  'parentMustBeProvincial',
  'noParentAllowed',
  'unknownAgency',
] as const;
/** Fields filled by picking, not typing: their complaint is "please choose". */
const CHOICE_FIELDS = new Set(['kind', 'parentId']);

const FIELD_LABELS = {
  code: 'agencyAdmin.code',
  nameVi: 'agencyAdmin.nameVi',
  nameEn: 'agencyAdmin.nameEn',
  kind: 'agencyAdmin.kind',
  parentId: 'agencyAdmin.parent',
} as const;
type LabelledField = keyof typeof FIELD_LABELS;

function isOneOf<K extends string>(list: readonly K[], value: string): value is K {
  return (list as readonly string[]).includes(value);
}

/** The unit forms' messages in the reader's language: schema keys and the service's reasons. */
export function useAgencyFormMessages() {
  const { t } = useTranslation();
  const labelOf = useCallback(
    (path: string): string =>
      t(path in FIELD_LABELS ? FIELD_LABELS[path as LabelledField] : 'agencyAdmin.code'),
    [t],
  );
  const message = useCallback(
    (key: string, path: string) => {
      // Inside a sentence the field keeps its proper nouns' capitals ("tên tiếng Việt").
      const inline = path in FIELD_LABELS ? t(`agencyAdmin.inline.${path as LabelledField}`) : labelOf(path);
      if (CHOICE_FIELDS.has(path)) return t('agencyAdmin.validation.choose', { field: inline });
      if (key === 'required') return t('agencyAdmin.validation.required', { field: inline });
      if (isOneOf(VALIDATION_KEYS, key)) return t(`agencyAdmin.validation.${key}`, { field: labelOf(path) });
      return t('agencyAdmin.validation.invalid', { field: labelOf(path) });
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
        if (isOneOf(SERVER_REASONS, reason)) return t(`agencyAdmin.errors.${reason}`);
        if (path !== undefined && isOneOf(VALIDATION_KEYS, reason)) return message(reason, path);
        return undefined;
      }),
    [message, t],
  );
  return { fieldErrors, describe, choose: (path: string) => message('choose', path) };
}
