import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TASK_STATUSES } from '../../../../shared/task-status';
import { formatCount } from '../../../lib/format';
import type { Dashboard } from '../api/dashboard-queries';

interface Card {
  key: string;
  label: string;
  value: number;
  to: string;
  tone?: string;
}

/** The headline counts, each a way into the list of those very tasks. */
export function StatusCards({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const cards: Card[] = [
    { key: 'total', label: t('dashboard.total'), value: dashboard.rates.total, to: '/tasks' },
    ...TASK_STATUSES.map((status) => ({
      key: status,
      label: t(`status.${status}`),
      value: dashboard.counts[status],
      to: `/tasks?status=${status}`,
      tone: status,
    })),
    {
      key: 'dueSoon',
      label: t('dashboard.dueSoon'),
      value: dashboard.dueSoon,
      to: '/tasks?dueSoon=1',
      tone: 'dueSoon',
    },
    {
      key: 'stale',
      label: t('dashboard.stale'),
      value: dashboard.stale,
      to: '/tasks?stale=1',
      tone: 'stale',
    },
  ];
  return (
    <section aria-label={t('dashboard.cardsLabel')}>
      <ul className="stat-cards">
        {cards.map((card) => (
          <li key={card.key} className={`stat-card${card.tone ? ` stat-card--${card.tone}` : ''}`}>
            <Link to={card.to} className="stat-card__link">
              <span className="stat-card__value">{formatCount(card.value, i18n.language)}</span>
              <span className="stat-card__label">{card.label}</span>
              <span className="visually-hidden"> — {t('dashboard.viewTasks')}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
