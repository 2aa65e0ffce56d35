import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { MonthField } from '../../../components/month-field';
import { SignedPdfDownload } from '../../../components/signed-pdf-download';
import { Spinner } from '../../../components/spinner';
import { formatCount, formatDate, formatRate } from '../../../lib/format';
import { signedPdfHref } from '../../../lib/signed-pdf';
import { usePageTitle } from '../../../lib/use-page-title';
import { type MonthlyReport, useMonthlyReport } from '../api/monthly-report-queries';
import { defaultReportMonth, isReportMonth } from '../report-month';
import { MonthlyTable } from './monthly-table';
import { SourceNotice } from './source-notice';
import './monthly-report.css';

/** The Program (Decision 2629/QĐ-TTg) runs from 2025: no monitoring report is older. */
const FIRST_REPORT_YEAR = 2025;

/** The month to show: chosen as a month and a year, applied with the button (the report is costly). */
function MonthPicker({ month, onChange }: { month: string; onChange: (month: string) => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(month);
  const latest = Number(defaultReportMonth().slice(0, 4));
  function submit(event: FormEvent) {
    event.preventDefault();
    if (isReportMonth(chosen)) onChange(chosen);
  }
  return (
    <form className="month-picker no-print" onSubmit={submit} noValidate>
      <MonthField
        legend={t('monthlyReport.month')}
        value={chosen}
        onChange={setChosen}
        fromYear={FIRST_REPORT_YEAR}
        toYear={Math.max(latest, FIRST_REPORT_YEAR)}
      />
      <button type="submit" className="button button--primary">
        {t('monthlyReport.show')}
      </button>
    </form>
  );
}

function Totals({ totals }: { totals: MonthlyReport['totals'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const items: [string, string][] = [
    [t('monthlyReport.assigned'), formatCount(totals.assigned, lang)],
    [t('monthlyReport.assignedInPeriod'), formatCount(totals.assignedInPeriod, lang)],
    [t('monthlyReport.completedOnTime'), formatCount(totals.completedOnTime, lang)],
    [t('monthlyReport.completedLate'), formatCount(totals.completedLate, lang)],
    [t('monthlyReport.inProgress'), formatCount(totals.inProgress, lang)],
    [t('monthlyReport.overdue'), formatCount(totals.overdue, lang)],
    [t('monthlyReport.noDeadline'), formatCount(totals.noDeadline, lang)],
    [t('monthlyReport.withdrawn'), formatCount(totals.withdrawn, lang)],
    [t('monthlyReport.ofDue'), formatRate(totals.ofDue, lang)],
    [t('monthlyReport.ofAssigned'), formatRate(totals.ofAssigned, lang)],
  ];
  return (
    <section aria-labelledby="monthly-totals">
      <h2 id="monthly-totals">{t('monthlyReport.totalsTitle')}</h2>
      <dl className="monthly-totals">
        {items.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The printable monthly monitoring report: frozen at its cut-off once the period has closed. */
export function MonthlyReportPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('monthlyReport.title'));
  const [params, setParams] = useSearchParams();
  const requested = params.get('month');
  const month = isReportMonth(requested) ? requested : defaultReportMonth();
  const report = useMonthlyReport(month);
  const lang = i18n.language === 'en' ? 'en' : 'vi';

  return (
    <section className="page monthly-report">
      <h1 className="no-print">{t('monthlyReport.title')}</h1>
      <MonthPicker key={month} month={month} onChange={(next) => setParams({ month: next })} />
      {report.isPending ? (
        <Spinner />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <article className="monthly-report__sheet" aria-busy={report.isPlaceholderData}>
          <header className="monthly-report__header">
            <h2 className="monthly-report__title">
              {t('monthlyReport.heading', { month: report.data.month })}
            </h2>
            <p>
              {t('monthlyReport.period', {
                start: formatDate(report.data.periodStart),
                cutoff: formatDate(report.data.cutoff),
              })}
            </p>
            <SourceNotice report={report.data} />
            <div className="monthly-report__actions no-print">
              <button type="button" className="button button--primary" onClick={() => window.print()}>
                {t('monthlyReport.print')}
              </button>
              <a
                className="button"
                href={`/export/monthly.xlsx?month=${encodeURIComponent(report.data.month)}&lang=${lang}`}
                download
              >
                {t('monthlyReport.exportExcel')}
              </a>
            </div>
            <SignedPdfDownload
              href={(signing) => signedPdfHref('/export/monthly.pdf', { month: report.data.month }, signing)}
            />
          </header>
          <Totals totals={report.data.totals} />
          {/* Above the table, so that on paper the last page never holds this note alone. */}
          <p className="hint">{t('monthlyReport.ratesNote')}</p>
          {/* Each task stays under the unit it was assigned to (docs/decisions/0028). */}
          <p className="borders-note">{t('borders.tasksRecorded')}</p>
          {report.data.byAgency.length === 0 ? (
            <p className="empty">{t('monthlyReport.empty')}</p>
          ) : (
            <MonthlyTable rows={report.data.byAgency} totals={report.data.totals} />
          )}
        </article>
      )}
    </section>
  );
}
