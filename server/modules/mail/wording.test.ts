import { describe, expect, it } from 'vitest';
import { renderNotificationMail } from './wording';

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
