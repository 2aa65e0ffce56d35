import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { PAGE_ROLES, type PagePath } from '../shared/page-access';
import type { Role } from '../shared/roles';
import { pageFor } from './helpers';
import { pagesFor, ROLE_USERS, settle } from './pages';

/** Every WCAG 2.2 A/AA rule and axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

async function violationsOn(page: Page, where: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return violations.map(
    (v) =>
      `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}

const WIDTHS = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };

// Between them these three roles open every route (the leader's pages are the officer's, the inspector's
// the Office's; the reflow journey goes through those too).
const ROLES_SCANNED: Role[] = ['office', 'officer', 'admin'];

for (const role of ROLES_SCANNED) {
  test.describe(`axe over every page of ${role} (${ROLE_USERS[role]}), with screenshots at 1440 and 390 px`, () => {
    let page: Page;
    let urls: Map<PagePath, string>;
    test.beforeAll(async ({ browser }) => {
      test.setTimeout(180_000);
      page = await pageFor(browser, ROLE_USERS[role]);
      urls = new Map((await pagesFor(page, role)).map(({ path, url }) => [path, url]));
    });
    test.afterAll(async () => page.context().close());

    const paths = (Object.keys(PAGE_ROLES) as PagePath[]).filter((p) =>
      (PAGE_ROLES[p] as readonly Role[]).includes(role),
    );
    for (const path of paths) {
      test(path, async () => {
        test.setTimeout(120_000);
        const url = urls.get(path) as string;
        const name = `${role}${path === '/' ? '-home' : path.replace(/[/:]+/g, '-')}`;
        const found: string[] = [];
        for (const [label, size] of Object.entries(WIDTHS)) {
          await page.setViewportSize(size);
          await page.goto(url);
          await settle(page);
          found.push(...(await violationsOn(page, `${url} @${size.width}`)));
          await page.screenshot({ path: `e2e/artifacts/pages/${name}-${label}.png`, fullPage: true });
        }
        expect(found).toEqual([]);
      });
    }
  });
}
