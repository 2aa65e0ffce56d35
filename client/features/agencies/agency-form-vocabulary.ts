import type { TFunction } from 'i18next';
import type { FormVocabulary } from '../../components/form-errors';

const FIELDS = ['code', 'nameVi', 'nameEn', 'kind', 'parentId'] as const;
type LabelledField = (typeof FIELDS)[number];
const FIELD_LABELS = {
  code: 'agencyAdmin.code',
  nameVi: 'agencyAdmin.nameVi',
  nameEn: 'agencyAdmin.nameEn',
  kind: 'agencyAdmin.kind',
  parentId: 'agencyAdmin.parent',
} as const satisfies Record<LabelledField, string>;

function isLabelled(path: string): path is LabelledField {
  return (FIELDS as readonly string[]).includes(path);
}

/** The unit forms: their sentences and field names. */
export function agencyFormVocabulary(t: TFunction): FormVocabulary {
  const label = (path: string) => t(isLabelled(path) ? FIELD_LABELS[path] : 'agencyAdmin.code');
  return {
    validation: 'agencyAdmin.validation',
    errors: 'agencyAdmin.errors',
    label,
    // Inside a sentence the field keeps its proper nouns' capitals ("tên tiếng Việt").
    inline: (path) => (isLabelled(path) ? t(`agencyAdmin.inline.${path}`) : label(path)),
    choice: (path) => path === 'kind' || path === 'parentId',
  };
}
