import type { TFunction } from 'i18next';
import type { CellState } from './components/heatmap-cell';

export interface ComplianceData {
  periods: { key: string }[];
  agencies: {
    agencyId: number;
    nameVi: string;
    nameEn: string;
    level: string;
    cells: Record<string, { state: CellState; submissionId: number | null }>;
    expected: number;
    submitted: number;
    onTime: number;
    late: number;
    missing: number;
    completeness: number | null;
    timeliness: number | null;
  }[];
}

function quote(value: string | number): string {
  const text = String(value);
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const rate = (value: number | null) => (value === null ? '' : (value * 100).toFixed(1));

/** The loaded compliance figures as CSV (UTF-8 with BOM so spreadsheet programs read Vietnamese). */
export function complianceCsv(data: ComplianceData, t: TFunction, language: string): string {
  const header = [
    t('reports.agency'),
    t('reports.compliance.level'),
    ...data.periods.map((p) => p.key),
    t('reports.compliance.expected'),
    t('reports.compliance.submitted'),
    t('reports.compliance.onTime'),
    t('reports.compliance.late'),
    t('reports.compliance.missing'),
    `${t('reports.compliance.completeness')} (%)`,
    `${t('reports.compliance.timeliness')} (%)`,
  ];
  const rows = data.agencies.map((a) => [
    language === 'en' ? a.nameEn : a.nameVi,
    t(`levels.${a.level as 'central'}`),
    ...data.periods.map((p) => {
      const cell = a.cells[p.key];
      return cell ? t(`reports.compliance.cells.${cell.state}`) : '';
    }),
    a.expected,
    a.submitted,
    a.onTime,
    a.late,
    a.missing,
    rate(a.completeness),
    rate(a.timeliness),
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}
