import { describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n/i18n';
import { forecastMethod, forecastSentence, type TaskForecast } from './forecast-sentence';

const made = (forecast: Partial<TaskForecast['forecast']>): TaskForecast => ({
  asOf: '2026-12-07',
  forecast: {
    method: 'own',
    expectedOn: '2027-02-10',
    lateByDays: 12,
    pacePerWeek: 3.5,
    basis: 6,
    flagged: true,
    ...forecast,
  },
});
const vi = i18n.getFixedT('vi');
const en = i18n.getFixedT('en');

describe('the early warning in words', () => {
  it('says how late, or that it is close, on time, not moving, or unknown', () => {
    expect(forecastSentence(vi, made({}))).toBe('Có thể trễ khoảng 12 ngày (dự kiến xong 10/02/2027)');
    expect(forecastSentence(en, made({}))).toBe('Likely late by about 12 days (expected 10/02/2027)');
    expect(forecastSentence(vi, made({ lateByDays: 3, flagged: false }))).toBe(
      'Dự kiến xong 10/02/2027, sát hạn',
    );
    expect(forecastSentence(vi, made({ lateByDays: -20, flagged: false }))).toBe(
      'Dự kiến xong 10/02/2027, kịp hạn',
    );
    expect(forecastSentence(vi, made({ expectedOn: null, lateByDays: null }))).toMatch(/^Tiến độ không tăng/);
    expect(forecastSentence(vi, made({ method: 'none', expectedOn: null, flagged: false }))).toBe(
      'Chưa đủ dữ liệu để dự báo',
    );
  });

  it("explains the method with its basis and pace, in the reader's number format", () => {
    expect(forecastMethod(vi, 'vi', made({}))).toContain('6 lần báo cáo của cơ quan chủ trì');
    expect(forecastMethod(vi, 'vi', made({}))).toContain('khoảng 3,5 điểm phần trăm mỗi tuần');
    expect(forecastMethod(en, 'en', made({ method: 'similar', basis: 40 }))).toContain(
      'median pace of 40 completed tasks of the same group is used: about 3.5 percentage points a week',
    );
  });
});
