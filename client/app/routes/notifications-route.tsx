import { NotificationsPage } from '../../features/accountability/components/notifications-page';
import { DigestPreviewSection } from '../../features/mail/components/digest-preview-section';
import { LanguageSection } from '../../features/mail/components/language-section';
import { MailSettingsSection } from '../../features/mail/components/mail-settings-section';

/**
 * /notifications: the notification centre, and below it how the user wants notifications mailed (with
 * a preview of their next morning digest) and the account's language (of the interface and of those mails).
 */
export function NotificationsRoute() {
  return (
    <>
      <NotificationsPage />
      <MailSettingsSection />
      <DigestPreviewSection />
      <LanguageSection />
    </>
  );
}
