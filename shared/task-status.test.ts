import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptsProgress,
  COMPLETION_STATES,
  completionRates,
  daysBetween,
  deriveTaskStatus,
  isCompletionPending,
  isTaskOpen,
  type TaskDates,
} from './task-status';

/** An instant given as Vietnam local time (UTC+7, no daylight saving). */
const vn = (local: string) => new Date(`${local}+07:00`);
const base: TaskDates = {
  deadline: '2026-06-30',
  originalDeadline: '2026-06-30',
  completedOn: null,
  withdrawn: false,
  lastLeadUpdateAt: vn('2026-06-20T09:00:00'),
  createdAt: vn('2026-01-05T09:00:00'),
};

describe('deriveTaskStatus: the categories', () => {
  it.each([
    [
      'completed on the deadline day is on time',
      { completedOn: '2026-06-30' },
      '2026-07-10T10:00:00',
      'completed_on_time',
    ],
    [
      'completed before the deadline is on time',
      { completedOn: '2026-05-02' },
      '2026-05-03T10:00:00',
      'completed_on_time',
    ],
    [
      'completed a day after the deadline is late',
      { completedOn: '2026-07-01' },
      '2026-07-02T10:00:00',
      'completed_late',
    ],
    [
      'completed without a deadline is on time',
      { deadline: null, originalDeadline: null, completedOn: '2026-03-01' },
      '2026-03-02T10:00:00',
      'completed_on_time',
    ],
    ['open before the deadline is in progress', {}, '2026-06-01T10:00:00', 'in_progress'],
    ['open on the deadline day is still in progress', {}, '2026-06-30T12:00:00', 'in_progress'],
    ['open the day after is overdue', {}, '2026-07-01T12:00:00', 'overdue'],
    [
      'open without a deadline',
      { deadline: null, originalDeadline: null },
      '2026-07-01T12:00:00',
      'no_deadline',
    ],
    [
      'withdrawn wins over everything',
      { withdrawn: true, completedOn: '2026-05-01' },
      '2026-07-01T12:00:00',
      'withdrawn',
    ],
  ] as const)('%s', (_name, patch, now, expected) => {
    expect(deriveTaskStatus({ ...base, ...patch }, { now: vn(now) }).status).toBe(expected);
  });
});

describe('deriveTaskStatus: Vietnam-time edges around the deadline', () => {
  it('23:59 Vietnam time on the deadline day: in progress, due soon, 0 days left', () => {
    const r = deriveTaskStatus(base, { now: vn('2026-06-30T23:59:00') });
    expect(r).toMatchObject({ status: 'in_progress', dueSoon: true, daysLeft: 0 });
  });

  it('00:01 Vietnam time the next day is overdue, although UTC is still on the deadline day', () => {
    const now = vn('2026-07-01T00:01:00');
    expect(now.toISOString().slice(0, 10)).toBe('2026-06-30');
    const r = deriveTaskStatus(base, { now });
    expect(r).toMatchObject({ status: 'overdue', dueSoon: false, daysLeft: -1 });
  });

  it('06:59 Vietnam time is already the Vietnamese day (UTC still the previous day)', () => {
    expect(deriveTaskStatus(base, { now: vn('2026-07-01T06:59:00') }).status).toBe('overdue');
  });
});

describe('deriveTaskStatus: due soon', () => {
  it.each([
    ['2026-06-26T08:00:00', false, 4],
    ['2026-06-27T08:00:00', true, 3],
    ['2026-06-30T08:00:00', true, 0],
  ])('at %s due soon is %s (%i days left)', (now, dueSoon, daysLeft) => {
    expect(deriveTaskStatus(base, { now: vn(now) })).toMatchObject({ dueSoon, daysLeft });
  });

  it('is configurable', () => {
    expect(deriveTaskStatus(base, { now: vn('2026-06-23T08:00:00'), dueSoonDays: 7 }).dueSoon).toBe(true);
  });

  it('is never set on completed, overdue or undated tasks', () => {
    const now = vn('2026-06-29T08:00:00');
    expect(deriveTaskStatus({ ...base, completedOn: '2026-06-28' }, { now }).dueSoon).toBe(false);
    expect(deriveTaskStatus({ ...base, deadline: null }, { now }).dueSoon).toBe(false);
    expect(deriveTaskStatus(base, { now: vn('2026-07-03T08:00:00') }).dueSoon).toBe(false);
  });
});

describe('deriveTaskStatus: extensions and returned completions', () => {
  const extended = { ...base, deadline: '2026-08-31', originalDeadline: '2026-06-30' };

  it('an approved extension moves the deadline: in progress against the current deadline', () => {
    expect(deriveTaskStatus(extended, { now: vn('2026-07-15T10:00:00') }).status).toBe('in_progress');
  });

  it('counted against the original deadline, the same task is overdue', () => {
    expect(deriveTaskStatus(extended, { now: vn('2026-07-15T10:00:00'), basis: 'original' }).status).toBe(
      'overdue',
    );
  });

  it('completed within the extension: on time against the current deadline, late against the original', () => {
    const done = { ...extended, completedOn: '2026-08-01' };
    const now = vn('2026-08-02T10:00:00');
    expect(deriveTaskStatus(done, { now }).status).toBe('completed_on_time');
    expect(deriveTaskStatus(done, { now, basis: 'original' }).status).toBe('completed_late');
  });

  it('a returned completion leaves no completion date: the task is in progress (or overdue) again', () => {
    const returned = { ...base, completedOn: null };
    expect(deriveTaskStatus(returned, { now: vn('2026-06-29T10:00:00') }).status).toBe('in_progress');
    expect(deriveTaskStatus(returned, { now: vn('2026-07-02T10:00:00') }).status).toBe('overdue');
  });
});

describe('deriveTaskStatus: stale', () => {
  it('flags an open task whose lead agency has posted nothing for 30 Vietnam days, from midnight', () => {
    // Last post 20 June at 09:00 (Vietnam): stale from 20 July 00:00, not from 09:00 (a day rule, as
    // deadlines are, so the dashboard's tallies move at midnight only).
    expect(deriveTaskStatus(base, { now: vn('2026-07-20T09:00:00') }).stale).toBe(true);
    expect(deriveTaskStatus(base, { now: vn('2026-07-20T00:00:00') }).stale).toBe(true);
    expect(deriveTaskStatus(base, { now: vn('2026-07-19T23:59:00') }).stale).toBe(false);
  });

  it('counts from assignment when nothing was ever posted', () => {
    const never = { ...base, lastLeadUpdateAt: null, deadline: null };
    expect(deriveTaskStatus(never, { now: vn('2026-02-03T09:00:00') }).stale).toBe(false);
    expect(deriveTaskStatus(never, { now: vn('2026-02-04T09:00:00') }).stale).toBe(true);
  });

  it('is never set on completed or withdrawn tasks, and is configurable', () => {
    const now = vn('2026-12-01T09:00:00');
    expect(deriveTaskStatus({ ...base, completedOn: '2026-06-01' }, { now }).stale).toBe(false);
    expect(deriveTaskStatus({ ...base, withdrawn: true }, { now }).stale).toBe(false);
    expect(deriveTaskStatus(base, { now: vn('2026-06-27T09:00:00'), staleDays: 7 }).stale).toBe(true);
  });
});

describe('deriveTaskStatus: properties', () => {
  const date = fc
    .integer({ min: 0, max: 2000 })
    .map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
  const task = fc.record({
    deadline: fc.option(date, { nil: null }),
    completedOn: fc.option(date, { nil: null }),
    withdrawn: fc.boolean(),
    lastLeadUpdateAt: fc.option(
      fc.date({ min: new Date('2025-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
      { nil: null },
    ),
  });
  const now = fc.date({ min: new Date('2025-01-01'), max: new Date('2031-01-01'), noInvalidDate: true });

  it('every task is in exactly one category, and flags only where they make sense', () => {
    fc.assert(
      fc.property(task, now, (t, at) => {
        const r = deriveTaskStatus(
          { ...t, originalDeadline: t.deadline, createdAt: new Date('2025-01-01') },
          { now: at },
        );
        if (r.dueSoon) expect(r.status).toBe('in_progress');
        if (r.stale) expect(['in_progress', 'overdue', 'no_deadline']).toContain(r.status);
        if (t.withdrawn) expect(r.status).toBe('withdrawn');
        if (!t.withdrawn && t.completedOn) expect(r.status.startsWith('completed')).toBe(true);
      }),
    );
  });

  it('an open task only moves forward in time: in progress → overdue, never back', () => {
    fc.assert(
      fc.property(task, now, fc.integer({ min: 1, max: 400 }), (t, at, days) => {
        const open = {
          ...t,
          completedOn: null,
          withdrawn: false,
          originalDeadline: t.deadline,
          createdAt: new Date('2025-01-01'),
        };
        const before = deriveTaskStatus(open, { now: at }).status;
        const after = deriveTaskStatus(open, { now: new Date(at.getTime() + days * 86_400_000) }).status;
        if (before === 'overdue') expect(after).toBe('overdue');
      }),
    );
  });

  it('a task is open exactly when its status is in progress, overdue or without deadline', () => {
    fc.assert(
      fc.property(task, now, (t, at) => {
        const dates = { ...t, originalDeadline: t.deadline, createdAt: new Date('2025-01-01') };
        const status = deriveTaskStatus(dates, { now: at }).status;
        expect(isTaskOpen(t)).toBe(['in_progress', 'overdue', 'no_deadline'].includes(status));
      }),
    );
  });

  it('progress is taken on an open task whose completion awaits no decision, and only then', () => {
    fc.assert(
      fc.property(task, fc.constantFrom(null, ...COMPLETION_STATES), (t, state) => {
        const completionPending = isCompletionPending(state);
        expect(acceptsProgress({ ...t, completionPending })).toBe(
          isTaskOpen(t) && state !== 'awaiting_leader' && state !== 'awaiting_office',
        );
      }),
    );
  });

  it('daysBetween is antisymmetric and additive', () => {
    fc.assert(
      fc.property(date, date, date, (a, b, c) => {
        expect(daysBetween(a, b) + daysBetween(b, a)).toBe(0);
        expect(daysBetween(a, b) + daysBetween(b, c)).toBe(daysBetween(a, c));
      }),
    );
  });
});

describe('completionRates', () => {
  it('computes both rates and reconciles the buckets to the total', () => {
    const r = completionRates({
      completed_on_time: 6,
      completed_late: 2,
      in_progress: 5,
      overdue: 2,
      no_deadline: 3,
      withdrawn: 1,
    });
    expect(r.total).toBe(19);
    expect(r.assigned).toBe(18);
    expect(r.ofDue).toBeCloseTo(8 / 10);
    expect(r.ofAssigned).toBeCloseTo(8 / 18);
    expect(r.onTimeOfCompleted).toBeCloseTo(6 / 8);
    expect(r.overdueRate).toBeCloseTo(2 / 7);
  });

  it('says “no figure” rather than 0 % when nothing is due', () => {
    const r = completionRates({
      completed_on_time: 0,
      completed_late: 0,
      in_progress: 3,
      overdue: 0,
      no_deadline: 0,
      withdrawn: 0,
    });
    expect(r.ofDue).toBeNull();
    expect(r.ofAssigned).toBe(0);
  });
});
