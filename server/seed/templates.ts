import type { Obligation } from '../../shared/obligations';
import type { TemplateField } from '../../shared/report-values';
import type { DeadlineRule } from '../../shared/reporting-periods';
import type { ValidationRule } from '../../shared/validation-rules';
import type { Db } from '../db/client';
import { holidays, reportTemplates, templateFields } from '../db/schema';
import { seededCalendar } from './calendar';

/**
 * KPIs an agency reports as a share (numerator over denominator) in the quarterly Program report, with
 * what each side counts: the form groups a pair under the KPI's name, so each box is labelled by what
 * the officer counts, not "numerator of …".
 */
const SHARE_KPIS: Record<string, { num: [vi: string, en: string]; den: [vi: string, en: string] }> = {
  'DV-01': {
    num: [
      'Số thủ tục hành chính được cung cấp dịch vụ công trực tuyến toàn trình',
      'Administrative procedures offered as full-process online services',
    ],
    den: [
      'Số thủ tục hành chính đủ điều kiện cung cấp trực tuyến toàn trình',
      'Administrative procedures eligible for full-process online service',
    ],
  },
  'DV-02': {
    num: [
      'Số thông tin, giấy tờ liên quan đến sản xuất, kinh doanh chỉ phải cung cấp một lần',
      'Business-related information items and papers provided only once',
    ],
    den: [
      'Tổng số thông tin, giấy tờ trong thủ tục hành chính liên quan đến sản xuất, kinh doanh',
      'All information items and papers in business-related procedures',
    ],
  },
  'DV-03': {
    num: [
      'Số lượt đánh giá hài lòng với dịch vụ công trực tuyến',
      'Satisfied ratings of online public services',
    ],
    den: ['Tổng số lượt đánh giá dịch vụ công trực tuyến', 'All ratings of online public services'],
  },
  'DV-04': {
    num: [
      'Số dịch vụ công trực tuyến thiết yếu triển khai chủ động có hỗ trợ của AI',
      'Essential online services delivered proactively with AI support',
    ],
    den: ['Tổng số dịch vụ công trực tuyến thiết yếu', 'All essential online public services'],
  },
  'DL-02': {
    num: [
      'Số hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa',
      'Procedure records and results digitised',
    ],
    den: ['Tổng số hồ sơ, kết quả giải quyết thủ tục hành chính', 'All procedure records and results'],
  },
  'DL-03': {
    num: [
      'Số thông tin, dữ liệu đã số hóa được khai thác, tái sử dụng',
      'Digitised data items exploited and reused',
    ],
    den: [
      'Tổng số thông tin, dữ liệu đã số hóa trong giải quyết thủ tục hành chính, dịch vụ công',
      'All digitised data items in procedures and public services',
    ],
  },
  'DL-07': {
    num: [
      'Số hệ thống thông tin đã kết nối, chia sẻ dữ liệu qua dịch vụ chia sẻ dữ liệu',
      'Information systems connected through data-sharing services',
    ],
    den: ['Tổng số hệ thống thông tin của cơ quan', 'All the agency’s information systems'],
  },
  'VH-01': {
    num: [
      'Số nền tảng số dùng chung đã hoàn thành, thống nhất từ Trung ương đến địa phương',
      'Shared digital platforms completed and unified from central to local level',
    ],
    den: ['Tổng số nền tảng số dùng chung phải triển khai', 'All shared digital platforms to be deployed'],
  },
  'VH-02': {
    num: [
      'Số hồ sơ công việc xử lý trên môi trường điện tử, có chữ ký số cá nhân',
      'Work records processed electronically with personal digital signatures',
    ],
    den: ['Tổng số hồ sơ công việc (trừ hồ sơ mật)', 'All work records (state secrets excepted)'],
  },
  'NL-01': {
    num: [
      'Số cán bộ, công chức, viên chức được phổ cập kỹ năng số cơ bản',
      'Officials and public employees trained in basic digital skills',
    ],
    den: ['Tổng số cán bộ, công chức, viên chức', 'All officials and public employees'],
  },
  'NL-02': {
    num: [
      'Số cán bộ chuyên trách công nghệ thông tin, chuyển đổi số có chứng chỉ cơ bản về quản trị dữ liệu',
      'IT and digital-transformation staff holding a basic data-governance certificate',
    ],
    den: [
      'Tổng số cán bộ chuyên trách công nghệ thông tin, chuyển đổi số',
      'All IT and digital-transformation staff',
    ],
  },
  'NL-03': {
    num: [
      'Số lãnh đạo có chuyên môn, kinh nghiệm về khoa học, công nghệ, chuyển đổi số',
      'Leaders with science, technology and digital-transformation expertise',
    ],
    den: ['Tổng số lãnh đạo của cơ quan, tổ chức', 'All leaders of the agency'],
  },
  'AT-01': {
    num: [
      'Số hệ thống thông tin có hồ sơ đề xuất cấp độ được phê duyệt trước khi vận hành',
      'Information systems with a security-level dossier approved before going live',
    ],
    den: ['Tổng số hệ thống thông tin phục vụ Chính phủ số', 'All digital-government information systems'],
  },
};

type FieldSeed = Omit<TemplateField, 'unit'> & { unit?: string | null };

/** Most report fields are required whole counts from 0, feeding no KPI. */
const field = (f: Pick<FieldSeed, 'code' | 'labelVi' | 'labelEn'> & Partial<FieldSeed>): FieldSeed => ({
  type: 'integer',
  required: true,
  min: 0,
  max: null,
  kpiCode: null,
  kpiRole: null,
  systemSource: null,
  ...f,
});

function programFields(): FieldSeed[] {
  const fields: FieldSeed[] = [];
  for (const [code, { num, den }] of Object.entries(SHARE_KPIS)) {
    const key = code.toLowerCase().replace('-', '_');
    fields.push(
      field({
        code: `${key}_num`,
        labelVi: num[0],
        labelEn: num[1],
        kpiCode: code,
        kpiRole: 'numerator',
      }),
      field({
        code: `${key}_den`,
        labelVi: den[0],
        labelEn: den[1],
        kpiCode: code,
        kpiRole: 'denominator',
      }),
    );
  }
  // VH-03 as its target says: the agency's reporting regimes, and those run through the Reporting
  // Information System (not computed by this system, which knows only the regimes configured in it).
  fields.push(
    field({
      code: 'vh_03_num',
      labelVi: 'Số chế độ báo cáo của cơ quan được thực hiện qua Hệ thống thông tin báo cáo',
      labelEn: 'The agency’s reporting regimes carried out through the Reporting Information System',
      unit: 'chế độ',
      kpiCode: 'VH-03',
      kpiRole: 'numerator',
    }),
    field({
      code: 'vh_03_den',
      labelVi: 'Tổng số chế độ báo cáo của cơ quan',
      labelEn: 'All the agency’s reporting regimes',
      unit: 'chế độ',
      kpiCode: 'VH-03',
      kpiRole: 'denominator',
    }),
  );
  fields.push(
    field({
      code: 'dl_01_open_data',
      labelVi: 'Cơ quan đã cung cấp dữ liệu mở theo tiêu chuẩn (1: có, 0: chưa)',
      labelEn: 'The agency publishes standardised open data (1 yes, 0 no)',
      max: 1,
      kpiCode: 'DL-01',
    }),
    field({
      code: 'vh_05_ai_use',
      labelVi: 'Cơ quan sử dụng ít nhất một ứng dụng AI trong chỉ đạo, điều hành (1: có, 0: chưa)',
      labelEn: 'The agency uses at least one AI application for direction and administration (1 yes, 0 no)',
      max: 1,
      kpiCode: 'VH-05',
    }),
    field({
      code: 'data_maturity_level',
      labelVi: 'Mức độ trưởng thành quản trị dữ liệu (1–5)',
      labelEn: 'Data-governance maturity level (1–5)',
      min: 1,
      max: 5,
      kpiCode: 'DL-04',
    }),
    field({
      code: 'notes',
      labelVi: 'Thuyết minh, kiến nghị',
      labelEn: 'Explanations and recommendations',
      type: 'text',
      required: false,
      min: null,
    }),
  );
  return fields;
}

/**
 * The quarterly report's rules beyond numerator ≤ denominator (which every KPI pair has): IT and
 * digital-transformation staff are among all officials, and a jump in full-process online services
 * from one quarter to the next is worth a word to the Office.
 */
const PROGRAM_RULES: ValidationRule[] = [
  {
    code: 'nl_02_within_staff',
    kind: 'compare',
    severity: 'error',
    left: 'nl_02_den',
    op: 'lte',
    right: 'nl_01_den',
    messageVi:
      'Số cán bộ chuyên trách công nghệ thông tin, chuyển đổi số (mẫu số NL-02) không được lớn hơn tổng số cán bộ, công chức, viên chức (mẫu số NL-01).',
    messageEn:
      'IT and digital-transformation staff (NL-02 denominator) cannot outnumber all officials and public employees (NL-01 denominator).',
  },
  {
    code: 'dv_01_change',
    kind: 'deviation',
    severity: 'warning',
    field: 'dv_01_num',
    maxChangePercent: 50,
    messageVi:
      'Số thủ tục cung cấp dịch vụ công trực tuyến toàn trình (tử số DV-01) thay đổi hơn 50 % so với kỳ trước đã được chấp nhận.',
    messageEn:
      'Procedures offered as full-process online services (DV-01 numerator) changed by more than 50% from the previous accepted period.',
  },
];

/** The monthly task report: the counts the system holds are prefilled; completed and overdue are among the assigned. */
const TASK_REPORT_RULES: ValidationRule[] = [
  {
    code: 'completed_within_assigned',
    kind: 'compare',
    severity: 'error',
    left: 'tasks_completed',
    op: 'lte',
    right: 'tasks_assigned',
    messageVi: 'Số nhiệm vụ đã hoàn thành không được lớn hơn số nhiệm vụ được giao.',
    messageEn: 'Tasks completed cannot exceed tasks assigned.',
  },
  {
    code: 'overdue_within_assigned',
    kind: 'compare',
    severity: 'error',
    left: 'tasks_overdue',
    op: 'lte',
    right: 'tasks_assigned',
    messageVi: 'Số nhiệm vụ quá hạn không được lớn hơn số nhiệm vụ được giao.',
    messageEn: 'Overdue tasks cannot exceed tasks assigned.',
  },
];

const TEMPLATES: {
  code: string;
  nameVi: string;
  nameEn: string;
  periodType: 'month' | 'quarter';
  deadlineRule: DeadlineRule;
  obligation: Obligation;
  firstPeriod: string;
  fields: FieldSeed[];
  validationRules: ValidationRule[];
}[] = [
  {
    code: 'BC-CPS-QUY',
    nameVi: 'Báo cáo tình hình thực hiện Chương trình phát triển Chính phủ số',
    nameEn: 'Report on implementing the Digital Government Development Program',
    periodType: 'quarter',
    deadlineRule: { kind: 'fixed_day', day: 20, monthsAfter: 0 },
    obligation: { levels: ['central', 'provincial'] },
    firstPeriod: '2026-Q1',
    fields: programFields(),
    validationRules: PROGRAM_RULES,
  },
  {
    code: 'BC-NV-THANG',
    nameVi: 'Báo cáo tình hình thực hiện nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao',
    nameEn: 'Report on the tasks assigned by the Government and the Prime Minister',
    periodType: 'month',
    deadlineRule: { kind: 'working_days_after_cutoff', days: 2 },
    obligation: { levels: ['central', 'provincial'] },
    firstPeriod: '2026-M01',
    fields: [
      field({
        code: 'tasks_assigned',
        labelVi: 'Số nhiệm vụ được giao (lũy kế)',
        labelEn: 'Tasks assigned (to date)',
        unit: 'nhiệm vụ',
        systemSource: 'tasks.assigned',
      }),
      field({
        code: 'tasks_completed',
        labelVi: 'Số nhiệm vụ đã hoàn thành',
        labelEn: 'Tasks completed',
        unit: 'nhiệm vụ',
        systemSource: 'tasks.completed',
      }),
      field({
        code: 'tasks_overdue',
        labelVi: 'Số nhiệm vụ quá hạn chưa hoàn thành',
        labelEn: 'Overdue unfinished tasks',
        unit: 'nhiệm vụ',
        systemSource: 'tasks.overdue',
      }),
      field({
        code: 'notes',
        labelVi: 'Khó khăn, vướng mắc, kiến nghị',
        labelEn: 'Difficulties and recommendations',
        type: 'text',
        required: false,
        min: null,
      }),
    ],
    validationRules: TASK_REPORT_RULES,
  },
];

/** The working calendar (`calendar.ts`) and the two reporting regimes of the Program. Idempotent. */
export async function seedReportingReference(db: Db): Promise<void> {
  await db.insert(holidays).values(seededCalendar()).onConflictDoNothing();
  for (const t of TEMPLATES) {
    const [template] = await db
      .insert(reportTemplates)
      .values({
        code: t.code,
        nameVi: t.nameVi,
        nameEn: t.nameEn,
        periodType: t.periodType,
        deadlineRule: t.deadlineRule,
        obligation: t.obligation,
        firstPeriod: t.firstPeriod,
        validationRules: t.validationRules,
      })
      .onConflictDoNothing()
      .returning({ id: reportTemplates.id });
    if (!template) continue;
    await db.insert(templateFields).values(
      t.fields.map((f, i) => ({
        ...f,
        unit: f.unit ?? (f.type === 'percent' ? '%' : null),
        templateId: template.id,
        sortOrder: i + 1,
      })),
    );
  }
}
