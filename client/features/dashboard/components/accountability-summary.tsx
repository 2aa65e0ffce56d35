import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount, formatDateTime } from '../../../lib/format';
import { useAccountabilitySummary } from '../api/dashboard-queries';

/**
 * What lateness has led to: overdue tasks nobody has yet answered for (no accepted explanation), the
 * explanation requests at each step, and the reminders sent. National, as of its own time.
 */
export function AccountabilitySummary() {
  const { t, i18n } = useTranslation();
  const summary = useAccountabilitySummary();
  if (!summary.data) return null;
  const s = summary.data;
  const n = (value: number) => formatCount(value, i18n.language);
  return (
    <section className="overdue-reports" aria-labelledby="accountability-title">
      <h2 id="accountability-title">{t('dashboard.accountabilityTitle')}</h2>
      <p>
        <Link to="/tasks?status=overdue" className="overdue-reports__total">
          {t('dashboard.overdueUnexplained', {
            count: s.overdueUnexplained,
            formatted: n(s.overdueUnexplained),
            overdue: n(s.overdue),
            agencies: n(s.overdueAgencies),
          })}
        </Link>
      </p>
      <ul>
        <li>
          {t('dashboard.explanationsAwaitingAnswer', {
            value: n(s.explanations.awaitingAnswer),
            late: n(s.explanations.late),
          })}
        </li>
        <li>{t('dashboard.explanationsAwaitingLeader', { value: n(s.explanations.awaitingLeader) })}</li>
        <li>{t('dashboard.explanationsAwaitingOffice', { value: n(s.explanations.awaitingOffice) })}</li>
        <li>{t('dashboard.explanationsAccepted', { value: n(s.explanations.accepted) })}</li>
        <li>{t('dashboard.remindersLast30Days', { value: n(s.remindersLast30Days) })}</li>
      </ul>
      <p className="hint">{t('dashboard.taskFiguresNote')}</p>
      <p>
        <Link to="/reports/compliance" className="overdue-reports__total">
          {t('dashboard.reportsUnexplained', {
            value: n(s.reports.unexplained),
            total: n(s.reports.lateOrMissing),
            agencies: n(s.reports.agencies),
          })}
        </Link>
      </p>
      <ul>
        <li>
          {t('dashboard.reportExplanations', {
            value: n(s.reports.explanationsOpen),
            late: n(s.reports.explanationsLate),
          })}
        </li>
        <li>{t('dashboard.reportReminders', { value: n(s.reports.remindersLast30Days) })}</li>
      </ul>
      <p className="dashboard__as-of">
        {t('dashboard.accountabilityAsOf', { time: formatDateTime(s.asOf) })}
      </p>
    </section>
  );
}
