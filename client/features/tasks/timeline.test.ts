import { describe, expect, it } from 'vitest';
import { buildTimeline } from './timeline';

const at = (iso: string) => new Date(iso);

function progress(id: number, createdAt: string, kind: 'progress' | 'contribution' = 'progress') {
  return {
    id,
    kind,
    percent: 10 * id,
    narrative: `update ${id}`,
    evidenceUrl: null,
    evidenceFileId: null,
    evidenceFileName: null,
    authorName: 'Nguyễn Văn A',
    agencyNameVi: 'Bộ Tài chính',
    agencyNameEn: 'Ministry of Finance',
    createdAt: at(createdAt),
  };
}

const extension = {
  id: 1,
  reason: 'Chờ ý kiến các bộ',
  currentDeadline: '2026-06-30',
  requestedDeadline: '2026-09-30',
  state: 'approved' as const,
  requestedByName: 'Nguyễn Văn A',
  decidedByName: 'Trần Thị B',
  decidedAt: at('2026-05-10T03:00:00Z'),
  decisionComment: null,
  createdAt: at('2026-05-02T03:00:00Z'),
  version: 2,
};

const completion = {
  id: 4,
  result: 'Đã ban hành Quyết định',
  completionDate: '2026-09-20',
  evidenceUrl: null,
  state: 'returned_by_office' as const,
  reportedByName: 'Nguyễn Văn A',
  leaderName: 'Lê Văn C',
  leaderAt: at('2026-09-22T03:00:00Z'),
  leaderComment: null,
  reviewerName: 'Trần Thị B',
  reviewedAt: at('2026-09-25T03:00:00Z'),
  reviewComment: 'Thiếu minh chứng',
  createdAt: at('2026-09-21T03:00:00Z'),
  version: 3,
};

describe('buildTimeline', () => {
  it('merges progress, contributions, extensions and completions, newest first', () => {
    const entries = buildTimeline({
      progress: [progress(2, '2026-06-01T03:00:00Z', 'contribution'), progress(1, '2026-04-01T03:00:00Z')],
      extensions: [extension],
      completions: [completion],
    });
    expect(entries.map((e) => e.type)).toEqual([
      'completionOffice',
      'completionLeader',
      'completionReported',
      'progress',
      'extensionDecided',
      'extensionRequested',
      'progress',
    ]);
    const times = entries.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length);
  });

  it('shows a pending extension as a request only, and a fresh report without reviews', () => {
    const entries = buildTimeline({
      progress: [],
      extensions: [{ ...extension, state: 'pending', decidedAt: null, decidedByName: null }],
      completions: [{ ...completion, state: 'awaiting_leader', leaderAt: null, reviewedAt: null }],
    });
    expect(entries.map((e) => e.type)).toEqual(['completionReported', 'extensionRequested']);
  });

  it('puts a decision made in the same instant as its request above it', () => {
    const sameTime = at('2026-05-02T03:00:00Z');
    const entries = buildTimeline({
      progress: [],
      extensions: [{ ...extension, createdAt: sameTime, decidedAt: sameTime }],
      completions: [],
    });
    expect(entries.map((e) => e.type)).toEqual(['extensionDecided', 'extensionRequested']);
  });

  it('is empty when nothing happened', () => {
    expect(buildTimeline({ progress: [], extensions: [], completions: [] })).toEqual([]);
  });
});
