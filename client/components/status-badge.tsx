import { useTranslation } from 'react-i18next';
import type { TaskStatus } from '../../shared/task-status';
import './status-badge.css';

interface StatusBadgeProps {
  status: TaskStatus;
  /** Also show "due soon" (orange) and "no update for 30 days" when the flags are set. */
  dueSoon?: boolean;
  stale?: boolean;
}

/**
 * A task's status as words and colour (overdue red, due soon orange, completed green). The words are
 * always there, so the colour is never the only signal (WCAG 1.4.1).
 */
export function StatusBadge({ status, dueSoon = false, stale = false }: StatusBadgeProps) {
  const { t } = useTranslation();
  if (!dueSoon && !stale) {
    return <span className={`status-badge status-badge--${status}`}>{t(`status.${status}`)}</span>;
  }
  return (
    <span className="status-badges">
      <span className={`status-badge status-badge--${status}`}>{t(`status.${status}`)}</span>
      {dueSoon && <span className="status-badge status-badge--dueSoon">{t('status.dueSoon')}</span>}
      {stale && <span className="status-badge status-badge--stale">{t('status.stale')}</span>}
    </span>
  );
}
