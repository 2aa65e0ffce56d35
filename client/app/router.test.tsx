import { isValidElement } from 'react';
import type { RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { mayOpen, PAGE_ROLES, type PagePath } from '../../shared/page-access';
import { ROLES } from '../../shared/roles';
import { NAV_ITEMS, navItemsFor } from '../features/shell/nav-config';
import { appRoutes } from './router';

const layout = appRoutes.find((route) => route.children);
const pageRoutes = (layout?.children ?? []).filter((route) => route.path !== '*');

const pathOf = (route: RouteObject) => (route.index ? '/' : `/${route.path}`);
/** The page whose roles the route's guard applies, read from the element it renders. */
function guardOf(route: RouteObject): PagePath | undefined {
  const element = route.element;
  return isValidElement<{ page?: PagePath }>(element) ? element.props.page : undefined;
}

describe('who may open which page', () => {
  it('guards every page behind the login with its own line of the table', () => {
    expect(pageRoutes.map(pathOf).sort()).toEqual(Object.keys(PAGE_ROLES).sort());
    for (const route of pageRoutes) expect(guardOf(route)).toBe(pathOf(route));
  });

  // A province's staff have every item their role opens (the communes' roll-up is theirs).
  it.each(ROLES)('shows %s a menu item exactly when its route lets them in', (role) => {
    for (const item of NAV_ITEMS) {
      const route = pageRoutes.find((r) => pathOf(r) === item.to);
      const guard = route && guardOf(route);
      expect(guard, item.to).toBeDefined();
      const inMenu = navItemsFor(role, 'provincial').includes(item);
      expect([item.to, inMenu]).toEqual([item.to, guard !== undefined && mayOpen(role, guard)]);
    }
  });

  // The menu showed the dashboard to oversight roles only while its route let anyone in.
  it('keeps agency staff off the Office dashboard, in the menu and at its address alike', () => {
    const dashboard = pageRoutes.find((route) => route.path === 'dashboard');
    for (const role of ['officer', 'leader'] as const) {
      expect(navItemsFor(role).map((item) => item.to)).not.toContain('/dashboard');
      expect(mayOpen(role, guardOf(dashboard ?? {}) ?? '/')).toBe(false);
    }
  });
});
