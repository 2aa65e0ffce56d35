import { describe, expect, it } from 'vitest';
import { navItemsFor } from './nav-config';

describe('navItemsFor', () => {
  it.each(['officer', 'leader'] as const)(
    "gives %s the overview, the agency's inbox, the task list, the periodic reports, the documents and the directory",
    (role) => {
      expect(navItemsFor(role).map((item) => item.to)).toEqual([
        '/',
        '/inbox',
        '/tasks',
        '/reports',
        '/documents',
        '/agencies',
      ]);
    },
  );

  it.each(['office', 'inspector'] as const)(
    'gives %s the dashboard, the task list, the monthly report and reporting compliance',
    (role) => {
      expect(navItemsFor(role).map((item) => item.to)).toEqual([
        '/',
        '/dashboard',
        '/tasks',
        '/reports/monthly',
        '/reports/compliance',
        '/documents',
        '/agencies',
      ]);
    },
  );

  it('adds user management for the administrator only', () => {
    expect(navItemsFor('admin').map((item) => item.to)).toEqual([
      '/',
      '/dashboard',
      '/tasks',
      '/reports/monthly',
      '/reports/compliance',
      '/documents',
      '/agencies',
      '/admin/users',
    ]);
    expect(navItemsFor('office').map((item) => item.to)).not.toContain('/admin/users');
    expect(navItemsFor('office').map((item) => item.to)).not.toContain('/inbox');
  });
});
