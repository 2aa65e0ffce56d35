import type { Content, TableCell } from 'pdfmake/interfaces';
import { kpisVi } from '../../../client/lib/i18n/messages/kpis.vi';
import { type KpiStatus, PILLARS } from '../../../shared/kpi-vocabulary';
import { formatNumber, formatPercent } from '../../../shared/number-format';
import { periodName } from '../../../shared/period-names';
import type { KpiOverviewInput, KpiPeriodValue, KpiSummary } from '../../../shared/schemas/kpis';
import { formatVietnameseDate, vietnamDateTime } from '../../../shared/time';
import {
  administrativeDocument,
  fill,
  LANDSCAPE_WIDTH,
  paragraph,
  printedCount,
  printedRate,
  type Signing,
  sectionHeading,
  TABLE_SIZE,
} from '../../pdf/administrative-document';
import { type DataTable, dataTable, renderWithTable, type TableFixes } from '../../pdf/table';

/**
 * "Báo cáo kết quả thực hiện các chỉ tiêu": the Program's KPIs against their 2027 and 2030 targets, as
 * an administrative document to sign. The figures are exactly `kpis.overview`'s for the same filters
 * (the page, its CSV/Excel export); each value says what it rests on: its period, N of M agencies
 * reporting, and the newer period that does not count yet (provisional).
 */

/** The words of the screen (the same message file), so paper and screen agree. */
const WORDS = kpisVi.kpis;
const TARGET_YEARS = [2027, 2030] as const;
/** Worst first, as the overview lists the statuses. */
const STATUS_ORDER: KpiStatus[] = ['off_track', 'at_risk', 'on_track', 'insufficient_data'];

export const KPI_RECIPIENTS = [
  'Thủ tướng Chính phủ, các Phó Thủ tướng Chính phủ (để báo cáo);',
  'Ủy ban Quốc gia về chuyển đổi số;',
  'Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;',
  'UBND các tỉnh, thành phố trực thuộc trung ương;',
  'VPCP: BTCN, các PCN, Cổng TTĐT Chính phủ;',
  'Lưu: VT, TH.',
];

export interface KpiReport {
  items: KpiSummary[];
  filters: KpiOverviewInput;
  /** When the figures were read. */
  asOf: Date;
}

/** A KPI figure in its unit, as the screens write it (`formatKpiValue`): "52,7 %", "3,5". */
export function printedKpiValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '—';
  return unit === 'percent' ? formatPercent(value, 'vi', 1) : formatNumber(value, 'vi', 1);
}

/** What a national value rests on, as the screen's `CoverageText` says it: "33/59 cơ quan đã báo cáo; …". */
export function printedCoverage(value: KpiPeriodValue): string {
  if (value.obliged === null) return fill(WORDS.agencies_other, { count: printedCount(value.agencies) });
  const parts = [
    fill(WORDS.coverage, { agencies: printedCount(value.agencies), obliged: printedCount(value.obliged) }),
    fill(WORDS.coveragePercent, {
      percent: value.coverage === null ? '—' : formatPercent(value.coverage, 'vi', 1),
    }),
  ];
  if (value.carriedForward)
    parts.push(fill(WORDS.carriedCount_other, { formatted: printedCount(value.carriedForward) }));
  return parts.join('; ');
}

/** A period not counted yet, as the screen's `ProvisionalNote` says it. */
export function printedProvisional(value: KpiPeriodValue, unit: string): string {
  const head = fill(WORDS.provisional, {
    agencies: printedCount(value.agencies),
    obliged: printedCount(value.obliged ?? 0),
  });
  const detail = fill(WORDS.provisionalDetail, {
    period: periodName(value.periodKey, 'vi', { inSentence: true }),
    value: printedKpiValue(value.value, unit),
    coverage: fill(WORDS.coveragePercent, {
      percent: value.coverage === null ? '—' : formatPercent(value.coverage, 'vi', 1),
    }),
    deadline: value.closesOn ? formatVietnameseDate(value.closesOn) : '—',
  });
  return `${head} — ${detail}`;
}

const targetOf = (k: KpiSummary, year: number) => k.targets.find((t) => t.year === year)?.value ?? null;
const attainmentOf = (k: KpiSummary, year: number) =>
  k.attainment.find((a) => a.year === year)?.ratio ?? null;

/** The columns after "TT", the code and the name. */
export const KPI_PDF_COLUMNS = [
  WORDS.national,
  WORDS.period,
  WORDS.reported,
  ...TARGET_YEARS.flatMap((year) => [
    fill(WORDS.target, { year: String(year) }),
    fill(WORDS.attainment, { year: String(year) }),
  ]),
  WORDS.status,
];

/** A KPI's row as printed, in the columns' order after the name. */
export function printedKpiRow(k: KpiSummary): string[] {
  return [
    printedKpiValue(k.latest?.value, k.unit),
    k.latest ? periodName(k.latest.periodKey, 'vi') : '—',
    k.latest ? printedCoverage(k.latest) : '—',
    ...TARGET_YEARS.flatMap((year) => [
      printedKpiValue(targetOf(k, year), k.unit),
      printedRate(attainmentOf(k, year)),
    ]),
    WORDS.statuses[k.status],
  ];
}

/** The KPIs grouped by pillar in the catalogue's order, each group under a row of its own. */
function kpiTable(items: readonly KpiSummary[]): DataTable {
  const first = 26;
  const code = 48;
  const name = 140;
  // National value, period, agencies reporting, then target and attainment for each target year.
  const widths = [56, 68, 96, 50, 50, 50, 50];
  const status = LANDSCAPE_WIDTH - first - code - name - widths.reduce((a, b) => a + b, 0);
  const span = KPI_PDF_COLUMNS.length + 3;
  const rows: TableCell[][] = [];
  const headings = new Set<number>();
  let n = 0;
  for (const pillar of PILLARS) {
    const group = items.filter((k) => k.pillar === pillar);
    if (group.length === 0) continue;
    headings.add(rows.length);
    rows.push([
      { text: WORDS.pillars[pillar], colSpan: span, bold: true },
      ...Array.from({ length: span - 1 }, () => ''),
    ]);
    for (const k of group) {
      n += 1;
      const notes = k.provisional
        ? [{ text: printedProvisional(k.provisional, k.unit), italics: true, fontSize: TABLE_SIZE - 1 }]
        : [];
      rows.push([String(n), k.code, { stack: [k.nameVi, ...notes] }, ...printedKpiRow(k)]);
    }
  }
  return {
    id: 'kpis',
    columns: [
      { header: 'TT', width: first, align: 'center' },
      { header: WORDS.code, width: code },
      { header: WORDS.name, width: name },
      ...KPI_PDF_COLUMNS.slice(0, -1).map((header, i) => ({
        header,
        width: widths[i] ?? 48,
        align: i === 1 || i === 2 ? ('left' as const) : ('right' as const),
      })),
      { header: WORDS.status, width: status },
    ],
    rows,
    headings,
  };
}

const lower = (text: string) => text.toLocaleLowerCase('vi');

/** The filters the page had, in words, when it had any. */
function filtersInWords(filters: KpiOverviewInput): string | null {
  const parts = [
    ...(filters.pillar ? [`thuộc trụ cột “${WORDS.pillars[filters.pillar]}”`] : []),
    ...(filters.status ? [`có trạng thái “${WORDS.statuses[filters.status]}”`] : []),
  ];
  return parts.length > 0 ? `Báo cáo gồm các chỉ tiêu ${parts.join(', ')}.` : null;
}

/** What the figures rest on: when they were read and how a national value is made. */
export function kpiBasis(report: KpiReport): string {
  return `Số liệu tại thời điểm ${vietnamDateTime(report.asOf)} (giờ Việt Nam). ${WORDS.intro}`;
}

function body(report: KpiReport, signing: Signing): Content[] {
  const { items } = report;
  const counts = STATUS_ORDER.map(
    (s) => `${printedCount(items.filter((k) => k.status === s).length)} ${lower(WORDS.statuses[s])}`,
  );
  const listed = (status: KpiStatus): Content[] => {
    const group = items.filter((k) => k.status === status);
    return group.length === 0
      ? []
      : [
          paragraph(`Các chỉ tiêu ${lower(WORDS.statuses[status])}:`),
          ...group.map((k) => paragraph(`- ${k.code} ${k.nameVi}: ${k.statusReason.vi}`)),
        ];
  };
  const provisional = items.filter((k) => k.provisional).length;
  const filters = filtersInWords(report.filters);
  return [
    paragraph(
      `Căn cứ số liệu theo dõi trên Hệ thống giám sát Chương trình phát triển Chính phủ số, ${signing.office} báo cáo kết quả thực hiện các chỉ tiêu của Chương trình so với mục tiêu năm 2027 và năm 2030 như sau:`,
    ),
    sectionHeading('I. CƠ SỞ SỐ LIỆU'),
    paragraph(kpiBasis(report)),
    ...(filters ? [paragraph(filters)] : []),
    sectionHeading('II. KẾT QUẢ THỰC HIỆN'),
    ...(items.length === 0
      ? [paragraph(WORDS.empty)]
      : [
          paragraph(`Tổng số ${printedCount(items.length)} chỉ tiêu: ${counts.join(', ')}.`),
          ...listed('off_track'),
          ...listed('at_risk'),
          ...(provisional > 0
            ? [
                paragraph(
                  `${printedCount(provisional)} chỉ tiêu có số liệu tạm tính của kỳ chưa hết hạn nộp và chưa đủ số cơ quan báo cáo; số tạm tính chưa được tính vào giá trị toàn quốc (ghi rõ tại Phụ lục).`,
                ),
              ]
            : []),
          paragraph('Kết quả của từng chỉ tiêu tại Phụ lục kèm theo.'),
        ]),
  ];
}

/** When a period not yet closed counts, when every KPI has the same floor (the screen says it per KPI). */
function coverageRule(items: readonly KpiSummary[]): string {
  const floors = new Set(items.filter((k) => k.source !== 'system').map((k) => k.coverageFloor));
  const [floor] = floors;
  return floors.size === 1 && floor !== undefined
    ? fill(WORDS.coverageRule, { floor: formatPercent(floor, 'vi', 1) })
    : '';
}

/** The KPI report as a document to sign. */
export function kpiReportDocument(report: KpiReport, signing: Signing, fixes?: TableFixes) {
  return administrativeDocument({
    signing,
    kind: { code: 'BC', name: 'Báo cáo' },
    subject: 'Kết quả thực hiện các chỉ tiêu của Chương trình phát triển Chính phủ số',
    body: body(report, signing),
    recipients: KPI_RECIPIENTS,
    metadataTitle: 'Báo cáo kết quả thực hiện các chỉ tiêu của Chương trình phát triển Chính phủ số',
    appendices:
      report.items.length > 0
        ? [
            {
              title: 'Phụ lục\nKẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU SO VỚI MỤC TIÊU NĂM 2027 VÀ NĂM 2030',
              landscape: true,
              content: [
                {
                  text: [kpiBasis(report), coverageRule(report.items)].filter(Boolean).join(' '),
                  fontSize: TABLE_SIZE,
                  alignment: 'justify',
                  margin: [0, 0, 0, 6],
                },
                ...dataTable(kpiTable(report.items), fixes),
              ],
            },
          ]
        : [],
  });
}

/** The KPI report as PDF bytes. */
export function renderKpiReportPdf(report: KpiReport, signing: Signing): Promise<Buffer> {
  return renderWithTable((fixes) => kpiReportDocument(report, signing, fixes), kpiTable(report.items));
}
