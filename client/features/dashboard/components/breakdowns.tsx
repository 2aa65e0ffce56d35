import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_STATUSES, type TaskStatus } from '../../../../shared/task-status';
import { ScrollRegion } from '../../../components/scroll-region';
import { SimpleTable, TotalRow } from '../../../components/simple-table';
import { formatCount } from '../../../lib/format';
import { retryImport } from '../../../lib/retry-import';
import type { Dashboard, StatusCounts } from '../api/dashboard-queries';
import { ChartPanel } from './chart-panel';
import { CHART_HEIGHT, stackChartHeight } from './chart-sizes';

// recharts is only fetched when a chart is about to show.
const OverdueByMonthChart = lazy(() =>
  retryImport(() => import('./charts')).then((m) => ({ default: m.OverdueByMonthChart })),
);
const StatusStackChart = lazy(() =>
  retryImport(() => import('./charts')).then((m) => ({ default: m.StatusStackChart })),
);

/** "2026-03" as the reader writes a month: 03/2026. */
function monthLabel(month: string): string {
  const [year, mon] = month.split('-');
  return `${mon}/${year}`;
}

function sum(counts: StatusCounts): number {
  return TASK_STATUSES.reduce((total, status) => total + counts[status], 0);
}

export function OverdueByMonth({ rows }: { rows: Dashboard['overdueByMonth'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const data = rows.map((row) => ({ label: monthLabel(row.month), value: row.n }));
  const total = rows.reduce((n, row) => n + row.n, 0);
  return (
    <ChartPanel
      title={t('dashboard.overdueByMonthTitle')}
      height={rows.length ? CHART_HEIGHT : 0}
      chart={
        rows.length ? (
          <OverdueByMonthChart data={data} seriesName={t('dashboard.overdue')} />
        ) : (
          <p className="empty">{t('dashboard.noOverdue')}</p>
        )
      }
      table={
        <SimpleTable
          caption={t('dashboard.overdueByMonthCaption')}
          className="data-table--compact"
          columns={[
            { key: 'month', header: t('dashboard.month'), cell: (row) => row.label, rowHeader: true },
            {
              key: 'overdue',
              header: t('dashboard.overdue'),
              cell: (row) => formatCount(row.value, lang),
              numeric: true,
            },
          ]}
          rows={data}
          rowKey={(row) => row.label}
          footer={<TotalRow label={t('dashboard.totalRow')} figures={[formatCount(total, lang)]} />}
        />
      }
    />
  );
}

interface StackRow {
  key: string;
  label: string;
  counts: StatusCounts;
}

/** A stacked bar per row (group, level) with its status table; the table's totals reconcile to the whole. */
export function StatusBreakdown({
  title,
  caption,
  rowHeader,
  rows,
}: {
  title: string;
  caption: string;
  rowHeader: string;
  rows: StackRow[];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const statusLabel = (status: TaskStatus) => t(`status.${status}`);
  const totals: StatusCounts = {
    completed_on_time: 0,
    completed_late: 0,
    in_progress: 0,
    overdue: 0,
    no_deadline: 0,
    withdrawn: 0,
  };
  for (const row of rows) for (const status of TASK_STATUSES) totals[status] += row.counts[status];
  return (
    <ChartPanel
      title={title}
      height={stackChartHeight(rows.length)}
      chart={<StatusStackChart rows={rows} statuses={TASK_STATUSES} statusLabel={statusLabel} />}
      table={
        <ScrollRegion label={caption}>
          <SimpleTable
            caption={caption}
            columns={[
              { key: 'label', header: rowHeader, cell: (row: StackRow) => row.label, rowHeader: true },
              ...TASK_STATUSES.map((status) => ({
                key: status,
                header: statusLabel(status),
                cell: (row: StackRow) => formatCount(row.counts[status], lang),
                numeric: true,
              })),
              {
                key: 'total',
                header: t('dashboard.totalRow'),
                cell: (row: StackRow) => formatCount(sum(row.counts), lang),
                numeric: true,
              },
            ]}
            rows={rows}
            rowKey={(row) => row.key}
            footer={
              <TotalRow
                label={t('dashboard.totalRow')}
                figures={[
                  ...TASK_STATUSES.map((status) => formatCount(totals[status], lang)),
                  formatCount(sum(totals), lang),
                ]}
              />
            }
          />
        </ScrollRegion>
      }
    />
  );
}
