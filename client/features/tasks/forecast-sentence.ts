import type { TFunction } from 'i18next';
import { MIN_REPORTS, MIN_SPAN_DAYS, RECENT_DAYS } from '../../../shared/forecast';
import { formatDate, formatNumber } from '../../lib/format';
import type { RouterOutputs } from '../../lib/trpc';

export type TaskForecast = NonNullable<RouterOutputs['tasks']['forecast']>;

/** The early warning's sentence: likely late by about N days, close, on time, not moving, or no data. */
export function forecastSentence(t: TFunction, { forecast }: TaskForecast): string {
  if (forecast.method === 'none') return t('taskDetail.forecast.none');
  if (forecast.expectedOn === null) return t('taskDetail.forecast.notMoving');
  const date = formatDate(forecast.expectedOn);
  const late = forecast.lateByDays ?? 0;
  if (forecast.flagged) return t('taskDetail.forecast.late', { count: late, date });
  return t(late > 0 ? 'taskDetail.forecast.close' : 'taskDetail.forecast.onTime', { date });
}

/** How the forecast was made, in the reader's words: which reports or which similar tasks, what pace. */
export function forecastMethod(t: TFunction, language: string, { forecast }: TaskForecast): string {
  const pace = formatNumber(forecast.pacePerWeek, language, 1);
  switch (forecast.method) {
    case 'own':
      return forecast.expectedOn === null
        ? t('taskDetail.forecast.methodOwnStill', { count: forecast.basis, recent: RECENT_DAYS })
        : t('taskDetail.forecast.methodOwn', { count: forecast.basis, recent: RECENT_DAYS, pace });
    case 'similar':
      return t('taskDetail.forecast.methodSimilar', {
        count: forecast.basis,
        min: MIN_REPORTS,
        span: MIN_SPAN_DAYS,
        pace,
      });
    default:
      return t('taskDetail.forecast.methodNone');
  }
}
