import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../lib/format';
import type { MonthlyReport } from '../api/monthly-report-queries';

/** Where the figures come from: stored by the freeze job, recomputed from history, or live. */
export function SourceNotice({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  const cutoff = formatDate(report.cutoff);
  const text =
    report.source === 'frozen'
      ? t('monthlyReport.frozen', {
          cutoff,
          at: report.frozenAt ? formatDateTime(report.frozenAt) : '—',
        })
      : report.source === 'history'
        ? t('monthlyReport.history', { cutoff })
        : t('monthlyReport.live', { time: formatDateTime(report.asOf) });
  return <p className={`notice notice--${report.source}`}>{text}</p>;
}
