import { describe, expect, it } from 'vitest';
import { type InboxItem, inboxTodos } from './inbox-todos';

const base = {
  id: 1,
  title: 'Xây dựng cơ sở dữ liệu',
  documentId: 1,
  documentNumber: '2629/QĐ-TTg',
  groupNo: 2,
  leadAgencyId: 10,
  leadNameVi: 'Bộ Tài chính',
  leadNameEn: 'Ministry of Finance',
  leadLevel: 'central',
  deadline: '2026-12-31',
  originalDeadline: '2026-12-31',
  completedOn: null,
  priority: 'normal',
  isKey: false,
  latestPercent: 20,
  lastLeadUpdateAt: new Date('2026-11-01T00:00:00Z'),
  status: 'in_progress',
  dueSoon: false,
  stale: false,
  extensionPending: false,
  completionState: null,
  version: 1,
} as unknown as InboxItem;

const officer = { role: 'officer' as const, agencyId: 10 };
const leader = { role: 'leader' as const, agencyId: 10 };

describe('inboxTodos', () => {
  it('asks the lead officer for an update when the task is stale, overdue or due soon', () => {
    expect(inboxTodos(base, officer)).toEqual(['update']);
    expect(inboxTodos({ ...base, stale: true }, officer)).toEqual(['needsUpdate']);
    expect(inboxTodos({ ...base, status: 'overdue' }, officer)).toEqual(['needsUpdate']);
  });

  it('tells who is waiting for a completion report', () => {
    expect(inboxTodos({ ...base, completionState: 'awaiting_leader' }, officer)).toEqual(['awaitingLeader']);
    expect(inboxTodos({ ...base, completionState: 'awaiting_leader' }, leader)).toEqual(['approveNow']);
    expect(inboxTodos({ ...base, completionState: 'awaiting_office' }, leader)).toEqual(['awaitingOffice']);
  });

  it('shows a pending extension and invites coordinating agencies to contribute', () => {
    expect(inboxTodos({ ...base, extensionPending: true }, { role: 'officer', agencyId: 99 })).toEqual([
      'contribute',
      'extensionPending',
    ]);
  });

  it('has nothing to do on a finished task', () => {
    expect(inboxTodos({ ...base, status: 'completed_on_time' }, officer)).toEqual([]);
  });
});
