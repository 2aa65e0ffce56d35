import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NotificationsPage } from '../../../../shared/schemas/accountability';
import { formatDateTime } from '../../../lib/format';
import { notificationHref, notificationSentence } from '../notification-sentence';

interface Props {
  item: NotificationsPage['items'][number];
  /** Opening an unread notification marks it read. */
  onOpen: (id: number) => void;
}

/** One notification: its sentence, leading to its task, when it came, and "unread" in words. */
export function NotificationItem({ item, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const unread = item.readAt === null;
  const sentence = notificationSentence(item, t, i18n.language);
  const href = notificationHref(item);
  return (
    <li className={unread ? 'notification notification--unread' : 'notification'}>
      {href ? (
        <Link
          to={href}
          className="notification__link"
          onClick={() => {
            if (unread) onOpen(item.id);
          }}
        >
          {sentence}
        </Link>
      ) : (
        <p>{sentence}</p>
      )}
      <p className="notification__meta">
        <time dateTime={item.createdAt.toISOString()}>{formatDateTime(item.createdAt)}</time>
        {unread && <span className="notification__tag">{t('notificationCentre.unreadTag')}</span>}
      </p>
    </li>
  );
}
