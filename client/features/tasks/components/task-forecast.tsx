import { useTranslation } from 'react-i18next';
import { FLAG_DAYS } from '../../../../shared/forecast';
import { formatDate } from '../../../lib/format';
import { useTaskForecast } from '../api/task-queries';
import { forecastMethod, forecastSentence } from '../forecast-sentence';

/** The task's early warning, as a fact of the task (nothing when the reader may not see its progress). */
export function TaskForecastFact({ taskId }: { taskId: number }) {
  const { t, i18n } = useTranslation();
  const { data } = useTaskForecast(taskId);
  if (!data) return null;
  return (
    <div>
      <dt>{t('taskDetail.forecast.label')}</dt>
      <dd data-testid="task-forecast" data-flagged={data.forecast.flagged}>
        <span className={data.forecast.flagged ? 'forecast-flag' : undefined}>
          {forecastSentence(t, data)}
        </span>
        <details className="forecast-method">
          <summary>{t('taskDetail.forecast.how')}</summary>
          <p>{forecastMethod(t, i18n.language, data)}</p>
          <p className="muted">
            {t('taskDetail.forecast.flagRule', { days: FLAG_DAYS, date: formatDate(data.asOf) })}
          </p>
        </details>
      </dd>
    </div>
  );
}
