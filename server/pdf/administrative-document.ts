import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatNumber, formatPercent } from '../../shared/number-format';
import type { SigningQuery } from '../../shared/schemas/signing';
import { vietnamDate } from '../../shared/time';

/**
 * The frame of an administrative document as Decree 30/2020/NĐ-CP (Appendix I) lays it out, for every
 * report the server prints: national motto and issuing office side by side, number under the office,
 * place and date under the motto, title, body, "Nơi nhận" beside the signature block, page numbers
 * centred in the top margin from page 2, and appendices after the signature (landscape where a table is
 * wide). Sizes follow the decree: body 13 pt, headings 13–14 pt bold, recipients 11–12 pt. The decree asks
 * for a Unicode font of TCVN 6909 (Times New Roman in practice); the server ships Roboto, which pdfmake
 * embeds and which covers Vietnamese.
 */

const MM = 72 / 25.4;
/** Decree 30 margins: top and bottom 20–25 mm, left 30–35 mm (binding), right 15–20 mm. */
const MARGINS: [number, number, number, number] = [30 * MM, 20 * MM, 15 * MM, 20 * MM];
const PORTRAIT_WIDTH = 595.28 - MARGINS[0] - MARGINS[2];
const LANDSCAPE_WIDTH = 841.89 - MARGINS[0] - MARGINS[2];
/** The widths the header's two blocks take (office left, motto right). */
const OFFICE_WIDTH = 190;
const MOTTO_WIDTH = PORTRAIT_WIDTH - OFFICE_WIDTH;

export const BODY_SIZE = 13;
export const TABLE_SIZE = 11;
export { LANDSCAPE_WIDTH, PORTRAIT_WIDTH };

export interface Signing {
  /** The issuing office, as written in a sentence ("Văn phòng Chính phủ"); its header is upper case. */
  office: string;
  /** Its abbreviation in the number ("VPCP" of "Số: 12/BC-VPCP"). */
  officeCode: string;
  /** Given by the clerical office when the signed document is registered; blank until then. */
  number?: string | undefined;
  /** yyyy-mm-dd of issue. */
  date: string;
  place: string;
  /** "KT. BỘ TRƯỞNG, CHỦ NHIỆM" when a deputy signs for the head (Decree 30, art. 13); else none. */
  authority?: string | undefined;
  signerTitle: string;
  /** Blank: the space stays for the signer's name to be written in. */
  signerName: string;
}

export interface AdministrativeDocument {
  signing: Signing;
  /** The kind of document, its abbreviation in the number and its name in the title ("BC", "Báo cáo"). */
  kind: { code: string; name: string };
  /** The summary of the title (trích yếu). */
  subject: string;
  body: Content[];
  recipients: string[];
  appendices?: { title: string; content: Content[]; landscape?: boolean }[];
  /** The PDF's metadata title. */
  metadataTitle: string;
}

/** The signing details a report's query gave (`signingQuery`), dated today in Vietnam when it gave none. */
export function signingOn({ date, ...query }: SigningQuery, now: Date): Signing {
  return { ...query, date: date ?? vietnamDate(now) };
}

const upper = (text: string) => text.toLocaleUpperCase('vi');

/** "Số: 12/BC-VPCP", or with the number left blank to be written in at registration. */
export function documentNumber(signing: Signing, kindCode: string): string {
  const number = signing.number ?? '\u00a0'.repeat(8);
  return `Số: ${number}/${kindCode}-${signing.officeCode}`;
}

/** Days below 10 and the months January and February take a leading zero (Decree 30, Appendix I). */
export function decreeDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const pad = (n: number, always: boolean) => (always && n < 10 ? `0${n}` : String(n));
  return `ngày ${pad(day, true)} tháng ${pad(month, month <= 2)} năm ${year}`;
}

/** "Hà Nội, ngày 06 tháng 12 năm 2026". */
export function placeAndDate(place: string, isoDate: string): string {
  return `${place}, ${decreeDate(isoDate)}`;
}

/**
 * "tháng 11 năm 2026", a report month (yyyy-mm) as a title says it. A local function until the shared
 * period names (issue 14, point 4) land.
 */
export function monthInWords(month: string): string {
  const [year, mon] = month.split('-');
  return `tháng ${Number(mon)} năm ${year}`;
}

/** A short rule under a line of the header, centred by its block's alignment. */
const rule = (length: number): Content => ({
  canvas: [{ type: 'line', x1: 0, y1: 0, x2: length, y2: 0, lineWidth: 0.6 }],
  margin: [0, 1, 0, 6],
});

function heading(doc: AdministrativeDocument): Content {
  const { signing } = doc;
  return {
    columns: [
      {
        width: OFFICE_WIDTH,
        alignment: 'center',
        stack: [
          { text: upper(signing.office), bold: true, fontSize: 12.5 },
          rule(60),
          { text: documentNumber(signing, doc.kind.code), fontSize: BODY_SIZE },
        ],
      },
      {
        width: MOTTO_WIDTH,
        alignment: 'center',
        stack: [
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, fontSize: 12.5 },
          { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, fontSize: BODY_SIZE },
          rule(165),
          { text: placeAndDate(signing.place, signing.date), italics: true, fontSize: BODY_SIZE },
        ],
      },
    ],
    columnGap: 0,
  };
}

function title(doc: AdministrativeDocument): Content {
  return {
    stack: [
      { text: upper(doc.kind.name), bold: true, fontSize: 14 },
      { text: doc.subject, bold: true, fontSize: 14 },
      rule(80),
    ],
    alignment: 'center',
    margin: [0, 18, 0, 10],
  };
}

function closing(doc: AdministrativeDocument): Content {
  const { signing } = doc;
  return {
    columns: [
      {
        width: 200,
        stack: [
          { text: 'Nơi nhận:', bold: true, italics: true, fontSize: 12 },
          ...doc.recipients.map((r) => ({ text: `- ${r}`, fontSize: 11 })),
        ],
      },
      {
        width: '*',
        alignment: 'center',
        stack: [
          ...(signing.authority ? [{ text: upper(signing.authority), bold: true, fontSize: BODY_SIZE }] : []),
          { text: upper(signing.signerTitle), bold: true, fontSize: BODY_SIZE },
          // The space for the signature and the seal.
          { text: ' ', margin: [0, 0, 0, 60] },
          { text: signing.signerName || ' ', bold: true, fontSize: BODY_SIZE },
        ],
      },
    ],
    columnGap: 10,
    margin: [0, 18, 0, 0],
    // Recipients and signature stay together, never split from each other across a page.
    unbreakable: true,
  };
}

/**
 * The body's last paragraph and the closing as one block that never splits: when the body runs to the
 * foot of a page, the signature never stands alone at the top of the next one (an orphaned signature
 * block is not a valid page of a letter); the paragraph goes over with it.
 */
function lastWithClosing(doc: AdministrativeDocument): Content {
  const last = doc.body.at(-1);
  return last === undefined ? closing(doc) : { stack: [last, closing(doc)], unbreakable: true };
}

/** The whole document, ready for `renderPdf`. */
export function administrativeDocument(doc: AdministrativeDocument): TDocumentDefinitions {
  const number = documentNumber(doc.signing, doc.kind.code).replace(/^Số: /, '');
  // Under each appendix's title, the document it goes with (Decree 30, Appendix I).
  const reference: Content = {
    text: `(Kèm theo ${doc.kind.name} số ${number} ${decreeDate(doc.signing.date)} của ${doc.signing.office})`,
    italics: true,
    alignment: 'center',
    margin: [0, 0, 0, 4],
  };
  const appendices: Content[] = (doc.appendices ?? []).map((a) => ({
    stack: [{ text: a.title, bold: true, fontSize: BODY_SIZE, alignment: 'center' }, reference, ...a.content],
    pageBreak: 'before',
    pageOrientation: a.landscape ? 'landscape' : 'portrait',
  }));
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGINS,
    info: { title: doc.metadataTitle, author: doc.signing.office, subject: doc.subject },
    defaultStyle: { font: 'Roboto', fontSize: BODY_SIZE, lineHeight: 1.15 },
    // Page numbers centred in the top margin, none on the first page.
    header: (currentPage, _pageCount, pageSize) =>
      currentPage === 1
        ? null
        : {
            text: String(currentPage),
            alignment: 'center',
            fontSize: BODY_SIZE,
            margin: [0, 10 * MM, 0, 0],
            width: pageSize.width,
          },
    content: [heading(doc), title(doc), ...doc.body.slice(0, -1), lastWithClosing(doc), ...appendices],
  };
}

/** A count as the screens write it: "1.234". */
export const printedCount = (n: number) => formatNumber(n, 'vi', 0);

/** A rate in [0, 1] as the screens write it: "52,7 %", "—" without a denominator. */
export const printedRate = (r: number | null) => (r === null ? '—' : formatPercent(r * 100, 'vi', 1));

/**
 * A message of the screen's catalogue with its values put in, so paper and screen say the same words:
 * `{{name}}` and `{{name, format}}` (the value given is already formatted).
 */
export function fill(message: string, values: Record<string, string>): string {
  return message.replace(/\{\{(\w+)(?:, \w+)?\}\}/g, (whole, name: string) => values[name] ?? whole);
}

/** A body paragraph: justified, first line indented, as the decree's body text. */
export function paragraph(text: string | Content[], extra: Record<string, unknown> = {}): Content {
  return { text, alignment: 'justify', leadingIndent: 1 * 28.35, margin: [0, 0, 0, 6], ...extra } as Content;
}

/** A numbered section heading of the body ("I. KẾT QUẢ CHUNG"). */
export function sectionHeading(text: string): Content {
  return { text, bold: true, margin: [0, 6, 0, 4], alignment: 'justify', leadingIndent: 28.35 };
}
