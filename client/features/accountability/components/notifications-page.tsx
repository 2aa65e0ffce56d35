import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFICATIONS_PAGE } from '../../../../shared/schemas/accountability';
import { ErrorState } from '../../../components/error-state';
import { Spinner } from '../../../components/spinner';
import { errorMessage } from '../../../lib/error-message';
import { useNotifications } from '../../../lib/use-notifications';
import { usePageTitle } from '../../../lib/use-page-title';
import { useMarkNotificationsRead } from '../api/accountability-queries';
import { NotificationItem } from './notification-item';
import './accountability.css';

/**
 * The notification centre: the newest notifications, unread ones marked, each leading to its task.
 * "Mark all as read" marks up to the newest shown (one arriving meanwhile stays unread); the focus then
 * goes to the count, as the button is gone.
 */
export function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notificationCentre.title'));
  const query = useNotifications();
  const markRead = useMarkNotificationsRead();
  const countRef = useRef<HTMLParagraphElement>(null);
  const markedAll = markRead.isSuccess && markRead.variables.upTo !== undefined;
  useEffect(() => {
    if (markedAll) countRef.current?.focus();
  }, [markedAll]);

  const data = query.data;
  const newest = data?.items[0];
  return (
    <section className="page notifications">
      <h1>{t('notificationCentre.title')}</h1>
      <p className="muted">{t('notificationCentre.intro')}</p>
      {query.isPending ? (
        <Spinner />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : data ? (
        <>
          <div className="notifications__bar">
            <p ref={countRef} role="status" tabIndex={-1}>
              {data.unread > 0
                ? t('notificationCentre.unread', { count: data.unread })
                : t('notificationCentre.allRead')}
            </p>
            {data.unread > 0 && newest && (
              <button
                type="button"
                className="button"
                disabled={markRead.isPending}
                onClick={() => markRead.mutate({ upTo: newest.id })}
              >
                {markRead.isPending ? t('notificationCentre.marking') : t('notificationCentre.markAllRead')}
              </button>
            )}
          </div>
          {markRead.isError && (
            <p className="form__alert" role="alert">
              {errorMessage(markRead.error, t)}
            </p>
          )}
          {data.items.length === 0 ? (
            <p className="empty">{t('notificationCentre.empty')}</p>
          ) : (
            <ol className="notification-list" aria-label={t('notificationCentre.listLabel')}>
              {data.items.map((item) => (
                <NotificationItem key={item.id} item={item} onOpen={(id) => markRead.mutate({ ids: [id] })} />
              ))}
            </ol>
          )}
          {data.items.length >= NOTIFICATIONS_PAGE && (
            <p className="muted">{t('notificationCentre.newest', { count: data.items.length })}</p>
          )}
        </>
      ) : null}
    </section>
  );
}
