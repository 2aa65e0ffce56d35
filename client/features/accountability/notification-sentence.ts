import type { TFunction } from 'i18next';
import { isCalendarDate } from '../../../shared/calendar-date';
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
} as const;

/** A notification about a periodic report (its params name the template and period, not a task). */
export function isReportNotification(params: Record<string, unknown>): boolean {
  return params.subject === 'report';
}

/**
 * Where a notification leads: its task, or the compliance page opened on the report's cell; null when
 * it names neither.
 */
export function notificationHref(item: { taskId: number | null; params: Record<string, unknown> }) {
  if (item.taskId) return `/tasks/${item.taskId}`;
  const { templateId, agencyId, periodKey } = item.params;
  if (!isReportNotification(item.params) || !templateId || !agencyId || !periodKey) return null;
  const query = new URLSearchParams({
    templateId: String(templateId),
    agencyId: String(agencyId),
    periodKey: String(periodKey),
  });
  return `/reports/compliance?${query}`;
}

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
  };
  const sentence = Object.hasOwn(SENTENCES, kind) ? SENTENCES[kind as keyof typeof SENTENCES] : 'other';
  return report
    ? t(`notificationCentre.reportSentences.${sentence}`, values)
    : t(`notificationCentre.sentences.${sentence}`, values);
}
