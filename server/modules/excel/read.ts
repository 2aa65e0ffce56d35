import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import type { ExcelCellIssue, ExcelCellProblem, ExcelFileProblem } from '../../../shared/schemas/excel';

/**
 * Reading an uploaded workbook, for every Excel import (the report form, a document's tasks). Nothing
 * here trusts the file: it must be a zip whose parts, unpacked, stay small (a "zip bomb" is refused
 * before exceljs inflates it), exceljs must read it, and each cell is read by its type, never evaluated.
 */

/** The most a workbook may unpack to: a form or a sheet of tasks is well under 1 MB of XML. */
const MAX_UNPACKED_BYTES = 40 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 500;

/** A refusal of the whole file, with its reason (`shared/schemas/excel.ts`), as a VALIDATION error. */
export function fileRefusal(reason: ExcelFileProblem, extra: Record<string, unknown> = {}): AppError {
  return new AppError('VALIDATION', reason, { reason, ...extra });
}

/** A refusal cell by cell: nothing is taken. */
export function cellsRefusal(cells: ExcelCellIssue[]): AppError {
  return new AppError('VALIDATION', 'cells', { reason: 'cells', cells });
}

/**
 * What is wrong with the zip container, from its central directory (not its claims of type): not a zip
 * at all, a broken one, or one that would unpack past the limit (sizes of 0xFFFFFFFF mean ZIP64: too big).
 */
export function zipProblem(data: Buffer): 'notXlsx' | 'corruptFile' | 'fileTooLarge' | null {
  if (data.length < 22 || data.readUInt32LE(0) !== 0x04034b50) return 'notXlsx';
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'corruptFile';
  const entries = data.readUInt16LE(eocd + 10);
  const directoryOffset = data.readUInt32LE(eocd + 16);
  if (entries > MAX_ZIP_ENTRIES) return 'fileTooLarge';
  let at = directoryOffset;
  let unpacked = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > eocd || data.readUInt32LE(at) !== 0x02014b50) return 'corruptFile';
    const size = data.readUInt32LE(at + 24);
    if (size === 0xffffffff) return 'fileTooLarge';
    unpacked += size;
    at += 46 + data.readUInt16LE(at + 28) + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return unpacked > MAX_UNPACKED_BYTES ? 'fileTooLarge' : null;
}

/** The workbook in the upload, or a refusal saying why it cannot be read. */
export async function openWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  const problem = zipProblem(data);
  if (problem) throw fileRefusal(problem);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw fileRefusal('corruptFile');
  }
  return workbook;
}

export type CellReading =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'date'; value: Date }
  | { kind: 'problem'; code: Extract<ExcelCellProblem, 'formulaWithoutResult' | 'formulaError'> };

function readValue(value: ExcelJS.CellValue | undefined): CellReading {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number')
    return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'empty' };
  if (typeof value === 'string') return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', value };
  if (typeof value === 'boolean') return { kind: 'text', value: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { kind: 'date', value };
  if ('error' in value) return { kind: 'problem', code: 'formulaError' };
  if ('richText' in value) return readValue(value.richText.map((r) => r.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) {
    // A formula is never evaluated here: Excel saved its result beside it (ADR 0035).
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return { kind: 'problem', code: 'formulaWithoutResult' };
    if (typeof result === 'object' && result !== null && 'error' in result)
      return { kind: 'problem', code: 'formulaError' };
    return readValue(result as ExcelJS.CellValue);
  }
  if ('text' in value && typeof value.text === 'string') return readValue(value.text);
  return { kind: 'text', value: String(value) };
}

/** A cell's value as the user sees it saved: formulas by the result Excel stored with them. */
export function readCell(cell: ExcelJS.Cell): CellReading {
  return readValue(cell.value);
}

/** A cell issue at an address (`C7`). */
export function cellIssue(
  column: string,
  row: number,
  code: ExcelCellProblem,
  extra: Omit<ExcelCellIssue, 'cell' | 'row' | 'column' | 'code'> = {},
): ExcelCellIssue {
  return { cell: `${column}${row}`, row, column, code, ...extra };
}
