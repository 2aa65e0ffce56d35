import { useTranslation } from 'react-i18next';
import type { AgencyAccountability as Tally } from '../../../../shared/schemas/accountability';
import { ErrorState } from '../../../components/error-state';
import { ScrollRegion } from '../../../components/scroll-region';
import { Spinner } from '../../../components/spinner';
import { formatCount, formatDate } from '../../../lib/format';
import { useAgencyAccountability } from '../api/accountability-queries';

/**
 * On an agency's scorecard: the reminders it received and the explanations asked of it, for its tasks
 * and its periodic reports, a row each (with the numbers, not only a chart).
 */
export function AgencyAccountability({ agencyId }: { agencyId: number }) {
  const { t, i18n } = useTranslation();
  const query = useAgencyAccountability(agencyId);
  const n = (value: number) => formatCount(value, i18n.language);
  const row = (label: string, tally: Tally['tasks']) => (
    <tr>
      <th scope="row">{label}</th>
      <td className="numeric">{n(tally.reminders)}</td>
      <td>{tally.lastReminderAt ? formatDate(tally.lastReminderAt) : '—'}</td>
      <td className="numeric">{n(tally.explanationsOpen)}</td>
      <td className="numeric">{n(tally.explanationsLate)}</td>
      <td className="numeric">{n(tally.explanationsAccepted)}</td>
    </tr>
  );
  return (
    <section aria-labelledby="agency-accountability-title">
      <h2 id="agency-accountability-title">{t('accountability.agencyTitle')}</h2>
      {query.isPending ? (
        <Spinner />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        // Six columns do not fit a phone: the table scrolls in its own frame, never the page.
        <ScrollRegion labelledBy="agency-accountability-caption">
          <table className="data-table">
            <caption id="agency-accountability-caption">{t('accountability.agencyCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accountability.agencySubject')}</th>
                <th scope="col">{t('accountability.agencyReminders')}</th>
                <th scope="col">{t('accountability.agencyLastReminder')}</th>
                <th scope="col">{t('accountability.agencyOpen')}</th>
                <th scope="col">{t('accountability.agencyLate')}</th>
                <th scope="col">{t('accountability.agencyAccepted')}</th>
              </tr>
            </thead>
            <tbody>
              {row(t('accountability.agencyTasks'), query.data.tasks)}
              {row(t('accountability.agencyReports'), query.data.reports)}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
