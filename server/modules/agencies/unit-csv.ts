import { AGENCY_KINDS, type AgencyKind } from '../../../shared/agencies';
import { isCalendarDate } from '../../../shared/calendar-date';
import { UNIT_CSV_COLUMNS, UNIT_CSV_OPTIONAL, type UnitCsvProblem } from '../../../shared/schemas/agencies';

/** One unit of an imported list, as the file states it (codes upper-cased, text trimmed). */
export interface UnitLine {
  line: number;
  code: string;
  nameVi: string;
  nameEn: string;
  kind: AgencyKind;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  replaces: string[];
}

export interface LineProblem {
  line: number;
  field: string;
  reason: UnitCsvProblem;
}

const CODE = /^[A-Z0-9][A-Z0-9-]{1,29}$/;

/** RFC 4180 records (quoted fields may hold commas, quotes doubled, line breaks), each with its first line. */
export function parseCsvRecords(text: string): {
  records: { line: number; fields: string[] }[];
  badQuotes: number | null;
} {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.some((f) => f.trim() !== '')) records.push({ line: start, fields });
      fields = [];
      field = '';
      line++;
      start = line;
    } else field += ch;
  }
  if (quoted) return { records, badQuotes: start };
  fields.push(field);
  if (fields.some((f) => f.trim() !== '')) records.push({ line: start, fields });
  return { records, badQuotes: null };
}

/** The units of a CSV list and what is wrong with it, line by line (nothing is looked up here). */
export function parseUnitCsv(text: string): { units: UnitLine[]; problems: LineProblem[] } {
  const problems: LineProblem[] = [];
  const { records, badQuotes } = parseCsvRecords(text);
  if (badQuotes !== null)
    return { units: [], problems: [{ line: badQuotes, field: '', reason: 'badQuotes' }] };
  const [header, ...rows] = records;
  if (!header || rows.length === 0) return { units: [], problems: [{ line: 1, field: '', reason: 'empty' }] };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const index = new Map(names.map((n, i) => [n, i]));
  for (const column of UNIT_CSV_COLUMNS) {
    if (!index.has(column) && !(UNIT_CSV_OPTIONAL as readonly string[]).includes(column))
      problems.push({ line: header.line, field: column, reason: 'missingColumn' });
  }
  if (problems.length) return { units: [], problems };
  const units: UnitLine[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const before = problems.length;
    const problem = (field: string, reason: UnitCsvProblem) =>
      problems.push({ line: row.line, field, reason });
    if (row.fields.length !== names.length) {
      problem('', 'columnCount');
      continue;
    }
    const get = (column: string) => {
      const i = index.get(column);
      return i === undefined ? '' : (row.fields[i] ?? '').trim();
    };
    const code = get('code').toUpperCase();
    if (!CODE.test(code)) problem('code', 'invalidCode');
    else if (seen.has(code)) problem('code', 'duplicateCode');
    seen.add(code);
    const nameVi = get('name_vi');
    const nameEn = get('name_en');
    for (const [field, value] of [
      ['name_vi', nameVi],
      ['name_en', nameEn],
    ] as const) {
      if (!value) problem(field, 'required');
      else if (value.length > 200) problem(field, 'tooLong');
    }
    const kind = get('kind').toLowerCase();
    if (!(AGENCY_KINDS as readonly string[]).includes(kind)) problem('kind', 'unknownKind');
    const date = (field: string) => {
      const value = get(field);
      if (value && !isCalendarDate(value)) problem(field, 'invalidDate');
      return value || null;
    };
    const validFrom = date('valid_from');
    const validTo = date('valid_to');
    if (validFrom && validTo && validTo < validFrom) problem('valid_to', 'endsBeforeStart');
    const parentCode = get('parent_code').toUpperCase() || null;
    const replaces = get('replaces')
      .split(/[;|]/)
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean);
    if (replaces.includes(code)) problem('replaces', 'replacesItself');
    for (const c of replaces) if (!CODE.test(c)) problem('replaces', 'invalidCode');
    if (problems.length === before) {
      units.push({
        line: row.line,
        code,
        nameVi,
        nameEn,
        kind: kind as AgencyKind,
        parentCode,
        validFrom,
        validTo,
        replaces: [...new Set(replaces)],
      });
    }
  }
  return { units, problems };
}
