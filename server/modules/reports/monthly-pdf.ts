import type { Content } from 'pdfmake/interfaces';
import { monthlyReportVi } from '../../../client/lib/i18n/messages/monthly-report.vi';
import { AGENCY_LEVELS } from '../../../shared/agencies';
import type { MonthlyReport } from '../../../shared/schemas/reports';
import { formatVietnameseDate, vietnamDateTime } from '../../../shared/time';
import {
  administrativeDocument,
  LANDSCAPE_WIDTH,
  monthInWords,
  paragraph,
  printedCount,
  printedRate,
  type Signing,
  sectionHeading,
  TABLE_SIZE,
} from '../../pdf/administrative-document';
import { type DataTable, dataTable, renderWithTable, type TableFixes } from '../../pdf/table';

type Figures = MonthlyReport['totals'];

/** Who the Office sends its monthly report to; the clerk adds or strikes lines by hand when needed. */
export const MONTHLY_RECIPIENTS = [
  'Thủ tướng Chính phủ, các Phó Thủ tướng Chính phủ (để báo cáo);',
  'Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;',
  'UBND các tỉnh, thành phố trực thuộc trung ương;',
  'Thanh tra Chính phủ;',
  'VPCP: BTCN, các PCN, Cổng TTĐT Chính phủ;',
  'Lưu: VT, TH.',
];

/** The words of the screen (the same message file), so paper and screen agree. */
const WORDS = monthlyReportVi.monthlyReport;

/** The table's columns after "TT" and the agency, as the screen's table has them. */
export const MONTHLY_PDF_COLUMNS = [
  WORDS.assigned,
  WORDS.assignedInPeriod,
  WORDS.completedOnTime,
  WORDS.completedLate,
  WORDS.completedInPeriod,
  WORDS.inProgress,
  WORDS.overdue,
  WORDS.overdueUnexplained,
  WORDS.accountabilityInPeriod,
  WORDS.noDeadline,
  WORDS.withdrawn,
  WORDS.ofDue,
  WORDS.ofAssigned,
];

const count = printedCount;
/** Not recorded (a report frozen before they were kept) prints as the screen shows it: "—", not 0. */
const recorded = (value: number | null) => (value === null ? '—' : count(value));
const rate = printedRate;

/** A row's figures as printed, in the columns' order: the screen's formatting (client/lib/format.ts). */
export function printedFigures(f: Figures): string[] {
  return [
    count(f.assigned),
    count(f.assignedInPeriod),
    count(f.completedOnTime),
    count(f.completedLate),
    `${count(f.completedInPeriodOnTime)} / ${count(f.completedInPeriodLate)}`,
    count(f.inProgress),
    count(f.overdue),
    recorded(f.overdueUnexplained),
    `${recorded(f.remindersInPeriod)} / ${recorded(f.explanationsInPeriod)}`,
    count(f.noDeadline),
    count(f.withdrawn),
    rate(f.ofDue),
    rate(f.ofAssigned),
  ];
}

/** What the figures rest on: the screen's source notice (source-notice.tsx) and the agencies counted. */
export function figuresBasis(report: MonthlyReport): string {
  const cutoff = formatVietnameseDate(report.cutoff);
  const source =
    report.source === 'frozen'
      ? `Số liệu đã chốt tại ngày chốt kỳ ${cutoff} (lưu lúc ${report.frozenAt ? vietnamDateTime(report.frozenAt) : '—'}); báo cáo không thay đổi về sau.`
      : report.source === 'history'
        ? `Kỳ báo cáo đã kết thúc: số liệu tính lại từ lịch sử ghi nhận, đúng như tại hết ngày chốt kỳ ${cutoff}.`
        : `Kỳ báo cáo chưa kết thúc: số liệu trực tiếp, tại thời điểm ${vietnamDateTime(report.asOf)} (giờ Việt Nam); số liệu còn thay đổi đến ngày chốt kỳ.`;
  return `${source} Số liệu gồm ${count(report.byAgency.length)} cơ quan chủ trì có nhiệm vụ được giao tính đến ngày chốt số liệu.`;
}

const collator = new Intl.Collator('vi');

/** The per-agency table: agencies by level then name, the national total once, last. */
function agencyTable(report: MonthlyReport): DataTable {
  const ordered = AGENCY_LEVELS.flatMap((level) =>
    report.byAgency.filter((a) => a.level === level).sort((a, b) => collator.compare(a.nameVi, b.nameVi)),
  );
  const first = 26;
  const name = 170;
  const figure = (LANDSCAPE_WIDTH - first - name) / MONTHLY_PDF_COLUMNS.length;
  return {
    id: 'agencies',
    columns: [
      { header: 'TT', width: first, align: 'center' },
      { header: WORDS.agency, width: name },
      ...MONTHLY_PDF_COLUMNS.map((header) => ({ header, width: figure, align: 'right' as const })),
    ],
    rows: ordered.map((row, i) => [String(i + 1), row.nameVi, ...printedFigures(row)]),
    total: [{ text: WORDS.totalRow, colSpan: 2 }, '', ...printedFigures(report.totals)],
  };
}

/** A count and its label in a sentence: "12 nhiệm vụ". */
const tasks = (n: number) => `${count(n)} nhiệm vụ`;

/**
 * The periodic reports' figures in a sentence, the screen's and the Excel's totals: reports late or
 * missing at the cut-off without an accepted explanation (every obliged agency, not only those with
 * tasks), and the report reminders and explanation requests of the period. A report frozen before
 * they were kept says so rather than print zeros.
 */
export function reportsSentence(t: Figures): string {
  if (
    t.reportsUnexplained === null ||
    t.reportRemindersInPeriod === null ||
    t.reportExplanationsInPeriod === null
  )
    return 'Chế độ báo cáo định kỳ: kỳ này được chốt trước khi Hệ thống ghi nhận việc đôn đốc, giải trình về báo cáo.';
  return `Chế độ báo cáo định kỳ: ${count(t.reportsUnexplained)} báo cáo gửi muộn hoặc chưa gửi chưa có giải trình được chấp nhận (tính đến ngày chốt số liệu); trong kỳ đã đôn đốc ${count(t.reportRemindersInPeriod)} lượt, yêu cầu giải trình ${count(t.reportExplanationsInPeriod)} lượt về báo cáo.`;
}

/**
 * The letter's body. Its results are three numbered paragraphs, tasks then periodic reports, so the
 * letter with its recipients and signature keeps to its first page (a fifth paragraph of its own had
 * pushed the signature block alone onto page 2); should it run longer all the same, the last
 * paragraph goes over with the signature (`administrativeDocument`).
 */
function body(report: MonthlyReport, signing: Signing): Content[] {
  const t = report.totals;
  const period = `từ ngày ${formatVietnameseDate(report.periodStart)} đến ngày ${formatVietnameseDate(report.cutoff)}`;
  const annex =
    report.byAgency.length > 0
      ? ' Tình hình thực hiện của từng cơ quan chủ trì tại Phụ lục kèm theo.'
      : ' Không có nhiệm vụ nào được giao tính đến ngày chốt kỳ.';
  return [
    paragraph(
      `Căn cứ số liệu trên Hệ thống giám sát Chương trình phát triển Chính phủ số, ${signing.office} báo cáo tình hình thực hiện nhiệm vụ được giao ${monthInWords(report.month)} (kỳ báo cáo ${period}) như sau:`,
    ),
    sectionHeading('I. CƠ SỞ SỐ LIỆU'),
    paragraph(figuresBasis(report)),
    sectionHeading('II. KẾT QUẢ THỰC HIỆN'),
    paragraph(
      `1. Nhiệm vụ được giao (lũy kế): ${tasks(t.assigned)}, trong đó giao trong kỳ ${count(t.assignedInPeriod)}. Đã hoàn thành ${count(t.completedOnTime)} đúng hạn và ${count(t.completedLate)} quá hạn; riêng trong kỳ hoàn thành ${count(t.completedInPeriodOnTime)} đúng hạn và ${count(t.completedInPeriodLate)} quá hạn.`,
    ),
    paragraph(
      `2. Chưa hoàn thành: ${count(t.inProgress)} đang thực hiện trong hạn, ${count(t.overdue)} quá hạn, ${count(t.noDeadline)} không có thời hạn; ${count(t.withdrawn)} đã thu hồi. ${WORDS.ofDue}: ${rate(t.ofDue)}; ${WORDS.ofAssigned.toLocaleLowerCase('vi')}: ${rate(t.ofAssigned)}.${annex}`,
    ),
    paragraph(`3. ${reportsSentence(t)}`),
  ];
}

/** The monthly monitoring report as a document to sign, its figures exactly the report's. */
export function monthlyReportDocument(report: MonthlyReport, signing: Signing, fixes?: TableFixes) {
  return administrativeDocument({
    signing,
    kind: { code: 'BC', name: 'Báo cáo' },
    subject: `Tình hình thực hiện nhiệm vụ được giao ${monthInWords(report.month)}`,
    body: body(report, signing),
    recipients: MONTHLY_RECIPIENTS,
    metadataTitle: `Báo cáo giám sát nhiệm vụ ${monthInWords(report.month)}`,
    appendices:
      report.byAgency.length > 0
        ? [
            {
              title: 'Phụ lục\nTÌNH HÌNH THỰC HIỆN NHIỆM VỤ THEO CƠ QUAN CHỦ TRÌ',
              landscape: true,
              content: [
                {
                  text: `${monthInWords(report.month).replace(/^t/, 'T')}, kỳ báo cáo từ ngày ${formatVietnameseDate(report.periodStart)} đến ngày ${formatVietnameseDate(report.cutoff)}. ${figuresBasis(report)} ${WORDS.ratesNote}`,
                  fontSize: TABLE_SIZE,
                  alignment: 'justify',
                  margin: [0, 0, 0, 6],
                },
                ...dataTable(agencyTable(report), fixes),
              ],
            },
          ]
        : [],
  });
}

/** The report as PDF bytes, the total never alone at the top of a page. */
export function renderMonthlyReportPdf(report: MonthlyReport, signing: Signing): Promise<Buffer> {
  return renderWithTable((fixes) => monthlyReportDocument(report, signing, fixes), agencyTable(report));
}
