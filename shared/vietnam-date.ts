export const VIETNAM_TZ = 'Asia/Ho_Chi_Minh';

const vietnamDateParts = new Intl.DateTimeFormat('en-US', {
  timeZone: VIETNAM_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar date in Vietnam (YYYY-MM-DD) at the given instant. Intl rather than date-fns, so a page
 * that only shows today's date does not load date-fns and its locale data.
 */
export function vietnamDate(at: Date): string {
  const part = (type: string) => vietnamDateParts.formatToParts(at).find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** dd/MM/yyyy, the way Vietnamese readers write dates. */
export function formatVietnameseDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
