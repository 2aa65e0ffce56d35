import { describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n/i18n';
import {
  escalationSentence,
  escalationStepSentence,
  reportEscalationStepSentence,
} from './escalation-sentence';

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

  it('says a task is yellow because the early warning forecasts it late, and by how much', () => {
    const likely = {
      level: 'yellow' as const,
      rule: 'likely_late' as const,
      since: '2026-12-08',
      facts: {
        deadline: '2027-01-06',
        lateByDays: 31,
        expectedOn: '2027-02-06',
        method: 'own',
        basis: 2,
        minDaysLate: 7,
      },
      workingDaysOverdue: null,
    };
    expect(escalationSentence(likely, vi)).toBe(
      'Vàng từ 08/12/2026 vì dự báo trễ khoảng 31 ngày (dự kiến xong 06/02/2027, hạn 06/01/2027).',
    );
    expect(escalationSentence(likely, en)).toBe(
      'Yellow since 08/12/2026: forecast to be about 31 days late (likely done 06/02/2027, deadline 06/01/2027).',
    );
    // Not moving: no date to say.
    expect(
      escalationSentence({ ...likely, facts: { ...likely.facts, lateByDays: null, expectedOn: null } }, vi),
    ).toBe('Vàng từ 08/12/2026 vì dự báo trễ hạn 06/01/2027: tiến độ không tăng.');
    // A reader who may not see the task's progress gets the level and the deadline only.
    expect(escalationSentence({ ...likely, facts: { deadline: '2027-01-06' } }, vi)).toBe(
      'Vàng từ 08/12/2026 vì dự báo có thể trễ hạn 06/01/2027.',
    );
  });

  it('says an explanation was asked for a task at risk, and for a missed report, with the date and why', () => {
    const at = new Date('2026-12-09T17:05:00Z');
    expect(
      escalationStepSentence(
        { kind: 'at_risk', deadline: '2027-01-06', takenAt: at, facts: { lateByDays: 12 } },
        vi,
      ),
    ).toBe('Ngày 10/12/2026: hệ thống tự động yêu cầu giải trình vì dự báo nhiệm vụ trễ khoảng 12 ngày.');
    const report = {
      kind: 'explanation' as const,
      deadline: '2026-09-21',
      takenAt: at,
      facts: { deadline: '2026-09-21', workingDays: 5 },
    };
    expect(reportEscalationStepSentence(report, vi)).toBe(
      'Yêu cầu giải trình tự động ngày 10/12/2026 vì báo cáo chưa gửi 5 ngày làm việc sau hạn 21/09/2026.',
    );
    expect(reportEscalationStepSentence(report, en)).toBe(
      'Explanation requested automatically on 10/12/2026: the report was still not sent 5 working days after its deadline of 21/09/2026.',
    );
    expect(
      reportEscalationStepSentence(
        { ...report, kind: 'office', facts: { ...report.facts, workingDays: 10 } },
        vi,
      ),
    ).toBe(
      'Ngày 10/12/2026: đã báo Văn phòng Chính phủ vì báo cáo vẫn chưa gửi 10 ngày làm việc sau hạn 21/09/2026 và chưa có giải trình được chấp nhận.',
    );
  });
});
