export const VIETNAM_TZ = 'Asia/Ho_Chi_Minh';

// The formatters are built on first use, not when the module loads: the first time-zone formatter
// costs a phone tens of milliseconds (the time-zone data), which a page showing no date should not pay
// while it starts (client/lib/format.ts builds them when the browser is idle).
let dateParts: Intl.DateTimeFormat | undefined;
const vietnamDateParts = () =>
  (dateParts ??= new Intl.DateTimeFormat('en-US', {
    timeZone: VIETNAM_TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }));

/**
 * The calendar date in Vietnam (YYYY-MM-DD) at the given instant. Intl rather than date-fns, so a page
 * that only shows today's date does not load date-fns and its locale data.
 */
export function vietnamDate(at: Date): string {
  // The server asks for today's date several times a request: the last minute's answer is kept (today's
  // time-zone offsets are whole minutes and change on a minute, so a minute has one date).
  const minute = Math.floor(at.getTime() / 60_000);
  if (minute === lastMinute) return lastDate;
  let year = '';
  let month = '';
  let day = '';
  for (const { type, value } of vietnamDateParts().formatToParts(at)) {
    if (type === 'year') year = value;
    else if (type === 'month') month = value;
    else if (type === 'day') day = value;
  }
  lastMinute = minute;
  lastDate = `${year}-${month}-${day}`;
  return lastDate;
}

let lastMinute = Number.NaN;
let lastDate = '';

/** dd/MM/yyyy, the way Vietnamese readers write dates. */
export function formatVietnameseDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

let dateTime: Intl.DateTimeFormat | undefined;
const vietnamTime = () =>
  (dateTime ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: VIETNAM_TZ,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }));

/** dd/MM/yyyy HH:mm in Vietnam time: on screens, and in files people print (exports' "as of" lines). */
export function vietnamDateTime(at: Date): string {
  return vietnamTime().format(at).replace(',', '');
}
