import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from '../accountability/notify';
import { deadlineLabel, notificationSentence, renderDigestMail, renderNotificationMail } from './wording';

/** A mail about a periodic report names the report and its period, and leads to its compliance cell. */
describe('the mail of a report notification', () => {
  const report = {
    subject: 'report',
    templateId: 4,
    agencyId: 12,
    periodKey: '2026-Q3',
    titleVi: 'Báo cáo tình hình thực hiện Chương trình',
    titleEn: 'Report on implementing the Program',
    title: 'Báo cáo tình hình thực hiện Chương trình',
  };

  it('says which report and period, in Vietnamese, with a link to the report’s cell', () => {
    const mail = renderNotificationMail(
      { kind: 'explanation.requested', params: { ...report, dueDate: '2026-12-14' }, taskId: null },
      { baseUrl: 'https://giamsat.example', lang: 'vi' },
    );
    expect(mail.text).toContain(
      'Văn phòng Chính phủ yêu cầu giải trình về báo cáo “Báo cáo tình hình thực hiện Chương trình – Quý III/2026” chậm hoặc chưa gửi, hạn giải trình 14/12/2026.',
    );
    expect(mail.text).toContain(
      'https://giamsat.example/reports/compliance?templateId=4&agencyId=12&periodKey=2026-Q3',
    );
    expect(mail.subject).not.toContain('nhiệm vụ');
  });

  it('keeps a task’s mail about the task, with the task’s link', () => {
    const mail = renderNotificationMail(
      { kind: 'reminder', params: { title: 'Nhiệm vụ A', message: 'Khẩn trương' }, taskId: 31 },
      { baseUrl: 'https://giamsat.example', lang: 'vi' },
    );
    expect(mail.text).toContain('đôn đốc thực hiện nhiệm vụ “Nhiệm vụ A”: Khẩn trương');
    expect(mail.text).toContain('https://giamsat.example/tasks/31');
  });
});

/** Every sentence of the mails exists in both languages (docs/decisions/0027), written by the same code. */
describe('the mails in English', () => {
  const VIETNAMESE = /[ăâđêôơưàáạảãấầẩẫậắằẳẵặèéẹẻẽếềểễệìíịỉĩòóọỏõốồổỗộớờởỡợùúụủũứừửữựỳýỵỷỹ]/i;
  const params = {
    title: 'Task A',
    message: 'Hurry',
    comment: 'Why',
    dueDate: '2026-12-14',
    committedDate: '2026-12-20',
    workingDays: 3,
    agencyVi: 'Bo Y te',
    agencyEn: 'Ministry of Health',
  };
  const report = {
    subject: 'report',
    templateId: 4,
    agencyId: 12,
    periodKey: '2026-Q3',
    titleVi: 'Bao cao',
    titleEn: 'Report',
  };
  const options = { baseUrl: 'https://giamsat.example', lang: 'en' as const };

  it.each([...NOTIFICATION_KINDS, 'unknown.kind'])(
    'writes %s in English, for a task and for a report',
    (kind) => {
      for (const note of [
        { kind, params, taskId: 31 },
        { kind, params: { ...params, ...report }, taskId: null },
      ]) {
        const english = renderNotificationMail(note, options);
        const vietnamese = renderNotificationMail(note, { ...options, lang: 'vi' });
        expect(`${english.subject}\n${english.text}\n${english.html}`).not.toMatch(VIETNAMESE);
        expect(english.subject).toMatch(/^\[Digital Government Monitor\] /);
        expect(vietnamese.subject).toMatch(/^\[Giám sát Chính phủ số\] /);
        // The same link in both languages.
        const link = (text: string) => text.match(/https:\/\/\S+/)?.[0];
        expect(link(english.text)).toBe(link(vietnamese.text));
        expect(notificationSentence(kind, note.params, 'en')).not.toBe(
          notificationSentence(kind, note.params, 'vi'),
        );
      }
    },
  );

  it('writes every section of the digest in English', () => {
    const keys = ['overdue', 'dueSoon', 'notifications'] as const;
    const awaiting = [
      'explanationAnswer',
      'explanationLeader',
      'explanationOffice',
      'completionLeader',
      'completionOffice',
      'extension',
    ];
    const item = {
      label: deadlineLabel('Task A', '2026-12-14', 'en'),
      url: 'https://giamsat.example/tasks/31',
    };
    const mail = renderDigestMail(
      {
        name: 'Tran Thu',
        day: '2026-12-07',
        sections: [
          ...keys.map((key) => ({ key, items: [item], total: 12 })),
          ...awaiting.map((awaitingKind) => ({
            key: 'awaiting' as const,
            awaitingKind,
            items: [item],
            total: 1,
          })),
        ],
      },
      options,
    );
    expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toMatch(VIETNAMESE);
    expect(mail.subject).toBe('[Digital Government Monitor] Daily digest, 07/12/2026');
    expect(mail.text).toContain('Task A (due 14/12/2026)');
    expect(mail.text).toContain('… and 11 more');
    expect(mail.text).toContain('Explanations to answer (1):');
    expect(mail.text).toContain('Extension requests awaiting a decision (1):');
  });
});
