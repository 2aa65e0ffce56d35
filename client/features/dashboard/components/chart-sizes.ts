/**
 * Chart heights, outside the lazily loaded charts module so the page can reserve the space before
 * recharts arrives (nothing below a chart moves when it appears).
 */
export const CHART_HEIGHT = 320;

/** A horizontal stacked bar chart: a bar per row, never shorter than the other charts. */
export function stackChartHeight(rows: number): number {
  return Math.max(CHART_HEIGHT, rows * 44 + 80);
}
