import { type ReactNode, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../../components/spinner';

interface ChartPanelProps {
  title: string;
  /** The chart itself (a lazily loaded component). */
  chart: ReactNode;
  /** The same numbers as a real table, one click away. */
  table: ReactNode;
}

/** A chart with its figures behind a toggle: the chart is never the only way to read the numbers. */
export function ChartPanel({ title, chart, table }: ChartPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  return (
    <section className="dashboard-panel chart-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div className="chart-panel__chart" role="img" aria-label={t('dashboard.chartLabel', { title })}>
        <Suspense fallback={<Spinner label={t('dashboard.chartLoading')} />}>{chart}</Suspense>
      </div>
      <button
        type="button"
        className="button button--small chart-panel__toggle"
        aria-expanded={showTable}
        aria-controls={`${id}-table`}
        onClick={() => setShowTable((shown) => !shown)}
      >
        {t('dashboard.showData')}
      </button>
      <div id={`${id}-table`} className="chart-panel__table" hidden={!showTable}>
        {table}
      </div>
    </section>
  );
}
