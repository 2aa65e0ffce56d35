import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyReports } from '../api/task-queries';

/** The agency's periodic reports that are overdue or due within three days, on its inbox. */
export function ReportReminders() {
  const { t } = useTranslation();
  const mine = useMyReports();
  if (!mine.data) return null;
  const overdue = mine.data.filter((s) => s.overdue).length;
  const dueSoon = mine.data.filter((s) => s.dueSoon).length;
  if (overdue === 0 && dueSoon === 0) return null;
  return (
    <aside
      className={`report-reminders${overdue ? ' report-reminders--overdue' : ''}`}
      aria-label={t('inbox.reportReminders')}
    >
      {overdue > 0 && <p>{t('inbox.reportsOverdue', { count: overdue })}</p>}
      {dueSoon > 0 && <p>{t('inbox.reportsDueSoon', { count: dueSoon })}</p>}
      <Link to="/reports">{t('inbox.openReports')}</Link>
    </aside>
  );
}
