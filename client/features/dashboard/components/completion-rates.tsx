import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type completionRates, TASK_STATUSES } from '../../../../shared/task-status';
import { ScrollRegion } from '../../../components/scroll-region';
import { SimpleTable, TotalRow } from '../../../components/simple-table';
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
      <ScrollRegion label={t('dashboard.bucketsCaption')}>
        <SimpleTable
          caption={t('dashboard.bucketsCaption')}
          className="buckets"
          columns={[
            {
              key: 'status',
              header: t('dashboard.status'),
              cell: (status) => t(`status.${status}`),
              rowHeader: true,
            },
            {
              key: 'count',
              header: t('dashboard.count'),
              cell: (status) => formatCount(counts[status], lang),
              numeric: true,
            },
            {
              key: 'keyCount',
              header: t('dashboard.keyCount'),
              cell: (status) => formatCount(keyCounts[status], lang),
              numeric: true,
            },
          ]}
          rows={TASK_STATUSES}
          rowKey={(status) => status}
          footer={
            <>
              <TotalRow
                label={t('dashboard.assigned')}
                figures={[formatCount(rates.assigned, lang), formatCount(keyRates.assigned, lang)]}
              />
              <TotalRow
                label={t('dashboard.totalRow')}
                figures={[formatCount(rates.total, lang), formatCount(keyRates.total, lang)]}
              />
            </>
          }
        />
      </ScrollRegion>
    </section>
  );
}
