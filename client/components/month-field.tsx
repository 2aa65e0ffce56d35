import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { periodName } from '../../shared/period-names';
import './forms.css';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** 'YYYY-MM' as its year and month (1–12); null for anything else. */
export function splitMonth(value: string): { year: number; month: number } | null {
  const match = MONTH.exec(value);
  return match ? { year: Number(match[1]), month: Number(match[2]) } : null;
}

/** A year and a month (1–12) as 'YYYY-MM'. */
export function joinMonth(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The years offered: `from` to `to`, and the chosen one even when outside them. */
export function monthFieldYears(from: number, to: number, chosen: number | null): number[] {
  const years = new Set<number>();
  for (let year = from; year <= to; year++) years.add(year);
  if (chosen !== null) years.add(chosen);
  return [...years].sort((a, b) => a - b);
}

const monthNames = new Map<string, Intl.DateTimeFormat>();
function nameOfMonth(month: number, language: string): string {
  if (language !== 'en') return `Tháng ${month}`;
  let format = monthNames.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });
    monthNames.set(language, format);
  }
  return format.format(new Date(Date.UTC(2000, month - 1, 1)));
}

interface MonthFieldProps {
  legend: string;
  /** 'YYYY-MM'. */
  value: string;
  onChange: (value: string) => void;
  /** The first and last years offered. */
  fromYear: number;
  toYear: number;
}

/**
 * A month chosen as a month and a year, named as people say it ("Tháng 11/2026"), the same in every
 * browser: a native month input follows the browser's language ("November 2026", "2026-11").
 */
export function MonthField({ legend, value, onChange, fromYear, toYear }: MonthFieldProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const chosen = splitMonth(value);
  const year = chosen?.year ?? toYear;
  const month = chosen?.month ?? 1;
  return (
    <fieldset className="month-field">
      <legend>{legend}</legend>
      <div className="month-field__parts">
        <div className="field">
          <label htmlFor={`${id}-month`}>{t('validation.monthPart')}</label>
          <select
            id={`${id}-month`}
            value={month}
            onChange={(event) => onChange(joinMonth(year, Number(event.target.value)))}
          >
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <option key={m} value={m}>
                {nameOfMonth(m, i18n.language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-year`}>{t('validation.yearPart')}</label>
          <select
            id={`${id}-year`}
            value={year}
            onChange={(event) => onChange(joinMonth(Number(event.target.value), month))}
          >
            {monthFieldYears(fromYear, toYear, chosen?.year ?? null).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="hint" aria-live="polite">
        {chosen ? periodName(value, i18n.language) : ''}
      </p>
    </fieldset>
  );
}
