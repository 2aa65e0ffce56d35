import type { mailVi } from './mail.vi';

export const mailEn: typeof mailVi = {
  mail: {
    preview: {
      title: 'Preview of the daily digest',
      intro:
        'The digest sent at 7 a.m. gathers the notifications you chose to receive that way, overdue and upcoming tasks, and what awaits your decision. This is the mail as it would be written now; by the morning it may change.',
      show: 'Preview the digest',
      hide: 'Hide the preview',
      forDay: 'Digest of the morning of {{day}}.',
      noAddress: 'Your account has no e-mail address, so it will not be sent.',
      nothing: 'Nothing to tell yet: if it stays so, no digest will be sent.',
      mailLabel: 'The digest mail',
      subject: 'Subject:',
    },
    settingsTitle: 'Notifications by e-mail',
    settingsIntro:
      'Choose how each kind of notification reaches you: mailed at once, gathered into a daily digest at 7 a.m., or not mailed (it still shows in the notification centre).',
    noSmtp: 'The server has no mail server configured: mails are kept in the outbox for the administrator.',
    email: 'E-mail address',
    emailHint: 'Leave empty to receive no mail.',
    save: 'Save settings',
    saving: 'Saving…',
    saved: 'Mail settings saved.',
    defaultChoice: '(default)',
    deliveries: {
      immediate: 'At once',
      digest: 'Daily digest',
      off: 'No mail',
    },
    kinds: {
      summary: 'Overview of overdue work, work due soon and what awaits you',
      reminder: 'Reminders from the Government Office',
      'explanation.requested': 'Explanation requested',
      'explanation.answered': 'Explanation answered by the agency',
      'explanation.approved': 'Explanation approved by the leader',
      'explanation.sentBack': 'Explanation sent back',
      'explanation.accepted': 'Explanation accepted',
      'explanation.askedAgain': 'New explanation requested',
      'escalation.office': 'Tasks still overdue after an explanation was asked',
    },
    validation: {
      invalidEmail: 'The e-mail address is not valid.',
    },
    errors: {
      emailTaken:
        'This e-mail address belongs to another account. Enter your own address, or ask the administrator.',
    },
    languageTitle: 'Language',
    languageLegend: 'Language of the interface and of your mails',
    languageHint:
      'The interface is shown in this language whenever you sign in; your notification mails and daily digest are written in it too. The language switch at the top of the page changes this setting as well.',
    saveLanguage: 'Save the language',
    languageSaved: 'Language saved.',
    outboxTitle: 'Outbox',
    outboxIntro:
      'Every mail the system made, newest first. Without a mail server (SMTP_URL) mails are “Held” and can only be read here.',
    statusFilter: 'Status',
    allStatuses: 'All',
    statuses: {
      queued: 'Queued',
      sending: 'Sending',
      sent: 'Sent',
      failed: 'Failed',
      held: 'Held (no SMTP configured)',
    },
    mailKinds: {
      notification: 'Notification',
      digest: 'Digest',
    },
    columns: {
      createdAt: 'Created',
      recipient: 'Recipient',
      subject: 'Subject',
      status: 'Status',
      sentAt: 'Sent',
    },
    attempts: 'Attempts: {{count}}',
    lastError: 'Last error: {{error}}',
    showText: 'Show the text',
    empty: 'No mail yet.',
    total: '{{count}} mails',
  },
};
