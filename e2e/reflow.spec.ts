import { type Browser, expect, type Page, test } from '@playwright/test';
import type { PagePath } from '../shared/page-access';
import type { Role } from '../shared/roles';
import { logIn } from './helpers';
import { pagesFor, ROLE_USERS, settle } from './pages';

/**
 * WCAG 1.4.10 Reflow: every route of client/app/router.tsx, as each role that may open it, neither
 * scrolls sideways nor puts anything beyond the right edge outside a scroll box of its own, at 320 CSS px
 * and at 200 % zoom.
 *
 * 200 % zoom is emulated as a 640 × 400 viewport at device scale factor 2: that is what browser zoom of
 * a 1280 × 800 window does (CSS pixels twice as large, so half as many across, media queries answering
 * to 640 px, devicePixelRatio 2). CSS `zoom: 2` on a 1280-px page would not be faithful: the viewport
 * and every media query would still say 1280 px, so a layout that adapts to zoom could not be seen.
 */
const VIEWPORTS = [
  { name: '320 px', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
  { name: '200 % zoom (1280 × 800 window)', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
] as const;

/** A new browser page at this size, in Vietnamese and Vietnam's time zone, signed in as `username`. */
async function newPage(
  browser: Browser,
  options: { viewport: { width: number; height: number }; deviceScaleFactor: number },
  username?: string,
) {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    ...options,
  });
  const page = await context.newPage();
  if (username) await logIn(page, username);
  return page;
}

interface Overflow {
  scrollWidth: number;
  clientWidth: number;
  /** Elements reaching beyond the viewport's right (or left) edge with no scroll box around them. */
  outside: string[];
}

function measureOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const describe = (el: Element) => {
      const cls =
        typeof el.className === 'string' && el.className
          ? `.${el.className.trim().split(/\s+/).join('.')}`
          : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const box = el.getBoundingClientRect();
      return `${el.tagName.toLowerCase()}${cls} [${Math.round(box.left)}–${Math.round(box.right)}] “${text}”`;
    };
    const clippedByAncestor = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    const outside: Element[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right <= width + 1 && box.left >= -1) continue;
      if (getComputedStyle(el).visibility === 'hidden' || clippedByAncestor(el)) continue;
      // The outermost element that sticks out is the one to fix.
      if (outside.some((o) => o.contains(el))) continue;
      outside.push(el);
    }
    return { scrollWidth: root.scrollWidth, clientWidth: width, outside: outside.slice(0, 5).map(describe) };
  });
}

/** A real address for every page each role may open (the demo data's ids, as users reach them). */
const urls = new Map<Role, { path: PagePath; url: string }[]>();
const ROLES_CHECKED: Role[] = ['office', 'officer', 'inspector', 'admin'];

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  for (const role of ROLES_CHECKED) {
    const page = await newPage(
      browser,
      { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
      ROLE_USERS[role],
    );
    urls.set(role, await pagesFor(page, role));
    await page.context().close();
  }
});

async function check(page: Page, url: string, failures: string[]) {
  await page.goto(url);
  await settle(page);
  const overflow = await measureOverflow(page);
  if (overflow.scrollWidth > overflow.clientWidth || overflow.outside.length > 0) {
    failures.push(
      `${url}: page ${overflow.scrollWidth} px wide in ${overflow.clientWidth} px; outside: ${overflow.outside.join(' | ') || '—'}`,
    );
  }
}

for (const size of VIEWPORTS) {
  test.describe(`reflow at ${size.name}`, () => {
    test('the login page and an unknown address', async ({ browser }) => {
      const page = await newPage(browser, size);
      const failures: string[] = [];
      await page.goto('/login');
      await expect(page.getByRole('button', { name: 'Đăng nhập' })).toBeVisible();
      const login = await measureOverflow(page);
      if (login.scrollWidth > login.clientWidth || login.outside.length > 0)
        failures.push(
          `/login: ${login.scrollWidth} px in ${login.clientWidth} px; ${login.outside.join(' | ')}`,
        );
      await logIn(page, 'vpcp');
      await check(page, '/no-such-page', failures);
      expect(failures).toEqual([]);
      await page.context().close();
    });

    for (const role of ROLES_CHECKED) {
      test(`every page ${role} (${ROLE_USERS[role]}) may open`, async ({ browser }) => {
        test.setTimeout(300_000);
        const page = await newPage(browser, size, ROLE_USERS[role]);
        const pages = urls.get(role) ?? [];
        expect(pages.length).toBeGreaterThan(5);
        const failures: string[] = [];
        for (const { url } of pages) await check(page, url, failures);
        expect(failures).toEqual([]);
        await page.context().close();
      });
    }
  });
}

test.describe('the service menu', () => {
  test('on a phone it folds behind one button that opens, closes on navigation and on Escape', async ({
    browser,
  }) => {
    const page = await newPage(
      browser,
      { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 },
      'vpcp',
    );
    await page.goto('/dashboard');
    await settle(page);
    const button = page.getByRole('button', { name: 'Danh mục' });
    const taskList = page.getByRole('link', { name: 'Danh sách nhiệm vụ' });
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(taskList).toBeHidden();
    // The page's own heading is on the first screen, under a header of a few lines.
    await expect(page.locator('main h1')).toBeInViewport();
    const header = await page.getByRole('banner').boundingBox();
    expect(header?.height ?? 844).toBeLessThan(844 * 0.2);

    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
    await taskList.click();
    await expect(page).toHaveURL(/\/tasks$/);
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(taskList).toBeHidden();

    // From the keyboard: Enter opens it, Escape closes it and gives the focus back to the button.
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(taskList).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).toBeFocused();
    await page.context().close();
  });

  test('at 200 % zoom the page heading shows under a compact header', async ({ browser }) => {
    const page = await newPage(
      browser,
      { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
      'vpcp',
    );
    await page.goto('/tasks');
    await settle(page);
    await expect(page.getByRole('button', { name: 'Danh mục' })).toBeVisible();
    await expect(page.locator('main h1')).toBeInViewport();
    const header = await page.getByRole('banner').boundingBox();
    expect(header?.height ?? 400).toBeLessThan(400 * 0.3);
    await page.context().close();
  });

  test('on a wide screen the whole menu shows and the button does not', async ({ browser }) => {
    const page = await newPage(
      browser,
      { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
      'vpcp',
    );
    await expect(page.getByRole('button', { name: 'Danh mục' })).toBeHidden();
    await expect(page.getByRole('link', { name: 'Danh sách nhiệm vụ' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
    await page.context().close();
  });
});

test('on a phone a wide table shows each row as a block, each figure under its column name', async ({
  browser,
}) => {
  const page = await newPage(
    browser,
    { viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
    'btc.chuyenvien',
  );
  await page.goto('/reports');
  await settle(page);
  const table = page.locator('table.data-table--stack').first();
  await expect(table).toBeVisible();
  // The first data cell of the first row: the column's name shows beside its figure.
  const cell = table.locator('tbody tr').first().locator('td').first();
  const label = cell.locator('.cell-label');
  await expect(label).toBeVisible();
  const column = await cell.evaluate((td) => (td as HTMLTableCellElement).cellIndex);
  const header = (await table.locator('thead th').nth(column).innerText()).trim();
  const labelText = (await label.innerText()).trim();
  expect(labelText.length).toBeGreaterThan(0);
  expect(header).toContain(labelText);
  // The row is no wider than the screen.
  const row = await table.locator('tbody tr').first().boundingBox();
  expect(row?.width ?? 999).toBeLessThanOrEqual(320);
  await page.context().close();
});
