import { type ReactNode, type RefObject, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../../components/spinner';

interface ChartPanelProps {
  title: string;
  /** The chart's height in pixels, reserved before the lazily loaded chart arrives (no layout shift). */
  height: number;
  /** The chart itself (a lazily loaded component). */
  chart: ReactNode;
  /** The same numbers as a real table, one click away. */
  table: ReactNode;
}

/**
 * True once the element comes within a screen's reach. Drawing the charts (recharts, then the SVG) is
 * the page's heaviest work and most sit below the first screen: they wait until about to be seen, so
 * the first screen is ready sooner and the main thread stays free meanwhile.
 */
function useNearViewport<T extends Element>(): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        setNear(true);
        observer.disconnect();
      },
      { rootMargin: '200px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  return [ref, near];
}

/** A chart with its figures behind a toggle: the chart is never the only way to read the numbers. */
export function ChartPanel({ title, height, chart, table }: ChartPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  const [chartRef, near] = useNearViewport<HTMLDivElement>();
  return (
    <section className="dashboard-panel chart-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div
        ref={chartRef}
        className="chart-panel__chart"
        style={{ minHeight: height }}
        role="img"
        aria-label={t('dashboard.chartLabel', { title })}
      >
        {near && <Suspense fallback={<Spinner label={t('dashboard.chartLoading')} />}>{chart}</Suspense>}
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
