import type { Language } from '../../../shared/languages';
import { isReportNotification, notificationHref } from '../../../shared/notification-links';
import { periodName } from '../../../shared/period-names';
import { formatVietnameseDate } from '../../../shared/vietnam-date';

/**
 * What the mails say. The in-app centre's sentences are the client's (client/lib/i18n); a mail leaves
 * the browser, so the server writes its own, in the recipient account's language (`users.language`,
 * docs/decisions/0027): every sentence below exists in both, the logic once, the links the same.
 */
export type MailLang = Language;

type Params = Record<string, unknown>;
const SENTENCES: Record<MailLang, Record<string, (p: Record<string, string>) => string>> = {
  vi: {
    reminder: (p) => `Văn phòng Chính phủ đôn đốc thực hiện nhiệm vụ “${p.title}”: ${p.message}`,
    'explanation.requested': (p) =>
      `Văn phòng Chính phủ yêu cầu giải trình về nhiệm vụ “${p.title}”, hạn giải trình ${p.dueDate}.`,
    'explanation.answered': (p) =>
      `Chuyên viên đã gửi giải trình về nhiệm vụ “${p.title}”, cam kết hoàn thành ngày ${p.committedDate}; chờ lãnh đạo cơ quan duyệt.`,
    'explanation.approved': (p) =>
      `Lãnh đạo cơ quan chủ trì đã duyệt giải trình về nhiệm vụ “${p.title}”; chờ Văn phòng Chính phủ xem xét.`,
    'explanation.sentBack': (p) =>
      `Lãnh đạo cơ quan trả lại giải trình về nhiệm vụ “${p.title}”: ${p.comment}`,
    'explanation.accepted': (p) => `Văn phòng Chính phủ đã chấp nhận giải trình về nhiệm vụ “${p.title}”.`,
    'explanation.askedAgain': (p) =>
      `Văn phòng Chính phủ yêu cầu giải trình lại về nhiệm vụ “${p.title}”, hạn giải trình ${p.dueDate}: ${p.comment}`,
    'escalation.office': (p) =>
      `Nhiệm vụ “${p.title}” do ${p.agencyVi} chủ trì đã quá hạn ${p.workingDays} ngày làm việc (hạn ${p.dueDate}) dù đã yêu cầu giải trình.`,
    other: (p) => `Có cập nhật về nhiệm vụ “${p.title}”.`,
  },
  en: {
    reminder: (p) => `The Government Office reminds you of the task “${p.title}”: ${p.message}`,
    'explanation.requested': (p) =>
      `The Government Office asks for an explanation of the task “${p.title}”, due ${p.dueDate}.`,
    'explanation.answered': (p) =>
      `An officer has explained the task “${p.title}”, committing to complete it by ${p.committedDate}; awaiting the agency leader’s approval.`,
    'explanation.approved': (p) =>
      `The lead agency’s leader has approved the explanation of the task “${p.title}”; awaiting the Government Office’s review.`,
    'explanation.sentBack': (p) =>
      `The agency leader sent back the explanation of the task “${p.title}”: ${p.comment}`,
    'explanation.accepted': (p) =>
      `The Government Office has accepted the explanation of the task “${p.title}”.`,
    'explanation.askedAgain': (p) =>
      `The Government Office asks for a new explanation of the task “${p.title}”, due ${p.dueDate}: ${p.comment}`,
    'escalation.office': (p) =>
      `The task “${p.title}” led by ${p.agencyEn} is ${p.workingDays} working days overdue (deadline ${p.dueDate}) although an explanation was asked.`,
    other: (p) => `There is an update on the task “${p.title}”.`,
  },
};

/** A periodic report's notifications (params.subject 'report': `title` is the template and period). */
const REPORT_SENTENCES: Record<MailLang, Record<string, (p: Record<string, string>) => string>> = {
  vi: {
    reminder: (p) => `Văn phòng Chính phủ đôn đốc gửi báo cáo “${p.title}”: ${p.message}`,
    'explanation.requested': (p) =>
      `Văn phòng Chính phủ yêu cầu giải trình về báo cáo “${p.title}” chậm hoặc chưa gửi, hạn giải trình ${p.dueDate}.`,
    'explanation.answered': (p) =>
      `Chuyên viên đã gửi giải trình về báo cáo “${p.title}”, cam kết gửi ngày ${p.committedDate}; chờ lãnh đạo cơ quan duyệt.`,
    'explanation.approved': (p) =>
      `Lãnh đạo cơ quan đã duyệt giải trình về báo cáo “${p.title}”; chờ Văn phòng Chính phủ xem xét.`,
    'explanation.sentBack': (p) =>
      `Lãnh đạo cơ quan trả lại giải trình về báo cáo “${p.title}”: ${p.comment}`,
    'explanation.accepted': (p) => `Văn phòng Chính phủ đã chấp nhận giải trình về báo cáo “${p.title}”.`,
    'explanation.askedAgain': (p) =>
      `Văn phòng Chính phủ yêu cầu giải trình lại về báo cáo “${p.title}”, hạn giải trình ${p.dueDate}: ${p.comment}`,
    'escalation.office': (p) =>
      `Báo cáo “${p.title}” của ${p.agencyVi} vẫn chưa gửi ${p.workingDays} ngày làm việc sau hạn ${p.dueDate} và chưa có giải trình được chấp nhận.`,
    other: (p) => `Có cập nhật về báo cáo “${p.title}”.`,
  },
  en: {
    reminder: (p) => `The Government Office reminds you to send the report “${p.title}”: ${p.message}`,
    'explanation.requested': (p) =>
      `The Government Office asks for an explanation of the late or missing report “${p.title}”, due ${p.dueDate}.`,
    'explanation.answered': (p) =>
      `An officer has explained the report “${p.title}”, committing to send it by ${p.committedDate}; awaiting the agency leader’s approval.`,
    'explanation.approved': (p) =>
      `The agency’s leader has approved the explanation of the report “${p.title}”; awaiting the Government Office’s review.`,
    'explanation.sentBack': (p) =>
      `The agency leader sent back the explanation of the report “${p.title}”: ${p.comment}`,
    'explanation.accepted': (p) =>
      `The Government Office has accepted the explanation of the report “${p.title}”.`,
    'explanation.askedAgain': (p) =>
      `The Government Office asks for a new explanation of the report “${p.title}”, due ${p.dueDate}: ${p.comment}`,
    'escalation.office': (p) =>
      `The report “${p.title}” of ${p.agencyEn} is still not sent ${p.workingDays} working days after its deadline of ${p.dueDate}, with no explanation accepted.`,
    other: (p) => `There is an update on the report “${p.title}”.`,
  },
};

const WORDS = {
  vi: {
    subjectPrefix: '[Giám sát Chính phủ số]',
    open: 'Xem trên hệ thống',
    settings: 'Bạn nhận thư này theo cài đặt thông báo của mình; thay đổi tại',
    digestSubject: (day: string) => `Tổng hợp ngày ${day}`,
    digestIntro: (name: string, day: string) => `Kính gửi ${name},\n\nTổng hợp công việc ngày ${day}:`,
    overdue: 'Nhiệm vụ quá hạn',
    dueSoon: 'Nhiệm vụ sắp đến hạn',
    awaiting: 'Chờ bạn xử lý',
    notifications: 'Thông báo mới',
    deadline: 'hạn',
    more: (n: number) => `… và ${n} mục khác`,
    awaitingKinds: {
      explanationAnswer: 'Giải trình cần trả lời',
      explanationLeader: 'Giải trình chờ lãnh đạo duyệt',
      explanationOffice: 'Giải trình chờ Văn phòng Chính phủ xem xét',
      completionLeader: 'Báo cáo hoàn thành chờ lãnh đạo duyệt',
      completionOffice: 'Báo cáo hoàn thành chờ Văn phòng Chính phủ chấp nhận',
      extension: 'Đề nghị gia hạn chờ quyết định',
    } as Record<string, string>,
  },
  en: {
    subjectPrefix: '[Digital Government Monitor]',
    open: 'Open in the system',
    settings: 'You receive this mail by your notification settings; change them at',
    digestSubject: (day: string) => `Daily digest, ${day}`,
    digestIntro: (name: string, day: string) => `Dear ${name},\n\nYour work on ${day}:`,
    overdue: 'Overdue tasks',
    dueSoon: 'Tasks due soon',
    awaiting: 'Awaiting your decision',
    notifications: 'New notifications',
    deadline: 'due',
    more: (n: number) => `… and ${n} more`,
    awaitingKinds: {
      explanationAnswer: 'Explanations to answer',
      explanationLeader: 'Explanations awaiting the leader’s approval',
      explanationOffice: 'Explanations awaiting the Government Office’s review',
      completionLeader: 'Completion reports awaiting the leader’s approval',
      completionOffice: 'Completion reports awaiting the Government Office’s acceptance',
      extension: 'Extension requests awaiting a decision',
    } as Record<string, string>,
  },
};

/** Params as the sentence shows them: text trimmed, calendar dates as dd/MM/yyyy. */
function shown(params: Params): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
    out[key] = /^\d{4}-\d{2}-\d{2}$/.test(text) ? formatVietnameseDate(text) : text;
  }
  return out;
}

export function notificationSentence(kind: string, params: Params, lang: MailLang): string {
  const report = isReportNotification(params);
  const sentences = (report ? REPORT_SENTENCES : SENTENCES)[lang];
  const write = sentences[kind] ?? sentences.other;
  const values = shown(params);
  // A report is named by its template in the reader's language and its period ("Quý IV/2026").
  if (report)
    values.title = `${values[lang === 'en' ? 'titleEn' : 'titleVi'] || values.title} – ${periodName(String(params.periodKey ?? ''), lang)}`;
  return (write ?? (() => ''))(values);
}

/** Where a notification leads: its task's page. */
export function taskUrl(baseUrl: string, taskId: number): string {
  return `${baseUrl}/tasks/${taskId}`;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function shortSubject(sentence: string): string {
  return sentence.length > 140 ? `${sentence.slice(0, 139)}…` : sentence;
}

function footer(baseUrl: string, lang: MailLang) {
  const url = `${baseUrl}/notifications`;
  return {
    text: `\n\n--\n${WORDS[lang].settings} ${url}`,
    html: `<hr><p style="color:#555;font-size:12px">${escapeHtml(WORDS[lang].settings)} <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
  };
}

/** One notification, mailed as it happens. */
export function renderNotificationMail(
  note: { kind: string; params: Params; taskId: number | null },
  options: { baseUrl: string; lang: MailLang },
): RenderedMail {
  const { baseUrl, lang } = options;
  const sentence = notificationSentence(note.kind, note.params, lang);
  const url = `${baseUrl}${notificationHref(note) ?? '/notifications'}`;
  const end = footer(baseUrl, lang);
  return {
    subject: `${WORDS[lang].subjectPrefix} ${shortSubject(sentence)}`,
    text: `${sentence}\n\n${WORDS[lang].open}: ${url}${end.text}`,
    html: `<p>${escapeHtml(sentence)}</p><p><a href="${escapeHtml(url)}">${escapeHtml(WORDS[lang].open)}</a></p>${end.html}`,
  };
}

export interface DigestItem {
  label: string;
  url: string;
}
export interface DigestSection {
  key: 'overdue' | 'dueSoon' | 'awaiting' | 'notifications';
  /** The awaiting kind (awaiting sections only). */
  awaitingKind?: string;
  items: DigestItem[];
  /** How many there are in all (the items are the first of them). */
  total: number;
}

/** The day's digest: what is overdue, due soon, awaiting the user, and the notifications gathered. */
export function renderDigestMail(
  digest: { name: string; day: string; sections: readonly DigestSection[] },
  options: { baseUrl: string; lang: MailLang },
): RenderedMail {
  const { baseUrl, lang } = options;
  const w = WORDS[lang];
  const day = formatVietnameseDate(digest.day);
  const text: string[] = [w.digestIntro(digest.name, day)];
  const html: string[] = [`<p>${escapeHtml(w.digestIntro(digest.name, day)).replace(/\n/g, '<br>')}</p>`];
  for (const section of digest.sections) {
    const heading =
      section.key === 'awaiting'
        ? (w.awaitingKinds[section.awaitingKind ?? ''] ?? w.awaiting)
        : w[section.key];
    text.push('', `${heading} (${section.total}):`);
    html.push(`<h3>${escapeHtml(heading)} (${section.total})</h3><ul>`);
    for (const item of section.items) {
      text.push(`- ${item.label}\n  ${item.url}`);
      html.push(`<li><a href="${escapeHtml(item.url)}">${escapeHtml(item.label)}</a></li>`);
    }
    if (section.total > section.items.length) {
      text.push(`  ${w.more(section.total - section.items.length)}`);
      html.push(`<li>${escapeHtml(w.more(section.total - section.items.length))}</li>`);
    }
    html.push('</ul>');
  }
  const end = footer(baseUrl, lang);
  return {
    subject: `${w.subjectPrefix} ${w.digestSubject(day)}`,
    text: `${text.join('\n')}${end.text}`,
    html: `${html.join('')}${end.html}`,
  };
}

export function deadlineLabel(title: string, deadline: string | null, lang: MailLang): string {
  return deadline ? `${title} (${WORDS[lang].deadline} ${formatVietnameseDate(deadline)})` : title;
}
