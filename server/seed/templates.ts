import type { Obligation } from '../../shared/obligations';
import type { TemplateField } from '../../shared/report-values';
import type { DeadlineRule } from '../../shared/reporting-periods';
import type { ValidationRule } from '../../shared/validation-rules';
import type { Db } from '../db/client';
import { holidays, reportTemplates, templateFields } from '../db/schema';
import kpiCatalog from './reference/kpi-catalog.json' with { type: 'json' };

/**
 * Vietnamese public holidays 2025–2027 under the Labour Code 2019 (Tết: the last day of the old lunar
 * year and the first four of the new; Hùng Kings' day on 10/3 lunar; 2/9 with one adjacent day).
 * The administrator adjusts them each year to the Government's official schedule (swapped days etc.).
 */
const HOLIDAYS: [string, string, string][] = [
  ...[2025, 2026, 2027].flatMap((y): [string, string, string][] => [
    [`${y}-01-01`, 'Tết Dương lịch', "New Year's Day"],
    [`${y}-04-30`, 'Ngày Giải phóng miền Nam', 'Reunification Day'],
    [`${y}-05-01`, 'Ngày Quốc tế Lao động', 'International Labour Day'],
    [`${y}-09-02`, 'Quốc khánh', 'National Day'],
  ]),
  ['2025-09-01', 'Nghỉ lễ Quốc khánh', 'National Day holiday'],
  ['2026-09-01', 'Nghỉ lễ Quốc khánh', 'National Day holiday'],
  ['2027-09-03', 'Nghỉ lễ Quốc khánh', 'National Day holiday'],
  ['2025-04-07', 'Giỗ Tổ Hùng Vương', "Hung Kings' Commemoration Day"],
  ['2026-04-26', 'Giỗ Tổ Hùng Vương', "Hung Kings' Commemoration Day"],
  ['2027-04-16', 'Giỗ Tổ Hùng Vương', "Hung Kings' Commemoration Day"],
  ...['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01'].map(
    (d): [string, string, string] => [d, 'Tết Nguyên đán', 'Lunar New Year'],
  ),
  ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map(
    (d): [string, string, string] => [d, 'Tết Nguyên đán', 'Lunar New Year'],
  ),
  ...['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09'].map(
    (d): [string, string, string] => [d, 'Tết Nguyên đán', 'Lunar New Year'],
  ),
];

/** KPIs an agency reports as a share (numerator over denominator) in the quarterly Program report. */
const SHARE_KPIS = [
  'DV-01',
  'DV-02',
  'DV-03',
  'DV-04',
  'DL-02',
  'DL-03',
  'DL-07',
  'VH-01',
  'VH-02',
  'NL-01',
  'NL-02',
  'NL-03',
  'AT-01',
];

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
  for (const code of SHARE_KPIS) {
    const kpi = kpiCatalog.kpis.find((k) => k.code === code);
    if (!kpi) continue;
    const key = code.toLowerCase().replace('-', '_');
    fields.push(
      field({
        code: `${key}_num`,
        labelVi: `Tử số — ${kpi.vi}`,
        labelEn: `Numerator — ${kpi.en}`,
        kpiCode: code,
        kpiRole: 'numerator',
      }),
      field({
        code: `${key}_den`,
        labelVi: `Mẫu số — ${kpi.vi}`,
        labelEn: `Denominator — ${kpi.en}`,
        kpiCode: code,
        kpiRole: 'denominator',
      }),
    );
  }
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

/** The holiday calendar and the two reporting regimes of the Program. Idempotent. */
export async function seedReportingReference(db: Db): Promise<void> {
  await db
    .insert(holidays)
    .values(HOLIDAYS.map(([date, nameVi, nameEn]) => ({ date, nameVi, nameEn })))
    .onConflictDoNothing();
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
