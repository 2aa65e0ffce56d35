import { z } from 'zod';
import { positiveId } from './ids';

/**
 * What an uploaded Excel file is answered with when it cannot be taken (nothing is saved): a reason for
 * the whole file, or one line per cell ("C7: phải là số nguyên"). Codes, not sentences: the client words
 * them in the user's language (client/lib/i18n/messages/excel.*.ts); a template rule's own sentence
 * comes in both languages.
 */
export const EXCEL_FILE_PROBLEMS = [
  'noFile',
  'fileTooLarge',
  'notXlsx',
  'corruptFile',
  'wrongSheet',
  'notAForm',
  'wrongTemplate',
  'wrongPeriod',
  'wrongAgency',
  'emptySheet',
  'tooManyRows',
] as const;
export type ExcelFileProblem = (typeof EXCEL_FILE_PROBLEMS)[number];

export const EXCEL_CELL_PROBLEMS = [
  'required',
  'notANumber',
  'ambiguous',
  'notAnInteger',
  'belowMin',
  'aboveMax',
  'tooLong',
  'formulaWithoutResult',
  'formulaError',
  'fieldMismatch',
  'rule',
  'notADate',
  'agencyNotFound',
  'agencyAmbiguous',
  'agencyNotAssignable',
  'invalidGroup',
  'invalidPriority',
  'duplicateAgency',
] as const;
export type ExcelCellProblem = (typeof EXCEL_CELL_PROBLEMS)[number];

export const excelCellIssue = z.object({
  /** The cell as Excel names it: `C7`. */
  cell: z.string(),
  row: z.number(),
  column: z.string(),
  code: z.enum(EXCEL_CELL_PROBLEMS),
  /** The value the problem is about (an agency's name as typed), for the sentence. */
  value: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** A template rule's own words (`code: 'rule'`). */
  messageVi: z.string().optional(),
  messageEn: z.string().optional(),
});
export type ExcelCellIssue = z.infer<typeof excelCellIssue>;

/** The body of a refused upload (status 400, 413 or 415). */
export const excelUploadRefusal = z.object({
  error: z.string(),
  reason: z.union([z.enum(EXCEL_FILE_PROBLEMS), z.literal('cells'), z.string()]),
  /** `wrongSheet`: the sheet the form is read from. */
  sheet: z.string().optional(),
  maxBytes: z.number().optional(),
  cells: z.array(excelCellIssue).optional(),
});
export type ExcelUploadRefusal = z.infer<typeof excelUploadRefusal>;

/** The largest Excel file taken (a filled form is a few kilobytes; a task list of 200 rows well under 1 MB). */
export const EXCEL_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

/** Where the report form's upload goes: the page's template, period and submission version. */
export const reportFormUploadQuery = z.object({
  templateId: z.coerce.number().pipe(positiveId()),
  periodKey: z.string().max(20),
  version: z.coerce.number().pipe(positiveId()).optional(),
  lang: z.enum(['vi', 'en']).default('vi'),
});

/** One task of a directive document read from an Excel sheet, its agencies resolved. */
export const taskImportRow = z.object({
  row: z.number(),
  title: z.string(),
  description: z.string(),
  groupNo: z.number().nullable(),
  lead: z.object({ id: z.number(), nameVi: z.string(), nameEn: z.string() }),
  coordinators: z.array(z.object({ id: z.number(), nameVi: z.string(), nameEn: z.string() })),
  deadline: z.string().nullable(),
  priority: z.enum(['normal', 'high', 'urgent']),
  isKey: z.boolean(),
});
export type TaskImportRow = z.infer<typeof taskImportRow>;

/** The preview: every row read, and the problems of the rows that cannot be taken (none: it may be saved). */
export const taskImportPreview = z.object({
  sheet: z.string(),
  rows: z.array(taskImportRow),
  issues: z.array(excelCellIssue),
});
export type TaskImportPreview = z.infer<typeof taskImportPreview>;
