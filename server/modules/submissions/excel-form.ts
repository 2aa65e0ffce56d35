import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import { parseNumberInput } from '../../../shared/number-input';
import { periodName } from '../../../shared/period-names';
import { type TemplateField, valuesSchema } from '../../../shared/report-values';
import { submissionDeadline } from '../../../shared/reporting-periods';
import type { ExcelCellIssue } from '../../../shared/schemas/excel';
import { saveDraftInput } from '../../../shared/schemas/reports';
import { collectablePeriod } from '../../../shared/template-versions';
import { formatVietnameseDate, vietnamDate } from '../../../shared/time';
import type { Db } from '../../db/client';
import { agencies, submissionRevisions, submissions } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { cellIssue, cellsRefusal, fileRefusal, openWorkbook, readCell } from '../excel/read';
import { loadHolidays } from '../holidays/queries';
import { loadTemplate, templateIdForPeriod } from '../templates/queries';
import { issuesFor } from './checks';
import { canDownloadForm } from './policy';
import { agencyOf, submissionKeyIs } from './queries';
import { saveDraft } from './service';

/**
 * A report as an Excel form to fill offline, and the filled form read back into a draft (ADR 0035).
 * The form: one sheet ("Báo cáo" / "Report"), the template, agency and period above a table of one row
 * per field from row 7: code (A), label with * when required (B), the value to fill (C, the only
 * unlocked cells, with Excel's data validation), unit (D), what is allowed (E). A very hidden sheet
 * holds what the form is for (template version, period, agency); an upload for anything else is refused.
 * The upload saves through `saveDraft`, the screen's own save, with its rights and its version check.
 */

type Lang = 'vi' | 'en';

export const FORM_SHEETS: Record<Lang, string> = { vi: 'Báo cáo', en: 'Report' };
const META_SHEET = 'dgm';
const META_MARK = 'dgm-report-form';
const FORMAT_VERSION = 1;
export const FIRST_FIELD_ROW = 7;
const CODE_COLUMN = 'A';
export const VALUE_COLUMN = 'C';

const WORDS = {
  vi: {
    agency: 'Cơ quan',
    period: 'Kỳ báo cáo',
    deadline: 'Hạn nộp',
    hint: 'Điền số liệu vào cột C. Dấu * là chỉ tiêu bắt buộc. Số viết theo kiểu Việt Nam (1.000; 12,5) hoặc nhập số trực tiếp.',
    header: ['Mã chỉ tiêu', 'Chỉ tiêu', 'Giá trị', 'Đơn vị', 'Yêu cầu'],
    integer: 'Số nguyên',
    decimal: 'Số',
    percent: 'Tỷ lệ phần trăm (0–100)',
    text: 'Văn bản (tối đa 5.000 ký tự)',
    from: 'từ',
    to: 'đến',
    invalidTitle: 'Giá trị không hợp lệ',
  },
  en: {
    agency: 'Agency',
    period: 'Reporting period',
    deadline: 'Deadline',
    hint: 'Fill in column C. * marks a required figure. Numbers as typed in English (1,000; 12.5) or as numbers.',
    header: ['Field code', 'Indicator', 'Value', 'Unit', 'Allowed'],
    integer: 'Whole number',
    decimal: 'Number',
    percent: 'Percentage (0–100)',
    text: 'Text (at most 5,000 characters)',
    from: 'from',
    to: 'to',
    invalidTitle: 'Invalid value',
  },
} as const;

function bounds(field: TemplateField): { min: number | null; max: number | null } {
  if (field.type === 'percent')
    return { min: Math.max(field.min ?? 0, 0), max: Math.min(field.max ?? 100, 100) };
  return { min: field.min, max: field.max };
}

function allowedText(field: TemplateField, lang: Lang): string {
  const w = WORDS[lang];
  const kind = w[field.type];
  if (field.type === 'text' || field.type === 'percent') return kind;
  const { min, max } = bounds(field);
  const range = [min !== null ? `${w.from} ${min}` : '', max !== null ? `${w.to} ${max}` : '']
    .filter(Boolean)
    .join(' ');
  return range ? `${kind}, ${range}` : kind;
}

/** Excel's own check as the officer types (a help only: the server judges the upload). */
function dataValidation(field: TemplateField, lang: Lang): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: WORDS[lang].invalidTitle,
    error: allowedText(field, lang),
  };
  if (field.type === 'text')
    return { ...common, type: 'textLength', operator: 'lessThanOrEqual', formulae: [5000] };
  const { min, max } = bounds(field);
  return {
    ...common,
    type: field.type === 'integer' ? 'whole' : 'decimal',
    operator: 'between',
    formulae: [min ?? -1e15, max ?? 1e15],
  };
}

async function agencyNames(db: Db, agencyId: number) {
  const [row] = await db
    .select({ nameVi: agencies.nameVi, nameEn: agencies.nameEn })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The version, period and agency's obligation of a form, checked as the new report's form checks them. */
async function formTarget(db: Db, actor: Actor, templateId: number, periodKey: string, now: Date) {
  const { template, fields } = await loadTemplate(db, await templateIdForPeriod(db, templateId, periodKey));
  const agency = await agencyOf(db, actor.agencyId);
  if (!canDownloadForm(actor, template.obligation, agency)) throw new AppError('FORBIDDEN');
  const period = template.active ? collectablePeriod(template, periodKey, vietnamDate(now)) : null;
  if (!period) throw new AppError('VALIDATION', 'invalidPeriod', { field: 'periodKey' });
  return { template, fields, period };
}

/**
 * The form of the actor's agency's report for a period, prefilled with its current draft's figures
 * (a returned or accepted report's figures too, so a correction starts from them).
 */
export async function buildReportForm(
  db: Db,
  actor: Actor,
  input: { templateId: number; periodKey: string; lang: Lang },
  now = new Date(),
) {
  const { lang } = input;
  const { template, fields, period } = await formTarget(db, actor, input.templateId, input.periodKey, now);
  const names = await agencyNames(db, actor.agencyId);
  const [current] = await db
    .select({ values: submissionRevisions.values })
    .from(submissions)
    .innerJoin(
      submissionRevisions,
      and(
        eq(submissionRevisions.submissionId, submissions.id),
        eq(submissionRevisions.revision, submissions.currentRevision),
      ),
    )
    .where(submissionKeyIs(template.id, actor.agencyId, period.key));
  const values = current?.values ?? {};
  const deadline = submissionDeadline(period, template.deadlineRule, await loadHolidays(db));
  const w = WORDS[lang];

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Giám sát Chính phủ số';
  const sheet = workbook.addWorksheet(FORM_SHEETS[lang], {
    pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.addRow([`${lang === 'vi' ? template.nameVi : template.nameEn} (${template.code})`]).font = {
    bold: true,
    size: 13,
  };
  sheet.addRow([w.agency, lang === 'vi' ? names.nameVi : names.nameEn]);
  sheet.addRow([w.period, periodName(period.key, lang)]);
  sheet.addRow([w.deadline, formatVietnameseDate(deadline)]);
  sheet.addRow([w.hint]).font = { italic: true };
  const header = sheet.addRow([...w.header]);
  header.font = { bold: true };
  for (const [index, field] of fields.entries()) {
    const label = `${lang === 'vi' ? field.labelVi : field.labelEn}${field.required ? ' *' : ''}`;
    const value = values[field.code];
    const row = sheet.addRow([
      field.code,
      label,
      value === undefined ? null : value,
      field.unit ?? '',
      allowedText(field, lang),
    ]);
    if (row.number !== FIRST_FIELD_ROW + index) throw new AppError('INTERNAL');
    const cell = row.getCell(VALUE_COLUMN);
    cell.protection = { locked: false };
    cell.dataValidation = dataValidation(field, lang);
    cell.numFmt = field.type === 'integer' ? '#,##0' : field.type === 'text' ? '@' : '#,##0.##';
    cell.border = {
      top: { style: 'thin' },
      bottom: { style: 'thin' },
      left: { style: 'thin' },
      right: { style: 'thin' },
    };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } };
  }
  sheet.getColumn(1).width = 18;
  sheet.getColumn(2).width = 55;
  sheet.getColumn(3).width = 20;
  sheet.getColumn(4).width = 14;
  sheet.getColumn(5).width = 30;
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  // Locked labels guide the officer to the value column; the password is none: this is no security,
  // the server checks every upload.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });

  const meta = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.addRows([
    [META_MARK, FORMAT_VERSION],
    ['templateId', template.id],
    ['templateCode', template.code],
    ['templateVersion', template.version],
    ['periodKey', period.key],
    ['agencyId', actor.agencyId],
    ['fields', fields.map((f) => f.code).join(',')],
  ]);
  await meta.protect('', {});
  return { workbook, fileName: `bieu-mau-${template.code}-${period.key}` };
}

interface FormMeta {
  templateId: number;
  periodKey: string;
  agencyId: number;
}

function readMeta(workbook: ExcelJS.Workbook): FormMeta | null {
  const meta = workbook.getWorksheet(META_SHEET);
  if (!meta || meta.getCell('A1').value !== META_MARK) return null;
  const byKey = new Map<string, unknown>();
  meta.eachRow((row) => byKey.set(String(row.getCell(1).value), row.getCell(2).value));
  const templateId = byKey.get('templateId');
  const periodKey = byKey.get('periodKey');
  const agencyId = byKey.get('agencyId');
  if (typeof templateId !== 'number' || typeof periodKey !== 'string' || typeof agencyId !== 'number')
    return null;
  return { templateId, periodKey, agencyId };
}

type Value = number | string | null;

/** A value cell read for its field: a number (typed, or text in the user's convention), or text. */
function fieldValue(
  cell: ExcelJS.Cell,
  field: TemplateField,
  lang: Lang,
): { value: Value } | { problem: ExcelCellIssue['code'] } {
  const reading = readCell(cell);
  if (reading.kind === 'empty') return { value: null };
  if (reading.kind === 'problem') return { problem: reading.code };
  if (field.type === 'text') {
    if (reading.kind === 'date')
      return { value: formatVietnameseDate(reading.value.toISOString().slice(0, 10)) };
    return { value: String(reading.value).trim() };
  }
  if (reading.kind === 'number') return { value: reading.value };
  if (reading.kind === 'date') return { problem: 'notANumber' };
  const parsed = parseNumberInput(reading.value, lang);
  if (!parsed.ok) return { problem: parsed.reason };
  return { value: parsed.value };
}

const SCHEMA_PROBLEMS = new Set(['notANumber', 'notAnInteger', 'belowMin', 'aboveMax', 'tooLong']);

/**
 * Reads a filled form and saves it as the agency's draft through `saveDraft`, or refuses it whole:
 * a file that is not this form (sheet, template version, period, agency), or the cells that do not
 * pass the template (type, required, range) or its error rules, each named ("C7"). Warnings do not
 * refuse: they come back with the saved draft, as from the screen.
 */
export async function uploadReportForm(
  db: Db,
  actor: Actor,
  input: { templateId: number; periodKey: string; version?: number | undefined; lang: Lang },
  data: Buffer,
  now = new Date(),
) {
  const { lang } = input;
  const { template, fields, period } = await formTarget(db, actor, input.templateId, input.periodKey, now);
  const workbook = await openWorkbook(data);
  const sheet = workbook.getWorksheet(FORM_SHEETS.vi) ?? workbook.getWorksheet(FORM_SHEETS.en);
  if (!sheet) throw fileRefusal('wrongSheet', { sheet: FORM_SHEETS[lang] });
  const meta = readMeta(workbook);
  if (!meta) throw fileRefusal('notAForm');
  if (meta.agencyId !== actor.agencyId) throw fileRefusal('wrongAgency');
  if (meta.templateId !== template.id) throw fileRefusal('wrongTemplate');
  if (meta.periodKey !== period.key) throw fileRefusal('wrongPeriod');

  const cells: ExcelCellIssue[] = [];
  const values: Record<string, Value> = {};
  const rowOf = new Map<string, number>();
  for (const [index, field] of fields.entries()) {
    const rowNumber = FIRST_FIELD_ROW + index;
    rowOf.set(field.code, rowNumber);
    const row = sheet.getRow(rowNumber);
    const code = readCell(row.getCell(CODE_COLUMN));
    if (code.kind !== 'text' || code.value.trim() !== field.code) {
      cells.push(cellIssue(CODE_COLUMN, rowNumber, 'fieldMismatch', { value: field.code }));
      continue;
    }
    const read = fieldValue(row.getCell(VALUE_COLUMN), field, lang);
    if ('problem' in read) {
      cells.push(cellIssue(VALUE_COLUMN, rowNumber, read.problem));
      continue;
    }
    if (read.value === null && field.required) {
      cells.push(cellIssue(VALUE_COLUMN, rowNumber, 'required'));
      continue;
    }
    values[field.code] = read.value;
  }
  // Type and range by the template's own schema, the one the form and `saveDraft` use.
  const parsed = valuesSchema(fields, { forSubmission: false }).safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const code = String(issue.path[0] ?? '');
      const field = fields.find((f) => f.code === code);
      const rowNumber = rowOf.get(code);
      if (!field || rowNumber === undefined) continue;
      const problem = SCHEMA_PROBLEMS.has(issue.message) ? issue.message : 'notANumber';
      const { min, max } = bounds(field);
      cells.push(
        cellIssue(VALUE_COLUMN, rowNumber, problem as ExcelCellIssue['code'], {
          ...(problem === 'belowMin' && min !== null ? { min } : {}),
          ...(problem === 'aboveMax' && max !== null ? { max } : {}),
        }),
      );
    }
  }
  if (cells.length === 0) {
    // The template's rules that refuse (errors); a warning is saved and shown, as on the screen.
    const issues = await issuesFor(
      db,
      { template, fields, agencyId: actor.agencyId, periodEnd: period.end },
      values,
      now,
    );
    for (const issue of issues) {
      if (issue.severity !== 'error') continue;
      const rowNumber = rowOf.get(issue.fields[0] ?? '');
      if (rowNumber === undefined) continue;
      cells.push(
        cellIssue(VALUE_COLUMN, rowNumber, 'rule', {
          messageVi: issue.messageVi,
          messageEn: issue.messageEn,
        }),
      );
    }
  }
  if (cells.length > 0) throw cellsRefusal(cells.sort((a, b) => a.row - b.row));
  const draft = saveDraftInput.parse({
    templateId: template.id,
    periodKey: period.key,
    values,
    ...(input.version === undefined ? {} : { version: input.version }),
  });
  return saveDraft(db, actor, draft);
}
