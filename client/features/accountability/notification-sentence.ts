import type { TFunction } from 'i18next';
import { isCalendarDate } from '../../../shared/calendar-date';
import { formatDate } from '../../lib/format';

/** Each kind of notification the server writes (server/modules/accountability/notify.ts), and its sentence. */
const SENTENCES = {
  reminder: 'notificationCentre.sentences.reminder',
  'explanation.requested': 'notificationCentre.sentences.explanationRequested',
  'explanation.answered': 'notificationCentre.sentences.explanationAnswered',
  'explanation.approved': 'notificationCentre.sentences.explanationApproved',
  'explanation.sentBack': 'notificationCentre.sentences.explanationSentBack',
  'explanation.accepted': 'notificationCentre.sentences.explanationAccepted',
  'explanation.askedAgain': 'notificationCentre.sentences.explanationAskedAgain',
  'escalation.office': 'notificationCentre.sentences.escalationOffice',
} as const;

export interface NotificationContent {
  kind: string;
  params: Record<string, unknown>;
}

/**
 * A notification as a sentence in the reader's language, from its kind and params: the task's title,
 * the Office's message or comment, dates as dd/MM/yyyy. A kind this client does not know yet (a newer
 * server) still says which task it is about.
 */
export function notificationSentence({ kind, params }: NotificationContent, t: TFunction): string {
  const text = (name: string) => {
    const value = params[name];
    return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  };
  const date = (name: string) => {
    const value = text(name);
    return isCalendarDate(value) ? formatDate(value) : value;
  };
  const values = {
    title: text('title'),
    message: text('message'),
    comment: text('comment'),
    dueDate: date('dueDate'),
    committedDate: date('committedDate'),
    workingDays: text('workingDays'),
  };
  const key = Object.hasOwn(SENTENCES, kind)
    ? SENTENCES[kind as keyof typeof SENTENCES]
    : 'notificationCentre.sentences.other';
  return t(key, values);
}
