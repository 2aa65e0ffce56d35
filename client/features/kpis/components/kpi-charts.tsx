import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDate } from '../../../lib/format';
import { type TrajectoryRow, targetYearTime } from '../kpi-view';

/** Everything that needs recharts for the KPI screens lives here, loaded lazily (a separate chunk). */

export interface TrajectoryChartProps {
  rows: TrajectoryRow[];
  targets: { year: number; value: number; label: string }[];
  names: { actual: string; planned: string; forecast: string };
  format: (value: number) => string;
}

const dateOf = (t: number) => formatDate(new Date(t));

/**
 * Actual (solid), planned (dashed) and forecast (dotted) lines over time, with each target as a
 * labelled marker at the end of its year: the three differ by dash pattern as well as colour.
 */
export function TrajectoryChart({ rows, targets, names, format }: TrajectoryChartProps) {
  const times = [...rows.map((r) => r.t), ...targets.map((t) => targetYearTime(t.year))];
  const domain: [number, number] = [Math.min(...times), Math.max(...times)];
  const top = Math.max(
    100,
    ...rows.flatMap((r) => [r.actual ?? 0, r.planned ?? 0, r.forecast ?? 0]),
    ...targets.map((t) => t.value),
  );
  return (
    <ResponsiveContainer width="100%" height={340}>
      <LineChart data={rows} accessibilityLayer={false} margin={{ top: 24, right: 24, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={domain}
          tickFormatter={(t: number) => dateOf(t).slice(3)}
        />
        <YAxis domain={[0, Math.ceil(top / 10) * 10]} tickFormatter={(v: number) => format(v)} width={72} />
        <Tooltip
          labelFormatter={(t) => dateOf(Number(t))}
          formatter={(value) => (typeof value === 'number' ? format(value) : String(value))}
        />
        <Legend />
        <Line
          type="linear"
          dataKey="actual"
          name={names.actual}
          stroke="#0b57d0"
          strokeWidth={3}
          dot={{ r: 3 }}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey="planned"
          name={names.planned}
          stroke="#4a5360"
          strokeWidth={2}
          strokeDasharray="8 4"
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey="forecast"
          name={names.forecast}
          stroke="#8a4b00"
          strokeWidth={2}
          strokeDasharray="2 3"
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
        {targets.map((target) => (
          <ReferenceLine
            key={`line-${target.year}`}
            x={targetYearTime(target.year)}
            stroke="#a3151b"
            strokeDasharray="4 4"
          />
        ))}
        {targets.map((target) => (
          <ReferenceDot
            key={`dot-${target.year}`}
            x={targetYearTime(target.year)}
            y={target.value}
            r={6}
            fill="#a3151b"
            stroke="#fff"
            label={{ value: target.label, position: 'top', fill: '#1b1f24', fontSize: 12 }}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
