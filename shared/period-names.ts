import { type Period, parsePeriodKey } from './reporting-periods';

/**
 * Reporting periods named as people say them, never as their keys: Vietnamese "Tháng 11/2026",
 * "Quý IV/2026", "6 tháng đầu năm 2026", "9 tháng đầu năm 2026", "Năm 2026"; English "November 2026",
 * "Q4 2026", "H1 2026", "January–September 2026", "2026". Pure, so a screen, an export and a printed
 * report name a period the same way.
 */

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const pad = (n: number) => String(n).padStart(2, '0');

export interface PeriodNameOptions {
  /**
   * Inside a sentence ("Lập báo cáo kỳ tháng 11/2026"): a Vietnamese name starts in lower case. English
   * names read the same either way.
   */
  inSentence?: boolean;
}

function vietnameseName(period: Pick<Period, 'type' | 'year' | 'index'>): string {
  switch (period.type) {
    case 'month':
      return `Tháng ${pad(period.index)}/${period.year}`;
    case 'quarter':
      return `Quý ${ROMAN[period.index - 1]}/${period.year}`;
    case 'half_year':
      return `6 tháng đầu năm ${period.year}`;
    case 'nine_months':
      return `9 tháng đầu năm ${period.year}`;
    case 'year':
      return `Năm ${period.year}`;
  }
}

function englishName(period: Pick<Period, 'type' | 'year' | 'index'>): string {
  switch (period.type) {
    case 'month':
      return `${EN_MONTHS[period.index - 1]} ${period.year}`;
    case 'quarter':
      return `Q${period.index} ${period.year}`;
    case 'half_year':
      return `H1 ${period.year}`;
    case 'nine_months':
      return `January–September ${period.year}`;
    case 'year':
      return String(period.year);
  }
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * A period (or its key, e.g. "2026-Q4", or a calendar month 'YYYY-MM', the monthly report's, named as
 * its monthly period) in the reader's language ('en' English, anything else Vietnamese). Any other text
 * is returned as it is: a name is never worth a crash.
 */
export function periodName(
  period: string | Pick<Period, 'type' | 'year' | 'index'>,
  language: string,
  options: PeriodNameOptions = {},
): string {
  let resolved: Pick<Period, 'type' | 'year' | 'index'>;
  const month = typeof period === 'string' ? MONTH.exec(period) : null;
  if (month) resolved = { type: 'month', year: Number(month[1]), index: Number(month[2]) };
  else if (typeof period === 'string') {
    try {
      resolved = parsePeriodKey(period);
    } catch {
      return period;
    }
  } else resolved = period;
  if (language === 'en') return englishName(resolved);
  const name = vietnameseName(resolved);
  return options.inSentence ? name.charAt(0).toLocaleLowerCase('vi') + name.slice(1) : name;
}
