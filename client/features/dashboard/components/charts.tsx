import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TaskStatus } from '../../../../shared/task-status';
import { formatCount } from '../../../lib/format';
import { STATUS_COLORS, STATUS_PATTERNS } from '../status-colors';
import { CHART_HEIGHT, stackChartHeight } from './chart-sizes';

/** Everything that needs recharts lives in this module, loaded lazily so the first page stays small. */

/** Axis ticks and tooltips count the way the cards beside them do. */
function useCountFormat() {
  const { i18n } = useTranslation();
  return {
    tick: (value: number) => formatCount(value, i18n.language),
    tooltip: (value: unknown) =>
      typeof value === 'number' ? formatCount(value, i18n.language) : String(value),
  };
}

export interface MonthBar {
  label: string;
  value: number;
}

export function OverdueByMonthChart({ data, seriesName }: { data: MonthBar[]; seriesName: string }) {
  const count = useCountFormat();
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <defs>
          <Patterns />
        </defs>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" />
        <YAxis allowDecimals={false} tickFormatter={count.tick} />
        <Tooltip formatter={count.tooltip} />
        <Bar dataKey="value" name={seriesName} fill="url(#pattern-overdue)" stroke={STATUS_COLORS.overdue} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export interface StackRow {
  label: string;
  counts: Record<TaskStatus, number>;
}

export function StatusStackChart({
  rows,
  statuses,
  statusLabel,
}: {
  rows: StackRow[];
  statuses: readonly TaskStatus[];
  statusLabel: (status: TaskStatus) => string;
}) {
  const data = rows.map((row) => ({ label: row.label, ...row.counts }));
  const height = stackChartHeight(rows.length);
  const count = useCountFormat();
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart
        data={data}
        layout="vertical"
        accessibilityLayer={false}
        margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
      >
        <defs>
          <Patterns />
        </defs>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tickFormatter={count.tick} />
        <YAxis type="category" dataKey="label" width={220} tick={{ fontSize: 12 }} />
        <Tooltip formatter={count.tooltip} />
        <Legend />
        {statuses.map((status) => (
          <Bar
            key={status}
            dataKey={status}
            name={statusLabel(status)}
            stackId="status"
            fill={STATUS_PATTERNS[status] ? `url(#pattern-${status})` : STATUS_COLORS[status]}
            stroke={STATUS_COLORS[status]}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Stripes and dots over the status colour, so the series differ in more than hue. */
function Patterns() {
  return (
    <>
      <pattern
        id="pattern-overdue"
        width="8"
        height="8"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="8" height="8" fill={STATUS_COLORS.overdue} />
        <line x1="0" y1="0" x2="0" y2="8" stroke="#fff" strokeWidth="3" />
      </pattern>
      <pattern id="pattern-completed_late" width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill={STATUS_COLORS.completed_late} />
        <circle cx="3" cy="3" r="1.3" fill="#fff" />
      </pattern>
    </>
  );
}
