import { expect, type Page } from '@playwright/test';
import { PAGE_ROLES, type PagePath } from '../shared/page-access';
import type { Role } from '../shared/roles';

/** One demo account per role (the seed's; README lists them). */
export const ROLE_USERS: Record<Role, string> = {
  office: 'vpcp',
  officer: 'btc.chuyenvien',
  leader: 'btc.lanhdao',
  inspector: 'thanhtra',
  admin: 'quantri',
};

/** Waits until the page has its heading and nothing is loading any more. */
export async function settle(page: Page) {
  await expect(page.locator('main h1').first()).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
}

function patternOf(path: PagePath): RegExp {
  const source = path.replace(/:[a-zA-Z]+/g, '[^/?#]+');
  return new RegExp(`^${source}$`);
}

/**
 * A real address for every page a role may open, in `PAGE_ROLES` order: pages with parameters take the
 * first link to them found on the role's other pages (so the ids are the demo data's, as a user reaches them).
 */
export async function pagesFor(page: Page, role: Role): Promise<{ path: PagePath; url: string }[]> {
  const paths = (Object.keys(PAGE_ROLES) as PagePath[]).filter((p) =>
    (PAGE_ROLES[p] as readonly Role[]).includes(role),
  );
  const found = new Map<PagePath, string>();
  for (const p of paths) if (!p.includes(':')) found.set(p, p);
  const visited = new Set<string>();
  let progress = true;
  while (progress && paths.some((p) => !found.has(p))) {
    progress = false;
    for (const url of [...found.values()]) {
      if (visited.has(url)) continue;
      visited.add(url);
      await page.goto(url);
      await settle(page);
      const hrefs = await page
        .locator('main a[href^="/"]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      for (const p of paths) {
        if (found.has(p) || !p.includes(':')) continue;
        const href = hrefs.map((h) => h.split(/[?#]/)[0] ?? '').find((h) => patternOf(p).test(h));
        if (href) {
          found.set(p, href);
          progress = true;
        }
      }
    }
  }
  const missing = paths.filter((p) => !found.has(p));
  expect(missing, `pages of role ${role} that no link leads to`).toEqual([]);
  return paths.map((path) => ({ path, url: found.get(path) as string }));
}
