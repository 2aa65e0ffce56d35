import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount } from '../../../lib/format';
import { useKpiOffTrack } from '../api/dashboard-queries';

/** The Office's signal on the Program's targets: how many KPIs are off track or at risk, one click from them. */
export function KpiOffTrack() {
  const { t, i18n } = useTranslation();
  const counts = useKpiOffTrack();
  if (!counts.data) return null;
  const language = i18n.language;
  const { offTrack, atRisk, total } = counts.data;
  return (
    <section className="overdue-reports" aria-labelledby="kpi-off-track-title">
      <h2 id="kpi-off-track-title">{t('dashboard.kpiTitle')}</h2>
      <ul>
        <li>
          <Link to="/kpis?status=off_track" className="overdue-reports__total">
            <span aria-hidden="true">✗ </span>
            {t('dashboard.kpiOffTrack', { count: offTrack, formatted: formatCount(offTrack, language) })}
          </Link>{' '}
          {t('dashboard.kpiOfTotal', { total: formatCount(total, language) })}
        </li>
        <li>
          <Link to="/kpis?status=at_risk">
            <span aria-hidden="true">! </span>
            {t('dashboard.kpiAtRisk', { count: atRisk, formatted: formatCount(atRisk, language) })}
          </Link>
        </li>
      </ul>
    </section>
  );
}
