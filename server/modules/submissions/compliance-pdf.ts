import type { Content, TableCell } from 'pdfmake/interfaces';
import { commonVi } from '../../../client/lib/i18n/messages/common.vi';
import { reportsVi } from '../../../client/lib/i18n/messages/reports.vi';
import type { AgencyLevel } from '../../../shared/agencies';
import { periodName } from '../../../shared/period-names';
import type { ComplianceReport } from '../../../shared/schemas/reports';
import { formatVietnameseDate, vietnamDateTime } from '../../../shared/time';
import {
  administrativeDocument,
  LANDSCAPE_WIDTH,
  PORTRAIT_WIDTH,
  paragraph,
  printedCount,
  printedRate,
  type Signing,
  sectionHeading,
  TABLE_SIZE,
} from '../../pdf/administrative-document';
import { type DataTable, dataTable, renderWithTable, type TableFixes } from '../../pdf/table';

/**
 * "Báo cáo tình hình chấp hành chế độ báo cáo": how completely and how timely the obliged agencies sent
 * one reporting regime's periodic reports, as an administrative document to sign, its figures exactly
 * those of `submissions.compliance` (the page and the CSV/Excel export) for the same template and level.
 */

/** The words of the screen (the same message file), so paper and screen agree. */
const WORDS = reportsVi.reports.compliance;
const LEVELS = commonVi.levels;

/** Who the Office sends it to: the agencies whose reporting it assesses, and the Office's own lines. */
export const COMPLIANCE_RECIPIENTS = [
  'Thủ tướng Chính phủ, các Phó Thủ tướng Chính phủ (để báo cáo);',
  'Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;',
  'UBND các tỉnh, thành phố trực thuộc trung ương;',
  'VPCP: BTCN, các PCN, Cổng TTĐT Chính phủ;',
  'Lưu: VT, TH.',
];

/** The per-agency table's columns after "TT", the agency and its level, as the screen heads them. */
export const COMPLIANCE_PDF_COLUMNS = [
  WORDS.expected,
  WORDS.submitted,
  WORDS.onTime,
  WORDS.late,
  WORDS.missing,
  WORDS.completeness,
  WORDS.timeliness,
];

type Summary = ComplianceReport['totals'];

/** A row's figures as printed, in the columns' order: the screen's formatting. */
export function printedCompliance(s: Summary): string[] {
  return [
    printedCount(s.expected),
    printedCount(s.submitted),
    printedCount(s.onTime),
    printedCount(s.late),
    printedCount(s.missing),
    printedRate(s.completeness),
    printedRate(s.timeliness),
  ];
}

const levelName = (level: string) => LEVELS[level as AgencyLevel] ?? level;

/** Agencies in the procedure's order (level, then the agencies' own order), the total once, last. */
function agencyTable(report: ComplianceReport): DataTable {
  const first = 26;
  const name = 210;
  const level = 96;
  const figure = (LANDSCAPE_WIDTH - first - name - level) / COMPLIANCE_PDF_COLUMNS.length;
  return {
    id: 'agencies',
    columns: [
      { header: 'TT', width: first, align: 'center' },
      { header: reportsVi.reports.agency, width: name },
      { header: reportsVi.reports.compliance.level, width: level },
      ...COMPLIANCE_PDF_COLUMNS.map((header) => ({ header, width: figure, align: 'right' as const })),
    ],
    rows: report.agencies.map((a, i) => [
      String(i + 1),
      a.nameVi,
      levelName(a.level),
      ...printedCompliance(a),
    ]),
    total: [{ text: WORDS.totals, colSpan: 3 }, '', '', ...printedCompliance(report.totals)],
  };
}

/** The obliged agencies that have not sent the report of `periodKey`. */
function missingTable(report: ComplianceReport, periodKey: string): DataTable {
  const first = 26;
  const level = 120;
  const rows: TableCell[][] = report.agencies
    .filter((a) => a.cells[periodKey]?.state === 'missing')
    .map((a, i) => [String(i + 1), a.nameVi, levelName(a.level)]);
  return {
    id: 'missing',
    columns: [
      { header: 'TT', width: first, align: 'center' },
      { header: reportsVi.reports.agency, width: PORTRAIT_WIDTH - first - level },
      { header: reportsVi.reports.compliance.level, width: level },
    ],
    rows,
  };
}

/** The periods that count: those whose deadline has passed, oldest first. */
const duePeriods = (report: ComplianceReport) => report.periods.filter((p) => p.due);

/** What the figures rest on: when they were read, which periods and how many agencies count. */
export function complianceBasis(report: ComplianceReport): string {
  const due = duePeriods(report);
  const first = due[0];
  const last = due.at(-1);
  const asOf = `Số liệu tại thời điểm ${vietnamDateTime(report.asOf)} (giờ Việt Nam).`;
  if (!first || !last) return `${asOf} Chưa có kỳ báo cáo nào đến hạn nộp.`;
  const range =
    first.key === last.key
      ? `kỳ ${periodName(first.key, 'vi', { inSentence: true })}`
      : `${printedCount(due.length)} kỳ, từ kỳ ${periodName(first.key, 'vi', { inSentence: true })} đến kỳ ${periodName(last.key, 'vi', { inSentence: true })}`;
  return `${asOf} Tính các kỳ đã đến hạn nộp: ${range} (hạn nộp kỳ gần nhất: ngày ${formatVietnameseDate(last.deadline)}); ${printedCount(report.agencies.length)} cơ quan phải báo cáo.`;
}

/** The template and, when chosen, the level: "chế độ báo cáo “…” (mã …), cấp …". */
function regime(report: ComplianceReport, level: AgencyLevel | undefined): string {
  const { template } = report;
  const scope = level ? `, cơ quan ${levelName(level).toLocaleLowerCase('vi')}` : '';
  return `chế độ báo cáo “${template.nameVi}” (mã ${template.code})${scope}`;
}

function body(report: ComplianceReport, level: AgencyLevel | undefined, signing: Signing): Content[] {
  const t = report.totals;
  const latest = duePeriods(report).at(-1);
  const complete = report.agencies.filter((a) => a.expected > 0 && a.onTime === a.expected).length;
  const lacking = report.agencies.filter((a) => a.missing > 0).length;
  const missingLatest = latest
    ? report.agencies.filter((a) => a.cells[latest.key]?.state === 'missing').length
    : 0;
  const results: Content[] = latest
    ? [
        paragraph(
          `1. Số báo cáo phải nộp: ${printedCount(t.expected)}; đã nộp: ${printedCount(t.submitted)} (${WORDS.completeness.toLocaleLowerCase('vi')} ${printedRate(t.completeness)}), trong đó đúng hạn ${printedCount(t.onTime)}, muộn ${printedCount(t.late)} (${WORDS.timeliness.toLocaleLowerCase('vi')} ${printedRate(t.timeliness)}); chưa nộp: ${printedCount(t.missing)}.`,
        ),
        paragraph(
          `2. Số cơ quan nộp đầy đủ, đúng hạn tất cả các kỳ: ${printedCount(complete)}/${printedCount(report.agencies.length)}; số cơ quan còn thiếu báo cáo: ${printedCount(lacking)}.`,
        ),
        paragraph(
          `3. Kỳ ${periodName(latest.key, 'vi', { inSentence: true })} (hạn nộp ngày ${formatVietnameseDate(latest.deadline)}): ${
            missingLatest > 0
              ? `${printedCount(missingLatest)} cơ quan chưa nộp (danh sách tại Phụ lục II).`
              : 'không có cơ quan nào chưa nộp.'
          }`,
        ),
        paragraph('Tình hình nộp báo cáo của từng cơ quan tại Phụ lục I kèm theo.'),
      ]
    : [paragraph('Chưa có kỳ báo cáo nào đến hạn nộp nên chưa có số liệu để đánh giá.')];
  return [
    paragraph(
      `Căn cứ số liệu theo dõi trên Hệ thống giám sát Chương trình phát triển Chính phủ số, ${signing.office} báo cáo tình hình chấp hành ${regime(report, level)} như sau:`,
    ),
    sectionHeading('I. CƠ SỞ SỐ LIỆU'),
    paragraph(complianceBasis(report)),
    paragraph(`${WORDS.intro} Báo cáo nộp sớm cho kỳ chưa đến hạn được tính khi kỳ đó đến hạn.`),
    sectionHeading('II. KẾT QUẢ CHẤP HÀNH CHẾ ĐỘ BÁO CÁO'),
    ...results,
  ];
}

/** The compliance report as a document to sign; `level` is the level the figures were chosen by. */
export function complianceDocument(
  report: ComplianceReport,
  level: AgencyLevel | undefined,
  signing: Signing,
  fixes?: TableFixes,
) {
  const latest = duePeriods(report).at(-1);
  const missing = latest ? missingTable(report, latest.key) : null;
  const note = (text: string): Content => ({
    text,
    fontSize: TABLE_SIZE,
    alignment: 'justify',
    margin: [0, 0, 0, 6],
  });
  return administrativeDocument({
    signing,
    kind: { code: 'BC', name: 'Báo cáo' },
    subject: `Tình hình chấp hành chế độ báo cáo “${report.template.nameVi}”`,
    body: body(report, level, signing),
    recipients: COMPLIANCE_RECIPIENTS,
    metadataTitle: `Báo cáo tình hình chấp hành chế độ báo cáo ${report.template.code}`,
    appendices: [
      ...(duePeriods(report).length > 0 && report.agencies.length > 0
        ? [
            {
              title: 'Phụ lục I\nTÌNH HÌNH NỘP BÁO CÁO THEO CƠ QUAN',
              landscape: true,
              content: [
                note(
                  `${regime(report, level).replace(/^c/, 'C')}. ${complianceBasis(report)} ${WORDS.intro}`,
                ),
                ...dataTable(agencyTable(report), fixes),
              ],
            },
          ]
        : []),
      ...(latest && missing && missing.rows.length > 0
        ? [
            {
              title: `Phụ lục II\nCƠ QUAN CHƯA NỘP BÁO CÁO KỲ ${periodName(latest.key, 'vi').toLocaleUpperCase('vi')}`,
              content: [
                note(
                  `Hạn nộp ngày ${formatVietnameseDate(latest.deadline)}; tình hình tại thời điểm ${vietnamDateTime(report.asOf)} (giờ Việt Nam).`,
                ),
                ...dataTable(missing),
              ],
            },
          ]
        : []),
    ],
  });
}

/** The report as PDF bytes, the total never alone at the top of a page. */
export function renderCompliancePdf(
  report: ComplianceReport,
  level: AgencyLevel | undefined,
  signing: Signing,
): Promise<Buffer> {
  return renderWithTable((fixes) => complianceDocument(report, level, signing, fixes), agencyTable(report));
}
