import { and } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { isCalendarDate } from '../../../shared/calendar-date';
import type { ExcelCellIssue, TaskImportPreview, TaskImportRow } from '../../../shared/schemas/excel';
import { type TASK_PRIORITIES, taskFields } from '../../../shared/schemas/tasks';
import { foldVietnamese } from '../../../shared/text';
import type { Db } from '../../db/client';
import { agencies } from '../../db/schema';
import { isCurrentAgency } from '../agencies/current';
import type { Actor } from '../auth/actor';
import { cellIssue, fileRefusal, openWorkbook, readCell } from '../excel/read';
import { mayAssignTo } from '../tasks/policy';
import { issuerFor } from '../tasks/task-writes';

/**
 * A directive document's tasks read from an Excel sheet, for the Office (or a province's officer) to see
 * before anything is saved (ADR 0035): every row checked with the task form's own schema, agencies
 * found by code or by name, deadlines dd/MM/yyyy or real Excel dates. Nothing is written here: the
 * preview's tasks are registered with the document by `tasks.createDocument`, the form's own procedure,
 * which checks them all again in its one transaction.
 */

type Lang = 'vi' | 'en';

export const TASK_SHEETS: Record<Lang, string> = { vi: 'Nhiệm vụ', en: 'Tasks' };
const HEADERS: Record<Lang, string[]> = {
  vi: [
    'Nhiệm vụ',
    'Mô tả',
    'Cơ quan chủ trì',
    'Cơ quan phối hợp',
    'Thời hạn (dd/mm/yyyy)',
    'Nhóm (1–9)',
    'Mức ưu tiên',
    'Trọng tâm',
  ],
  en: [
    'Task',
    'Description',
    'Lead agency',
    'Coordinating agencies',
    'Deadline (dd/mm/yyyy)',
    'Group (1–9)',
    'Priority',
    'Key task',
  ],
};
const COLUMNS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
const MAX_ROWS = 200;

const PRIORITY_WORDS: Record<string, (typeof TASK_PRIORITIES)[number]> = {
  'binh thuong': 'normal',
  normal: 'normal',
  cao: 'high',
  high: 'high',
  khan: 'urgent',
  'khan cap': 'urgent',
  urgent: 'urgent',
};
const YES = new Set(['x', 'co', 'yes', 'true', '1']);

/** An empty sheet to fill: the headers, one example row, widths. */
export function buildTaskSheet(lang: Lang) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(TASK_SHEETS[lang]);
  sheet.addRow(HEADERS[lang]).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const [i, width] of [60, 40, 32, 40, 18, 12, 14, 12].entries()) sheet.getColumn(i + 1).width = width;
  sheet.getColumn(5).numFmt = 'dd/mm/yyyy';
  return workbook;
}

interface AgencyRow {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  parentId: number | null;
}

/**
 * Finds an agency by code, then by its exact name, then without case, then without case and diacritics:
 * each only when one agency answers it.
 */
function agencyFinder(rows: AgencyRow[]) {
  const byCode = new Map<string, AgencyRow>();
  const byName = new Map<string, AgencyRow[]>();
  const byLower = new Map<string, AgencyRow[]>();
  const byFolded = new Map<string, AgencyRow[]>();
  const lower = (text: string) => text.normalize('NFC').toLocaleLowerCase('vi');
  const add = (map: Map<string, AgencyRow[]>, key: string, row: AgencyRow) => {
    const list = map.get(key) ?? [];
    if (!list.includes(row)) list.push(row);
    map.set(key, list);
  };
  for (const row of rows) {
    byCode.set(row.code.toLowerCase(), row);
    add(byName, row.nameVi, row);
    add(byName, row.nameEn, row);
    add(byLower, lower(row.nameVi), row);
    add(byLower, lower(row.nameEn), row);
    add(byFolded, foldVietnamese(row.nameVi), row);
    add(byFolded, foldVietnamese(row.nameEn), row);
  }
  return (text: string): { agency: AgencyRow } | { problem: 'agencyNotFound' | 'agencyAmbiguous' } => {
    const typed = text.trim().replace(/\s+/g, ' ');
    const code = byCode.get(typed.toLowerCase());
    if (code) return { agency: code };
    const exact = byName.get(typed) ?? [];
    if (exact.length === 1 && exact[0]) return { agency: exact[0] };
    const caseless = byLower.get(lower(typed)) ?? [];
    if (caseless.length === 1 && caseless[0]) return { agency: caseless[0] };
    const folded = byFolded.get(foldVietnamese(typed)) ?? [];
    if (folded.length === 1 && folded[0]) return { agency: folded[0] };
    return {
      problem:
        folded.length > 1 || caseless.length > 1 || exact.length > 1 ? 'agencyAmbiguous' : 'agencyNotFound',
    };
  };
}

function cellText(cell: ExcelJS.Cell): string | { problem: ExcelCellIssue['code'] } {
  const reading = readCell(cell);
  if (reading.kind === 'empty') return '';
  if (reading.kind === 'problem') return { problem: reading.code };
  if (reading.kind === 'date') return reading.value.toISOString().slice(0, 10);
  return String(reading.value).trim();
}

/** dd/MM/yyyy as typed, or a real Excel date (stored as the date at UTC midnight). */
function readDeadline(cell: ExcelJS.Cell): { value: string | null } | { problem: ExcelCellIssue['code'] } {
  const reading = readCell(cell);
  if (reading.kind === 'empty') return { value: null };
  if (reading.kind === 'problem') return { problem: reading.code };
  if (reading.kind === 'date') return { value: reading.value.toISOString().slice(0, 10) };
  if (reading.kind === 'number') return { problem: 'notADate' };
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(reading.value.trim());
  const iso = match ? `${match[3]}-${match[2]?.padStart(2, '0')}-${match[1]?.padStart(2, '0')}` : '';
  return isCalendarDate(iso) ? { value: iso } : { problem: 'notADate' };
}

/** A header or a word as compared: without case, diacritics or a trailing note in brackets ("(1–9)"). */
const headerKey = (text: string) =>
  foldVietnamese(text)
    .replace(/\s*\(.*\)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Every row of the sheet as a task of the form, or the cells that keep it from being one. Agencies the
 * actor may not assign to (a province's officer: anything but its own communes and departments, `mayAssignTo`) are named as such.
 */
export async function previewTaskImport(db: Db, actor: Actor, data: Buffer): Promise<TaskImportPreview> {
  const issuerAgencyId = await issuerFor(db, actor);
  const workbook = await openWorkbook(data);
  const lang: Lang | null = workbook.getWorksheet(TASK_SHEETS.vi)
    ? 'vi'
    : workbook.getWorksheet(TASK_SHEETS.en)
      ? 'en'
      : null;
  if (!lang) throw fileRefusal('wrongSheet', { sheet: TASK_SHEETS.vi });
  const sheet = workbook.getWorksheet(TASK_SHEETS[lang]) as ExcelJS.Worksheet;
  const header = COLUMNS.map((c) => {
    const text = cellText(sheet.getRow(1).getCell(c));
    return typeof text === 'string' ? headerKey(text) : '';
  });
  const expected = HEADERS[lang].map(headerKey);
  if (header.some((h, i) => h !== expected[i])) throw fileRefusal('notAForm');
  if (sheet.actualRowCount - 1 > MAX_ROWS) throw fileRefusal('tooManyRows', { max: MAX_ROWS });

  const find = agencyFinder(
    await db
      .select({
        id: agencies.id,
        code: agencies.code,
        nameVi: agencies.nameVi,
        nameEn: agencies.nameEn,
        parentId: agencies.parentId,
      })
      .from(agencies)
      .where(and(isCurrentAgency())),
  );
  const mayAssign = (a: AgencyRow) => mayAssignTo(issuerAgencyId, a);
  const rows: TaskImportRow[] = [];
  const issues: ExcelCellIssue[] = [];

  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const rowIssues: ExcelCellIssue[] = [];
    const text = (column: (typeof COLUMNS)[number]) => {
      const value = cellText(row.getCell(column));
      if (typeof value === 'string') return value;
      rowIssues.push(cellIssue(column, r, value.problem));
      return '';
    };
    const title = text('A');
    const description = text('B');
    const leadText = text('C');
    const coordinatorText = text('D');
    const groupText = text('F');
    const priorityText = text('G');
    const keyText = text('H');
    const deadline = readDeadline(row.getCell('E'));
    if (![title, description, leadText, coordinatorText, groupText, priorityText, keyText].some(Boolean)) {
      if ('value' in deadline && deadline.value === null && rowIssues.length === 0) continue;
    }
    if ('problem' in deadline) rowIssues.push(cellIssue('E', r, deadline.problem));

    const resolve = (column: 'C' | 'D', typed: string) => {
      const found = find(typed);
      if ('problem' in found) {
        rowIssues.push(cellIssue(column, r, found.problem, { value: typed }));
        return null;
      }
      if (!mayAssign(found.agency)) {
        rowIssues.push(cellIssue(column, r, 'agencyNotAssignable', { value: typed }));
        return null;
      }
      return found.agency;
    };
    const lead = leadText ? resolve('C', leadText) : null;
    if (!leadText) rowIssues.push(cellIssue('C', r, 'required'));
    const coordinators: AgencyRow[] = [];
    for (const name of coordinatorText
      .split(/[;\n]/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const agency = resolve('D', name);
      if (!agency) continue;
      if (agency.id === lead?.id || coordinators.some((c) => c.id === agency.id))
        rowIssues.push(cellIssue('D', r, 'duplicateAgency', { value: name }));
      else coordinators.push(agency);
    }
    let groupNo: number | null = null;
    if (groupText) {
      groupNo = Number(groupText);
      if (!Number.isInteger(groupNo) || groupNo < 1 || groupNo > 9)
        rowIssues.push(cellIssue('F', r, 'invalidGroup'));
    }
    const priority = priorityText ? PRIORITY_WORDS[headerKey(priorityText).toLowerCase()] : 'normal';
    if (!priority) rowIssues.push(cellIssue('G', r, 'invalidPriority', { value: priorityText }));
    const isKey = YES.has(headerKey(keyText).toLowerCase());

    // The form's own schema: title required and lengths, as `tasks.createDocument` checks them.
    const checked = taskFields.safeParse({
      title,
      description,
      groupNo: rowIssues.some((i) => i.column === 'F') ? null : groupNo,
      leadAgencyId: lead?.id ?? 1,
      coordinatorIds: coordinators.map((c) => c.id),
      deadline: 'value' in deadline ? deadline.value : null,
      priority: priority ?? 'normal',
      isKey,
    });
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const column = issue.path[0] === 'title' ? 'A' : issue.path[0] === 'description' ? 'B' : null;
        if (column)
          rowIssues.push(cellIssue(column, r, issue.message === 'required' ? 'required' : 'tooLong'));
      }
    }
    if (rowIssues.length > 0 || !lead || !checked.success) {
      issues.push(...rowIssues.sort((a, b) => a.column.localeCompare(b.column)));
      continue;
    }
    const named = (a: AgencyRow) => ({ id: a.id, nameVi: a.nameVi, nameEn: a.nameEn });
    rows.push({
      row: r,
      title: checked.data.title,
      description: checked.data.description,
      groupNo: checked.data.groupNo,
      lead: named(lead),
      coordinators: coordinators.map(named),
      deadline: checked.data.deadline,
      priority: checked.data.priority,
      isKey: checked.data.isKey,
    });
  }
  if (rows.length === 0 && issues.length === 0) throw fileRefusal('emptySheet');
  return { sheet: TASK_SHEETS[lang], rows, issues };
}
