import type { TFunction } from 'i18next';
import type { FormVocabulary } from '../../components/form-errors';

const FIELD_LABELS = {
  username: 'userAdmin.username',
  fullName: 'userAdmin.fullName',
  role: 'userAdmin.role',
  agencyId: 'userAdmin.agency',
  password: 'userAdmin.password',
  email: 'userAdmin.email',
} as const;

/** The users' forms: their sentences and field names. */
export function userFormVocabulary(t: TFunction): FormVocabulary {
  return {
    validation: 'userAdmin.validation',
    errors: 'userAdmin.errors',
    label: (path) =>
      t(path in FIELD_LABELS ? FIELD_LABELS[path as keyof typeof FIELD_LABELS] : 'userAdmin.fullName'),
    choice: (path) => path === 'role' || path === 'agencyId',
  };
}
