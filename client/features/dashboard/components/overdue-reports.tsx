import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount } from '../../../lib/format';
import { useOverdueReports } from '../api/dashboard-queries';

/** The Office's reminder: periodic reports whose deadline passed without a submission. */
export function OverdueReports() {
  const { t, i18n } = useTranslation();
  const overdue = useOverdueReports();
  if (!overdue.data) return null;
  const en = i18n.language === 'en';
  return (
    <section className="overdue-reports" aria-labelledby="overdue-reports-title">
      <h2 id="overdue-reports-title">{t('dashboard.overdueReportsTitle')}</h2>
      <p>
        <Link to="/reports/compliance" className="overdue-reports__total">
          {t('dashboard.overdueReports', {
            count: overdue.data.total,
            formatted: formatCount(overdue.data.total, i18n.language),
          })}
        </Link>
      </p>
      <ul>
        {overdue.data.perTemplate.map((template) => (
          <li key={template.id}>
            {en ? template.nameEn : template.nameVi}: {formatCount(template.missing, i18n.language)}
          </li>
        ))}
      </ul>
    </section>
  );
}
