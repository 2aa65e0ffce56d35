import type { TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { renderPdf } from './render';
import { type DataTable, dataTable, renderWithTable, type TableFixes } from './table';

/** Each page's text, its white space folded. */
async function pagesOf(pdf: Buffer): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)));
  return text.map((page) => page.replace(/\s+/g, ' ').trim());
}

/** Groups of rows of varied lengths, each under a heading row spanning the table. */
function groupedTable(): DataTable {
  const rows: TableCell[][] = [];
  const headings = new Set<number>();
  for (let group = 1; group <= 24; group++) {
    headings.add(rows.length);
    rows.push([{ text: `Nhóm ${group}`, colSpan: 2 }, '']);
    for (let i = 1; i <= 2 + (group % 5); i++) rows.push([`Dòng ${group}.${i}`, String(i)]);
  }
  return {
    id: 'groups',
    columns: [
      { header: 'Nội dung', width: 150 },
      { header: 'Số', width: 60, align: 'right' },
    ],
    rows,
    headings,
    total: ['Tổng cộng', '—'],
  };
}

const document = (fixes?: TableFixes): TDocumentDefinitions => ({
  pageSize: 'A6',
  defaultStyle: { font: 'Roboto' },
  content: dataTable(groupedTable(), fixes),
});

/** The pages whose last words are a group's heading: the heading left without its group. */
const stranded = (pages: string[]) => pages.filter((page) => /Nhóm \d+$/.test(page));

describe('the reports’ table', () => {
  it('never leaves a group heading at the foot of a page, and repeats the column headers on every page', async () => {
    // Laid out once, as it comes, some heading ends a page (else this test shows nothing).
    expect(stranded(await pagesOf(await renderPdf(document())))).not.toEqual([]);
    const pages = await pagesOf(await renderWithTable(document, groupedTable()));
    expect(pages.length).toBeGreaterThan(3);
    expect(stranded(pages)).toEqual([]);
    for (const [i, page] of pages.entries())
      expect(page.startsWith('Nội dung Số'), `page ${i + 1}`).toBe(true);
    const all = pages.join(' ');
    for (let group = 1; group <= 24; group++) expect(all.split(`Nhóm ${group} `).length - 1).toBe(1);
    expect(all.split('Tổng cộng').length - 1).toBe(1);
  }, 60_000);
});
