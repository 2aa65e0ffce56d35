import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../lib/format';
import type { Messages } from '../lib/i18n/vi';
import { useLive } from '../lib/live/live-provider';

type LiveTypeKey = keyof Messages['live']['types'];
type LiveStateKey = keyof Messages['live']['states'];

/** The latest changes as they happen, from the page's live stream (newest first). */
export function ActivityFeed() {
  const { t, i18n } = useTranslation();
  const { feed } = useLive();
  const en = i18n.language === 'en';
  return (
    <section className="activity-feed" aria-labelledby="activity-feed-title">
      <h2 id="activity-feed-title">{t('live.feedTitle')}</h2>
      {/* The live region is there from the first render (empty of changes), so the first change is announced. */}
      <div
        className="activity-feed__body"
        role="log"
        aria-live="polite"
        aria-labelledby="activity-feed-title"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a feed taller than its box must be scrollable from the keyboard (WCAG 2.1.1)
        tabIndex={0}
        data-testid="activity-feed"
      >
        {feed.length === 0 ? (
          <p className="muted">{t('live.feedEmpty')}</p>
        ) : (
          <ol className="activity-feed__list">
            {feed.map((change) => {
              const agency = en ? change.payload.agencyNameEn : change.payload.agencyNameVi;
              return (
                <li key={change.id}>
                  <time dateTime={new Date(change.at).toISOString()}>{formatDateTime(change.at)}</time>{' '}
                  {agency && <strong>{agency}: </strong>}
                  {t(`live.types.${change.type.replace('.', '_') as LiveTypeKey}`, {
                    percent: change.payload.percent ?? 0,
                    state: change.payload.state
                      ? t(`live.states.${change.payload.state as LiveStateKey}`)
                      : '',
                  })}
                  {change.payload.taskId && change.payload.title && (
                    <>
                      {' — '}
                      <Link to={`/tasks/${change.payload.taskId}`}>{change.payload.title}</Link>
                    </>
                  )}
                  {!change.payload.taskId && change.payload.documentId && change.payload.title && (
                    <>
                      {' — '}
                      <Link to={`/documents/${change.payload.documentId}`}>{change.payload.title}</Link>
                    </>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </section>
  );
}
