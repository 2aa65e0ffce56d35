import { shiftDate } from './time';

/**
 * The monthly monitoring period of a month, following Decree 09/2019/NĐ-CP's data cut-off:
 * from the 15th of the previous month to the 14th of the reporting month.
 */
export function monthlyPeriod(month: string): { start: string; cutoff: string } {
  const [y, m] = month.split('-').map(Number);
  const year = y ?? 1970;
  const mon = m ?? 1;
  const prevYear = mon === 1 ? year - 1 : year;
  const prevMonth = mon === 1 ? 12 : mon - 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { start: `${prevYear}-${pad(prevMonth)}-15`, cutoff: `${year}-${pad(mon)}-14` };
}

/** The day after the cut-off: the figures are final once Vietnam's calendar reaches it. */
export function isPeriodClosed(month: string, today: string): boolean {
  return today > monthlyPeriod(month).cutoff;
}

export function previousMonth(today: string): string {
  return shiftDate(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
}
