import type { TFunction } from 'i18next';
import { isCalendarDate } from '../../../shared/calendar-date';
import { isReportNotification } from '../../../shared/notification-links';
import { periodName } from '../../../shared/period-names';
import { formatDate } from '../../lib/format';

/** Each kind of notification the server writes (server/modules/accountability/notify.ts), and its sentence. */
const SENTENCES = {
  reminder: 'reminder',
  'explanation.requested': 'explanationRequested',
  'explanation.answered': 'explanationAnswered',
  'explanation.approved': 'explanationApproved',
  'explanation.sentBack': 'explanationSentBack',
  'explanation.accepted': 'explanationAccepted',
  'explanation.askedAgain': 'explanationAskedAgain',
  'escalation.office': 'escalationOffice',
} as const;

export { isReportNotification, notificationHref } from '../../../shared/notification-links';

export interface NotificationContent {
  kind: string;
  params: Record<string, unknown>;
}

/**
 * A notification as a sentence in the reader's language, from its kind and params: the task's title,
 * the Office's message or comment, dates as dd/MM/yyyy. A kind this client does not know yet (a newer
 * server) still says which task it is about.
 */
export function notificationSentence(
  { kind, params }: NotificationContent,
  t: TFunction,
  language = 'vi',
): string {
  const text = (name: string) => {
    const value = params[name];
    return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  };
  const date = (name: string) => {
    const value = text(name);
    return isCalendarDate(value) ? formatDate(value) : value;
  };
  const report = isReportNotification(params);
  const values = {
    // A report is named by its template in the reader's language and its period ("Quý IV/2026").
    title: report
      ? `${text(language === 'en' ? 'titleEn' : 'titleVi') || text('title')} – ${periodName(text('periodKey'), language)}`
      : text('title'),
    message: text('message'),
    comment: text('comment'),
    dueDate: date('dueDate'),
    committedDate: date('committedDate'),
    workingDays: text('workingDays'),
    agency: text(language === 'en' ? 'agencyEn' : 'agencyVi'),
  };
  const sentence = Object.hasOwn(SENTENCES, kind) ? SENTENCES[kind as keyof typeof SENTENCES] : 'other';
  if (report) return t(`notificationCentre.reportSentences.${sentence}`, values);
  return t(`notificationCentre.sentences.${sentence}`, values);
}
