import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { formatCount } from '../../../lib/format';
import { useNotifications } from '../../../lib/use-notifications';

/** Above this the badge says "99+" (its name still says the exact count): it stays the size of a badge. */
const MAX_SHOWN = 99;

/**
 * The header's way to the notification centre, on every page and at every width, with the unread count
 * in words in its name ("Thông báo, 3 chưa đọc"): the count follows the live stream, which refreshes
 * the notifications query when a reminder or an explanation step notifies someone.
 */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const unread = useNotifications().data?.unread ?? 0;
  return (
    <NavLink
      to="/notifications"
      className="notification-bell"
      title={t('shell.notifications')}
      aria-label={unread > 0 ? t('shell.notificationsUnread', { count: unread }) : t('shell.notifications')}
      data-testid="notification-bell"
    >
      {/* A bell drawn in the text colour, so it follows forced-colours mode. */}
      <svg className="notification-bell__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
        />
      </svg>
      <span className="notification-bell__label">{t('shell.notifications')}</span>
      {unread > 0 && (
        <span className="notification-bell__count" aria-hidden="true">
          {unread > MAX_SHOWN
            ? `${formatCount(MAX_SHOWN, i18n.language)}+`
            : formatCount(unread, i18n.language)}
        </span>
      )}
    </NavLink>
  );
}
