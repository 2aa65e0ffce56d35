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

test.describe('axe over the opened states (officer, on a phone)', () => {
  test('the menu, the folded filters, the error summary, the review before sending', async ({ browser }) => {
    test.setTimeout(180_000);
    const page = await pageFor(browser, ROLE_USERS.officer);
    const urls = new Map((await pagesFor(page, 'officer')).map(({ path, url }) => [path, url]));
    await page.setViewportSize(WIDTHS.phone);
    const found: string[] = [];

    await page.goto('/tasks');
    await settle(page);
    await page.getByRole('button', { name: 'Danh mục' }).click();
    await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toBeVisible();
    found.push(...(await violationsOn(page, '/tasks, menu open')));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Bộ lọc/ }).click();
    await expect(page.getByRole('button', { name: /^Bộ lọc/ })).toHaveAttribute('aria-expanded', 'true');
    found.push(...(await violationsOn(page, '/tasks, filters open')));

    // The first task of the officer's list is open work (open tasks come first): its progress form, sent empty.
    await page.goto(urls.get('/tasks/:id') as string);
    await settle(page);
    await page
      .getByRole('region', { name: 'Cập nhật tiến độ' })
      .getByRole('button', { name: 'Gửi cập nhật tiến độ' })
      .click();
    await expect(page.getByRole('alert', { name: 'Có lỗi cần sửa' })).toBeVisible();
    found.push(...(await violationsOn(page, 'task progress form, error summary')));

    await page.goto(urls.get('/reports/:templateId/:periodKey') as string);
    await settle(page);
    await page.getByRole('button', { name: 'Xem lại trước khi gửi' }).click();
    await expect(
      page
        .getByRole('heading', { name: 'Kiểm tra lại số liệu trước khi gửi' })
        .or(page.getByRole('alert'))
        .first(),
    ).toBeVisible();
    found.push(...(await violationsOn(page, 'new report, review or its refusal')));

    expect(found).toEqual([]);
    await page.context().close();
  });
});
