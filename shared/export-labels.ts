import type { AgencyKind, AgencyLevel } from './agencies';
import type { Pillar } from './kpi-vocabulary';
import type { Language as Lang } from './languages';
import type { DOCUMENT_KINDS } from './schemas/tasks';

/**
 * The words downloads show instead of codes, as the screens word them (client/lib/i18n/messages:
 * `levels`, `kinds` in common, `documents.kinds`, `kpis.pillars`).
 */
export const LEVEL_LABEL: Record<Lang, Record<AgencyLevel, string>> = {
  vi: {
    central: 'Trung ương',
    provincial: 'Địa phương cấp tỉnh',
    department: 'Sở, ban, ngành',
    commune: 'Cấp xã',
  },
  en: {
    central: 'Central',
    provincial: 'Provincial',
    department: 'Provincial department',
    commune: 'Commune',
  },
};

export const KIND_LABEL: Record<Lang, Record<AgencyKind, string>> = {
  vi: {
    ministry: 'Bộ',
    ministry_level: 'Cơ quan ngang bộ',
    government_agency: 'Cơ quan thuộc Chính phủ',
    city: 'Thành phố trực thuộc TW',
    province: 'Tỉnh',
    department: 'Sở, ban, ngành',
    commune: 'Xã',
    ward: 'Phường',
    special_zone: 'Đặc khu',
  },
  en: {
    ministry: 'Ministry',
    ministry_level: 'Ministry-level agency',
    government_agency: 'Government agency',
    city: 'Centrally-run city',
    province: 'Province',
    department: 'Provincial department',
    commune: 'Commune',
    ward: 'Ward',
    special_zone: 'Special zone',
  },
};

export const DOCUMENT_KIND_LABEL: Record<Lang, Record<(typeof DOCUMENT_KINDS)[number], string>> = {
  vi: {
    decision: 'Quyết định',
    resolution: 'Nghị quyết',
    conclusion_notice: 'Thông báo kết luận',
    official_letter: 'Công văn',
    directive: 'Chỉ thị',
  },
  en: {
    decision: 'Decision',
    resolution: 'Resolution',
    conclusion_notice: 'Conclusion notice',
    official_letter: 'Official letter',
    directive: 'Directive',
  },
};

export const PILLAR_LABEL: Record<Lang, Record<Pillar, string>> = {
  vi: {
    services: 'Dịch vụ số',
    data: 'Dữ liệu số',
    operations: 'Chỉ đạo, điều hành trên môi trường số',
    people: 'Nhân lực số',
    security: 'An toàn, an ninh mạng',
  },
  en: {
    services: 'Digital services',
    data: 'Digital data',
    operations: 'Digital direction and operations',
    people: 'Digital workforce',
    security: 'Cybersecurity',
  },
};
