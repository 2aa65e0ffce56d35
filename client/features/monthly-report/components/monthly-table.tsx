import { type ReactNode, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../../components/scroll-region';
import { formatCount, formatRate } from '../../../lib/format';
import { compareVietnamese } from '../../../lib/vietnamese-collator';
import type { MonthlyAgencyRow, MonthlyFigures } from '../api/monthly-report-queries';

type ColumnKey = 'name' | 'level' | keyof MonthlyFigures;

interface Column {
  key: ColumnKey;
  label: string;
  render: (figures: MonthlyFigures) => ReactNode;
  /**
   * Left off the printed page: thirteen figures do not fit A4 landscape with the header repeated on
   * every page. The document to sign (Tải PDF) carries them.
   */
  screenOnly?: boolean;
}

/** The per-agency table with its national total in the footer; sorts in the browser, Vietnamese order. */
export function MonthlyTable({ rows, totals }: { rows: MonthlyAgencyRow[]; totals: MonthlyFigures }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const captionId = useId();
  const [sort, setSort] = useState<{ key: ColumnKey; dir: 'asc' | 'desc' }>({ key: 'name', dir: 'asc' });

  const count = (key: keyof MonthlyFigures) => (f: MonthlyFigures) => formatCount(f[key] ?? 0, lang);
  // Not recorded (a report frozen before they were kept) is not zero.
  const recorded = (value: number | null) => (value === null ? '—' : formatCount(value, lang));
  const rate = (key: 'ofDue' | 'ofAssigned') => (f: MonthlyFigures) => formatRate(f[key], lang);
  const figureColumn = (key: keyof MonthlyFigures, label: string, render = count(key)): Column => ({
    key,
    label,
    render,
  });
  const columns: Column[] = [
    figureColumn('assigned', t('monthlyReport.assigned')),
    figureColumn('assignedInPeriod', t('monthlyReport.assignedInPeriod')),
    figureColumn('completedOnTime', t('monthlyReport.completedOnTime')),
    figureColumn('completedLate', t('monthlyReport.completedLate')),
    figureColumn(
      'completedInPeriodOnTime',
      t('monthlyReport.completedInPeriod'),
      (f) =>
        `${formatCount(f.completedInPeriodOnTime, lang)} / ${formatCount(f.completedInPeriodLate, lang)}`,
    ),
    figureColumn('inProgress', t('monthlyReport.inProgress')),
    figureColumn('overdue', t('monthlyReport.overdue')),
    {
      ...figureColumn('overdueUnexplained', t('monthlyReport.overdueUnexplained'), (f) =>
        recorded(f.overdueUnexplained),
      ),
      screenOnly: true,
    },
    {
      ...figureColumn(
        'remindersInPeriod',
        t('monthlyReport.accountabilityInPeriod'),
        (f) => `${recorded(f.remindersInPeriod)} / ${recorded(f.explanationsInPeriod)}`,
      ),
      screenOnly: true,
    },
    {
      ...figureColumn('reportsUnexplained', t('monthlyReport.reportsUnexplained'), (f) =>
        recorded(f.reportsUnexplained),
      ),
      screenOnly: true,
    },
    {
      ...figureColumn(
        'reportRemindersInPeriod',
        t('monthlyReport.reportAccountabilityInPeriod'),
        (f) => `${recorded(f.reportRemindersInPeriod)} / ${recorded(f.reportExplanationsInPeriod)}`,
      ),
      screenOnly: true,
    },
    figureColumn('noDeadline', t('monthlyReport.noDeadline')),
    figureColumn('withdrawn', t('monthlyReport.withdrawn')),
    figureColumn('ofDue', t('monthlyReport.ofDue'), rate('ofDue')),
    figureColumn('ofAssigned', t('monthlyReport.ofAssigned'), rate('ofAssigned')),
  ];
  const name = (row: MonthlyAgencyRow) => (lang === 'en' ? row.nameEn : row.nameVi);

  const sorted = useMemo(() => {
    const value = (row: MonthlyAgencyRow) =>
      sort.key === 'name'
        ? lang === 'en'
          ? row.nameEn
          : row.nameVi
        : sort.key === 'level'
          ? row.level
          : (row[sort.key] ?? -1);
    const copy = [...rows].sort((a, b) => compareVietnamese(value(a), value(b)));
    return sort.dir === 'asc' ? copy : copy.reverse();
  }, [rows, sort, lang]);

  function header(key: ColumnKey, label: string, numeric: boolean, screenOnly = false) {
    const current = sort.key === key ? sort.dir : null;
    return (
      <th
        key={key}
        scope="col"
        className={[numeric && 'numeric', screenOnly && 'no-print'].filter(Boolean).join(' ') || undefined}
        aria-sort={current === 'asc' ? 'ascending' : current === 'desc' ? 'descending' : undefined}
      >
        {/* Paper repeats the header row on every page, but Chromium paints no buttons in the repeats. */}
        <span className="print-label" aria-hidden="true">
          {label}
        </span>
        <button
          type="button"
          className="sort-button no-print"
          onClick={() => setSort({ key, dir: current === 'asc' ? 'desc' : 'asc' })}
        >
          {label}
          <span className="visually-hidden">
            ,{' '}
            {current === 'asc'
              ? t('common.sortAscending')
              : current === 'desc'
                ? t('common.sortDescending')
                : t('common.sortable')}
          </span>
          <span className="sort-button__icon" aria-hidden="true">
            {current === 'asc' ? '▲' : current === 'desc' ? '▼' : '↕'}
          </span>
        </button>
      </th>
    );
  }

  return (
    <ScrollRegion labelledBy={captionId}>
      <table className="data-table monthly-table">
        <caption id={captionId}>{t('monthlyReport.byAgencyCaption')}</caption>
        <thead>
          <tr>
            {header('name', t('monthlyReport.agency'), false)}
            {header('level', t('monthlyReport.level'), false)}
            {columns.map((column) => header(column.key, column.label, true, column.screenOnly))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.agencyId}>
              <th scope="row">{name(row)}</th>
              <td>{t(`levels.${row.level}`)}</td>
              {columns.map((column) => (
                <td key={column.key} className={cellClass(column)}>
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('monthlyReport.totalRow')}
            </th>
            {columns.map((column) => (
              <td key={column.key} className={cellClass(column)}>
                {column.render(totals)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}

const cellClass = (column: Column) => (column.screenOnly ? 'numeric no-print' : 'numeric');
