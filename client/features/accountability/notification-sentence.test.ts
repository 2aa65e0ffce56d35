import { describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n/i18n';
import { notificationHref, notificationSentence } from './notification-sentence';

const TITLE = 'Xây dựng cơ sở dữ liệu quốc gia về cán bộ';
const say = (kind: string, params: Record<string, unknown>, language = 'vi') =>
  notificationSentence({ kind, params: { title: TITLE, ...params } }, i18n.getFixedT(language));

describe('a notification in words, from its kind and params', () => {
  it.each([
    [
      'reminder',
      { message: 'Đề nghị báo cáo tiến độ trước thứ Sáu.' },
      `Văn phòng Chính phủ đôn đốc thực hiện nhiệm vụ “${TITLE}”: Đề nghị báo cáo tiến độ trước thứ Sáu.`,
    ],
    [
      'explanation.requested',
      { dueDate: '2027-01-08' },
      `Văn phòng Chính phủ yêu cầu giải trình về nhiệm vụ “${TITLE}”, hạn giải trình 08/01/2027.`,
    ],
    [
      'explanation.answered',
      { committedDate: '2027-03-31' },
      `Chuyên viên đã gửi giải trình về nhiệm vụ “${TITLE}”, cam kết hoàn thành ngày 31/03/2027; chờ lãnh đạo cơ quan duyệt.`,
    ],
    [
      'explanation.approved',
      {},
      `Lãnh đạo cơ quan chủ trì đã duyệt giải trình về nhiệm vụ “${TITLE}”; chờ Văn phòng Chính phủ xem xét.`,
    ],
    [
      'explanation.sentBack',
      { comment: 'Nêu rõ nguyên nhân chậm.' },
      `Lãnh đạo cơ quan trả lại giải trình về nhiệm vụ “${TITLE}”: Nêu rõ nguyên nhân chậm.`,
    ],
    ['explanation.accepted', {}, `Văn phòng Chính phủ đã chấp nhận giải trình về nhiệm vụ “${TITLE}”.`],
    [
      'escalation.office',
      { dueDate: '2026-12-03', workingDays: 10 },
      `Nhiệm vụ “${TITLE}” đã quá hạn 10 ngày làm việc (hạn 03/12/2026) dù đã yêu cầu giải trình: báo lãnh đạo Văn phòng Chính phủ.`,
    ],
    [
      'explanation.askedAgain',
      { dueDate: '2027-02-15', comment: 'Chưa có lộ trình cụ thể.' },
      `Văn phòng Chính phủ yêu cầu giải trình lại về nhiệm vụ “${TITLE}”, hạn giải trình 15/02/2027: Chưa có lộ trình cụ thể.`,
    ],
  ])('%s', (kind, params, sentence) => {
    expect(say(kind, params)).toBe(sentence);
  });

  it('says it in English, dates still dd/MM/yyyy', () => {
    expect(say('explanation.requested', { dueDate: '2027-01-08' }, 'en')).toBe(
      `The Government Office asks for an explanation of the task “${TITLE}”, due 08/01/2027.`,
    );
  });

  it('names the task of a kind this client does not know yet, and takes no markup from the params', () => {
    expect(say('escalation.red', { level: 2 })).toBe(`Có cập nhật về nhiệm vụ “${TITLE}”.`);
    // i18next escaping is off for React (which escapes); a title stays the text it is.
    expect(
      notificationSentence(
        { kind: 'explanation.accepted', params: { title: 'A & B <C>' } },
        i18n.getFixedT('vi'),
      ),
    ).toBe('Văn phòng Chính phủ đã chấp nhận giải trình về nhiệm vụ “A & B <C>”.');
  });
});

describe('a notification about a periodic report', () => {
  const REPORT = {
    subject: 'report',
    templateId: 4,
    agencyId: 12,
    periodKey: '2026-Q3',
    titleVi: 'Báo cáo tình hình thực hiện Chương trình',
    titleEn: 'Report on implementing the Program',
    title: 'Báo cáo tình hình thực hiện Chương trình',
  };

  it('names the report and its period in the reader’s language, not a task', () => {
    expect(
      notificationSentence(
        { kind: 'explanation.requested', params: { ...REPORT, dueDate: '2026-12-14' } },
        i18n.getFixedT('vi'),
        'vi',
      ),
    ).toBe(
      'Văn phòng Chính phủ yêu cầu giải trình về báo cáo “Báo cáo tình hình thực hiện Chương trình – Quý III/2026” chậm hoặc chưa gửi, hạn giải trình 14/12/2026.',
    );
    expect(
      notificationSentence(
        { kind: 'reminder', params: { ...REPORT, message: 'Please send it.' } },
        i18n.getFixedT('en'),
        'en',
      ),
    ).toBe(
      'The Government Office reminds you to send the report “Report on implementing the Program – Q3 2026”: Please send it.',
    );
  });

  it('tells the Office of a report still missing after the rules asked, naming its agency', () => {
    const params = {
      ...REPORT,
      dueDate: '2026-09-21',
      workingDays: 10,
      agencyVi: 'Bộ Tài chính',
      agencyEn: 'Ministry of Finance',
    };
    expect(notificationSentence({ kind: 'escalation.office', params }, i18n.getFixedT('vi'), 'vi')).toBe(
      'Báo cáo “Báo cáo tình hình thực hiện Chương trình – Quý III/2026” của Bộ Tài chính vẫn chưa gửi 10 ngày làm việc sau hạn 21/09/2026 và chưa có giải trình được chấp nhận: báo lãnh đạo Văn phòng Chính phủ.',
    );
    expect(notificationSentence({ kind: 'escalation.office', params }, i18n.getFixedT('en'), 'en')).toContain(
      'of Ministry of Finance is still not sent 10 working days after its deadline of 21/09/2026',
    );
  });

  it('leads to the report’s cell on the compliance page, and a task’s to the task', () => {
    expect(notificationHref({ taskId: null, params: REPORT })).toBe(
      '/reports/compliance?templateId=4&agencyId=12&periodKey=2026-Q3',
    );
    expect(notificationHref({ taskId: 31, params: { title: TITLE } })).toBe('/tasks/31');
    expect(notificationHref({ taskId: null, params: { title: TITLE } })).toBeNull();
  });
});
