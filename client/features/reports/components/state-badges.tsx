import { useTranslation } from 'react-i18next';
import { periodName } from '../../../../shared/period-names';
import { formatDate } from '../../../lib/format';

export type SubmissionState = 'missing' | 'draft' | 'submitted' | 'approved' | 'accepted' | 'returned';

export function StateLabel({ state }: { state: SubmissionState }) {
  const { t } = useTranslation();
  return <span className={`report-state report-state--${state}`}>{t(`reports.states.${state}`)}</span>;
}

/** Overdue or due soon, in words as well as colour. */
export function DueBadges({ overdue, dueSoon }: { overdue: boolean; dueSoon: boolean }) {
  const { t } = useTranslation();
  if (overdue) return <span className="report-badge report-badge--overdue">⚠ {t('reports.overdue')}</span>;
  if (dueSoon) return <span className="report-badge report-badge--soon">{t('reports.dueSoon')}</span>;
  return null;
}

export function PeriodText({ periodKey, start, end }: { periodKey: string; start: string; end: string }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <span className="nowrap">{periodName(periodKey, i18n.language)}</span>{' '}
      <span className="hint nowrap">
        ({t('reports.periodRange', { start: formatDate(start), end: formatDate(end) })})
      </span>
    </>
  );
}
