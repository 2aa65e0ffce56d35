import { NotificationsPage } from '../../features/accountability/components/notifications-page';
import { LanguageSection } from '../../features/mail/components/language-section';
import { MailSettingsSection } from '../../features/mail/components/mail-settings-section';

/**
 * /notifications: the notification centre, and below it how the user wants notifications mailed and
 * the account's language (of the interface and of those mails).
 */
export function NotificationsRoute() {
  return (
    <>
      <NotificationsPage />
      <MailSettingsSection />
      <LanguageSection />
    </>
  );
}
