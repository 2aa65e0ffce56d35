import { NotificationsPage } from '../../features/accountability/components/notifications-page';
import { MailSettingsSection } from '../../features/mail/components/mail-settings-section';

/** /notifications: the notification centre, and below it how the user wants notifications mailed. */
export function NotificationsRoute() {
  return (
    <>
      <NotificationsPage />
      <MailSettingsSection />
    </>
  );
}
