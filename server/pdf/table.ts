import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { TABLE_SIZE } from './administrative-document';
import { renderPdf, renderPdfWithPages } from './render';

/**
 * The tables of the printed reports: the column headers repeated on every page and rows never split
 * across pages. A group's heading row never ends a page without the group (it moves to the next page),
 * and the closing row (the national total) is printed once, last, and never alone at the top of a page:
 * the last row and the total are a block of their own that never splits, and when that block starts a
 * page it carries the headers too. Where each row fell is known only after a layout: `renderWithTable`
 * lays the document out again with those fixes until nothing falls badly.
 */

export interface TableColumn {
  header: string;
  /** The column's share of the line, in points, padding and rules included. */
  width: number;
  /** How the column's plain-text cells align (a cell given as an object keeps its own). */
  align?: 'left' | 'center' | 'right';
}

export interface DataTable {
  /** Names the table's rows in the layout: unique within a document. */
  id: string;
  columns: readonly TableColumn[];
  /** One cell per column; a cell may span (`colSpan`) and then the spanned ones are `''`. */
  rows: readonly (readonly TableCell[])[];
  /** Rows (by index) that head the rows after them: never the last row of a page. */
  headings?: ReadonlySet<number>;
  /** The closing row, bold. */
  total?: readonly TableCell[];
}

/** What a first layout showed: where to break the table, and whether the total's block starts a page. */
export interface TableFixes {
  /** Rows (by index) that start a new page, the headers above them. */
  breakBefore: ReadonlySet<number>;
  totalOnNewPage: boolean;
}

const NO_FIXES: TableFixes = { breakBefore: new Set(), totalOnNewPage: false };

/** Cell padding (4 + 4) and the rule (1) are drawn outside a column's width. */
const PADDING_AND_RULE = 9.1;
const PADDING = {
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};
const STYLE = { fontSize: TABLE_SIZE, lineHeight: 1 };

/** The mark on a row's first cell, to read back the page the layout put it on. */
const rowMark = (table: DataTable, i: number) => `${table.id}:${i}`;

/**
 * The rows whose pages matter: each heading and the row after it, the last two rows. Only those are
 * marked: pdfmake writes a named destination into the PDF for every id (a tenth of the file's size when
 * every row of the national monthly report had one).
 */
function markedRows(table: DataTable): Set<number> {
  const last = table.rows.length - 1;
  return new Set([...[...(table.headings ?? [])].flatMap((i) => [i, i + 1]), last - 1, last]);
}

function cell(value: TableCell, column: TableColumn | undefined, extra: Record<string, unknown>) {
  const base = typeof value === 'object' && value !== null ? value : { text: value };
  return { ...(column?.align ? { alignment: column.align } : {}), ...base, ...extra } as TableCell;
}

/** The table as pdfmake content, with the fixes a previous layout called for. */
export function dataTable(table: DataTable, fixes: TableFixes = NO_FIXES): Content[] {
  const { columns } = table;
  // pdfmake writes its layout into the nodes: each table gets cells and widths of its own.
  const header = (): TableCell[] => columns.map((c) => ({ text: c.header, bold: true, alignment: 'center' }));
  const widths = () => columns.map((c) => c.width - PADDING_AND_RULE);
  const row = (cells: readonly TableCell[], extra: Record<string, unknown>, id?: string) =>
    cells.map((value, i) => cell(value, columns[i], i === 0 && id ? { ...extra, id } : extra));
  const marked = markedRows(table);
  const rows = table.rows.map((r, i) => row(r, {}, marked.has(i) ? rowMark(table, i) : undefined));
  // The last row goes with the total, in a block of its own.
  const lastRow = table.total ? rows.pop() : undefined;
  // Runs of rows, each from a forced page break to the next.
  const starts = [0, ...[...fixes.breakBefore].filter((i) => i > 0 && i < rows.length).sort((a, b) => a - b)];
  const runs: Content[] = starts.map((start, n) => ({
    ...(n > 0 ? { pageBreak: 'before' as const } : {}),
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: widths(),
      body: [header(), ...rows.slice(start, starts[n + 1] ?? rows.length)],
    },
    layout: PADDING,
    ...STYLE,
  }));
  const head = rows.length > 0 ? runs : [];
  if (!table.total) return head;
  const withHeader = fixes.totalOnNewPage || head.length === 0;
  // Whole: unbreakable without a header; with one, kept with it (pdfmake draws no header rows inside an
  // unbreakable block).
  const tail: Content = {
    ...(withHeader ? {} : { unbreakable: true }),
    table: {
      ...(withHeader ? { headerRows: 1, keepWithHeaderRows: 2, dontBreakRows: true } : {}),
      widths: widths(),
      body: [
        ...(withHeader ? [header()] : []),
        ...(lastRow ? [lastRow] : []),
        row(table.total, { bold: true }),
      ],
    },
    // Straight on from the rows above, it draws no top rule of its own over theirs.
    layout: { ...PADDING, hLineWidth: (i: number) => (i === 0 && !withHeader ? 0 : 1) },
    ...STYLE,
  };
  return [...head, tail];
}

/** The fixes the pages of a layout call for, added to those it was laid out with. */
function fixesFor(table: DataTable, pages: ReadonlyMap<string, number>, laid: TableFixes): TableFixes {
  const page = (i: number) => pages.get(rowMark(table, i));
  const breakBefore = new Set(laid.breakBefore);
  for (const i of table.headings ?? []) {
    const at = page(i);
    const next = page(i + 1);
    if (at !== undefined && next !== undefined && next > at) breakBefore.add(i);
  }
  const last = table.rows.length - 1;
  const above = page(last - 1);
  const block = page(last);
  const totalOnNewPage =
    laid.totalOnNewPage ||
    (table.total !== undefined && above !== undefined && block !== undefined && block > above);
  return { breakBefore, totalOnNewPage };
}

/** Each fix moves rows down only, so a few layouts settle it; this many is a bound, never reached. */
const MAX_LAYOUTS = 6;

/**
 * A document with one table, as PDF bytes: laid out, then laid out again with the fixes the layout
 * called for (a heading at the foot of a page, the total alone at the top of one) until it calls for
 * none.
 */
export async function renderWithTable(
  layout: (fixes: TableFixes) => TDocumentDefinitions,
  table: DataTable,
): Promise<Buffer> {
  const prefix = `${table.id}:`;
  let fixes = NO_FIXES;
  for (let n = 1; n < MAX_LAYOUTS; n++) {
    const { pdf, pages } = await renderPdfWithPages(layout(fixes), (id) => id.startsWith(prefix));
    const next = fixesFor(table, pages, fixes);
    if (next.breakBefore.size === fixes.breakBefore.size && next.totalOnNewPage === fixes.totalOnNewPage)
      return pdf;
    fixes = next;
  }
  return renderPdf(layout(fixes));
}
