import { describe, expect, it } from 'vitest';
import { auditChanges, isInstant } from './audit-changes';

describe('auditChanges', () => {
  it('lists only the fields that moved, each figure of a report on its own', () => {
    const before = {
      id: 7,
      state: 'draft',
      version: 2,
      updatedAt: '2026-12-01T02:00:00.000Z',
      values: { F01: 10, F02: 'có', F03: null },
    };
    const after = {
      id: 7,
      state: 'submitted',
      version: 3,
      updatedAt: '2026-12-04T02:00:00.000Z',
      submittedAt: '2026-12-04T02:00:00.000Z',
      values: { F01: 12, F02: 'có', F03: 5 },
    };
    expect(auditChanges(before, after)).toEqual([
      { path: 'state', before: 'draft', after: 'submitted' },
      { path: 'version', before: 2, after: 3 },
      { path: 'submittedAt', before: undefined, after: '2026-12-04T02:00:00.000Z' },
      { path: 'values.F01', before: 10, after: 12 },
      { path: 'values.F03', before: null, after: 5 },
    ]);
  });

  it('a creation lists what was set; nothing changed lists nothing', () => {
    expect(auditChanges(null, { state: 'draft', values: { F01: 1 } })).toEqual([
      { path: 'state', before: undefined, after: 'draft' },
      { path: 'values.F01', before: undefined, after: 1 },
    ]);
    const row = { state: 'accepted', values: { F01: [1, 2] } };
    expect(auditChanges(row, structuredClone(row))).toEqual([]);
  });

  it('tells instants from other strings', () => {
    expect(isInstant('2026-12-04T02:00:00.000Z')).toBe(true);
    expect(isInstant('2026-12')).toBe(false);
    expect(isInstant(42)).toBe(false);
  });
});
