import { describe, expect, it } from 'vitest';
import { navItemsFor } from './nav-config';

describe('navItemsFor', () => {
  it.each(['officer', 'leader'] as const)(
    "gives %s the overview, the agency's inbox, the task list, the periodic reports, the KPIs, their scorecard, the documents and the directory",
    (role) => {
      expect(navItemsFor(role).map((item) => item.to)).toEqual([
        '/',
        '/inbox',
        '/tasks',
        '/reports',
        '/kpis',
        '/scorecard',
        '/documents',
        '/agencies',
      ]);
    },
  );

  it.each(['office', 'inspector'] as const)(
    'gives %s the dashboard, the task list, the monthly report, reporting compliance, the KPIs and the reporting regimes (read-only)',
    (role) => {
      expect(navItemsFor(role).map((item) => item.to)).toEqual([
        '/',
        '/dashboard',
        '/tasks',
        '/reports/monthly',
        '/reports/compliance',
        '/kpis',
        '/documents',
        '/provinces',
        '/agencies',
        '/admin/templates',
        '/admin/holidays',
      ]);
    },
  );

  it("gives a province's staff their communes' roll-up, and no ministry's or commune's", () => {
    for (const role of ['officer', 'leader'] as const) {
      expect(navItemsFor(role, 'provincial').map((item) => item.to)).toContain('/provinces');
      expect(navItemsFor(role, 'central').map((item) => item.to)).not.toContain('/provinces');
      expect(navItemsFor(role, 'commune').map((item) => item.to)).not.toContain('/provinces');
    }
  });

  it('adds user management for the administrator only', () => {
    expect(navItemsFor('admin').map((item) => item.to)).toEqual([
      '/',
      '/dashboard',
      '/tasks',
      '/reports/monthly',
      '/reports/compliance',
      '/kpis',
      '/documents',
      '/provinces',
      '/agencies',
      '/admin/users',
      '/admin/outbox',
      '/admin/templates',
      '/admin/holidays',
    ]);
    expect(navItemsFor('office').map((item) => item.to)).not.toContain('/admin/users');
    expect(navItemsFor('office').map((item) => item.to)).not.toContain('/inbox');
  });
});
