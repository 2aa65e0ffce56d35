import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type completionRates, TASK_STATUSES } from '../../../../shared/task-status';
import { formatCount, formatRate } from '../../../lib/format';
import type { StatusCounts } from '../api/dashboard-queries';

type Rates = ReturnType<typeof completionRates>;

/** One of the two official rates: the figure, its fraction and its formula in words. */
export function RateFigure({
  label,
  formula,
  value,
  completed,
  of,
}: {
  label: string;
  formula: string;
  value: number | null;
  completed: number;
  of: number;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <div className="rate">
      <dt className="rate__label">{label}</dt>
      <dd className="rate__value">{formatRate(value, lang)}</dd>
      <dd className="rate__detail">
        {value === null
          ? t('dashboard.noFigure')
          : t('dashboard.rateFraction', {
              completed: formatCount(completed, lang),
              of: formatCount(of, lang),
            })}
      </dd>
      <dd className="rate__formula">= {formula}</dd>
    </div>
  );
}

function RateList({ title, rates, counts }: { title: string; rates: Rates; counts: StatusCounts }) {
  const { t } = useTranslation();
  const id = useId();
  const due = rates.completed + counts.overdue;
  return (
    <section className="rates__group" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <dl className="rates__list">
        <RateFigure
          label={t('dashboard.ofDueLabel')}
          formula={t('dashboard.ofDueFormula')}
          value={rates.ofDue}
          completed={rates.completed}
          of={due}
        />
        <RateFigure
          label={t('dashboard.ofAssignedLabel')}
          formula={t('dashboard.ofAssignedFormula')}
          value={rates.ofAssigned}
          completed={rates.completed}
          of={rates.assigned}
        />
      </dl>
    </section>
  );
}

/** Both rates, for all tasks and for key tasks, and the buckets they come from, which add up to the total. */
export function CompletionRates({
  counts,
  keyCounts,
  rates,
  keyRates,
}: {
  counts: StatusCounts;
  keyCounts: StatusCounts;
  rates: Rates;
  keyRates: Rates;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const lang = i18n.language;
  return (
    <section className="dashboard-panel rates" aria-labelledby={id}>
      <h2 id={id}>{t('dashboard.ratesTitle')}</h2>
      <div className="rates__groups">
        <RateList title={t('dashboard.allTasks')} rates={rates} counts={counts} />
        <RateList title={t('dashboard.keyTasks')} rates={keyRates} counts={keyCounts} />
      </div>
      <div className="table-scroll">
        <table className="data-table buckets">
          <caption>{t('dashboard.bucketsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.status')}</th>
              <th scope="col" className="numeric">
                {t('dashboard.count')}
              </th>
              <th scope="col" className="numeric">
                {t('dashboard.keyCount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {TASK_STATUSES.map((status) => (
              <tr key={status}>
                <th scope="row">{t(`status.${status}`)}</th>
                <td className="numeric">{formatCount(counts[status], lang)}</td>
                <td className="numeric">{formatCount(keyCounts[status], lang)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('dashboard.assigned')}</th>
              <td className="numeric">{formatCount(rates.assigned, lang)}</td>
              <td className="numeric">{formatCount(keyRates.assigned, lang)}</td>
            </tr>
            <tr>
              <th scope="row">{t('dashboard.totalRow')}</th>
              <td className="numeric">{formatCount(rates.total, lang)}</td>
              <td className="numeric">{formatCount(keyRates.total, lang)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
