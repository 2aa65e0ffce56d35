import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { Spinner } from '../../../components/spinner';
import { formatCount, formatDateTime } from '../../../lib/format';
import { useHomeSummary } from '../api/home-queries';
import { HOME_LINKS, URGENT_ITEMS } from '../home-links';
import './home.css';

/** What awaits the user, by role: each count a link to the list of those items. */
export function HomeSummary() {
  const { t, i18n } = useTranslation();
  const summary = useHomeSummary();
  return (
    <section aria-labelledby="home-awaiting-title" className="home-summary">
      <h2 id="home-awaiting-title">{t('home.awaitingTitle')}</h2>
      {summary.isPending ? (
        <Spinner />
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <>
          <ul className="home-summary__items">
            {summary.data.items.map(({ key, count }) => (
              <li
                key={key}
                className={`home-summary__item${count > 0 && URGENT_ITEMS.has(key) ? ' home-summary__item--urgent' : ''}`}
              >
                <Link to={HOME_LINKS[key]} data-home-item={key}>
                  <span className="home-summary__count">{formatCount(count, i18n.language)}</span>{' '}
                  <span className="home-summary__label">{t(`home.items.${key}`, { count })}</span>
                </Link>
              </li>
            ))}
          </ul>
          <p className="hint">{t('home.asOf', { time: formatDateTime(summary.data.asOf) })}</p>
        </>
      )}
    </section>
  );
}
