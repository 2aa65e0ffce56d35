import { describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n/i18n';
import { escalationSentence, escalationStepSentence } from './escalation-sentence';

const vi = i18n.getFixedT('vi');
const en = i18n.getFixedT('en');

describe('why a task is yellow or red, in words', () => {
  it('says since when a task is red and by how many working days it is overdue', () => {
    const red = {
      level: 'red' as const,
      since: '2026-12-03',
      facts: { deadline: '2026-12-02' },
      workingDaysOverdue: 5,
    };
    expect(escalationSentence(red, vi)).toBe('Đỏ từ 03/12/2026 vì quá hạn 5 ngày làm việc (hạn 02/12/2026).');
    expect(escalationSentence(red, en)).toBe(
      'Red since 03/12/2026: overdue by 5 working days (deadline 02/12/2026).',
    );
    expect(escalationSentence({ ...red, workingDaysOverdue: 1 }, en)).toContain('by 1 working day (');
    // Overdue since a weekend: no working day gone yet, the sentence does not say "0 working days".
    expect(escalationSentence({ ...red, workingDaysOverdue: 0 }, vi)).toBe(
      'Đỏ từ 03/12/2026 vì đã quá hạn 02/12/2026.',
    );
  });

  it('says what share of the time has gone and the progress for yellow, and nothing without a level', () => {
    const yellow = {
      level: 'yellow' as const,
      since: '2026-11-20',
      facts: {
        deadline: '2026-12-20',
        startedOn: '2026-10-21',
        percent: 20,
        elapsedPercent: 50,
        progressBelow: 50,
      },
      workingDaysOverdue: null,
    };
    expect(escalationSentence(yellow, vi)).toBe(
      'Vàng từ 20/11/2026 vì đã qua 50 % thời gian (giao ngày 21/10/2026, hạn 20/12/2026) mà tiến độ mới 20 %, dưới ngưỡng 50 %.',
    );
    expect(
      escalationSentence({ level: null, since: null, facts: {}, workingDaysOverdue: null }, vi),
    ).toBeNull();
  });

  it('says which steps the rules took', () => {
    const at = new Date('2026-12-09T17:05:00Z');
    expect(
      escalationStepSentence(
        { kind: 'explanation', deadline: '2026-12-02', takenAt: at, facts: { workingDays: 5 } },
        vi,
      ),
    ).toBe('Ngày 10/12/2026: hệ thống tự động yêu cầu giải trình (quá hạn 5 ngày làm việc).');
    expect(
      escalationStepSentence(
        { kind: 'office', deadline: '2026-12-02', takenAt: at, facts: { workingDays: 10 } },
        en,
      ),
    ).toBe('10/12/2026: the Government Office was told (10 working days overdue).');
  });
});
