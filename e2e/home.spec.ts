import { expect, type Page, test } from '@playwright/test';
import { logIn, pageFor } from './helpers';

/**
 * The home page starts from what to do: each role sees the counts of what awaits it, and each count
 * leads to a list showing exactly that many items.
 */

const figure = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

/** How many items the list at the current address shows (all pages), read as its user reads it. */
async function shownOnList(page: Page, href: string): Promise<number> {
  const main = page.getByRole('main');
  if (href.startsWith('/tasks')) {
    const summary = main.getByText(/^Số nhiệm vụ khớp bộ lọc: /);
    const empty = main.getByText('Không có nhiệm vụ nào phù hợp.');
    await expect(summary.or(empty).first()).toBeVisible();
    return (await empty.isVisible()) ? 0 : figure(await summary.textContent());
  }
  if (href.startsWith('/reports?')) {
    const table = main.getByRole('table', { name: 'Danh sách kỳ báo cáo của cơ quan' });
    const empty = main.getByText('Cơ quan chưa có kỳ báo cáo nào phải nộp.');
    await expect(table.or(empty).first()).toBeVisible();
    return (await empty.isVisible()) ? 0 : table.locator('tbody tr').count();
  }
  if (href.startsWith('/kpis')) {
    await expect(main.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(main.locator('[aria-busy="false"]').first()).toBeVisible();
    return main.locator('.kpi-card--off_track').count();
  }
  // Paged lists (the inbox, accounts, failed logins): the total under the list, or its empty message.
  // The accounts page lists failed logins below its users: each list is read on its own.
  const failures = href.includes('failuresWithin');
  const scope = failures ? page.locator('#login-failures') : main;
  const own = failures ? '' : ':not(#login-failures *)';
  const total = scope.locator(`.pagination__total${own}`).first();
  const empty = scope
    .locator(`[role="status"]${own}`)
    .filter({ hasText: /^(Không|Chưa) / })
    .first();
  await expect(total.or(empty).first()).toBeVisible();
  return (await total.isVisible()) ? figure(await total.textContent()) : 0;
}

for (const username of ['btc.chuyenvien', 'btc.lanhdao', 'vpcp', 'thanhtra', 'quantri']) {
  test(`${username}: every count on the home page leads to a list of that many items`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    if (username === 'quantri') {
      // A failed login a moment ago, for the administrator's count to have something to lead to.
      const stranger = await browser.newPage({ baseURL: test.info().project.use.baseURL });
      await stranger.goto('/login');
      await stranger.getByLabel('Tên đăng nhập').fill('khong.ton.tai');
      await stranger.getByLabel('Mật khẩu').fill('sai-mat-khau-2026');
      await stranger.getByRole('button', { name: 'Đăng nhập' }).click();
      await expect(stranger.getByRole('alert')).toBeVisible();
      await stranger.close();
    }
    const page = await pageFor(browser, username);
    await page.goto('/');
    const awaiting = page.getByRole('region', { name: 'Việc đang chờ bạn' });
    const links = awaiting.locator('a[data-home-item]');
    await expect(links.first()).toBeVisible();
    const items = await links.evaluateAll((as) =>
      as.map((a) => ({
        key: a.getAttribute('data-home-item') ?? '',
        href: a.getAttribute('href') ?? '',
        count: a.querySelector('.home-summary__count')?.textContent ?? '',
      })),
    );
    expect(items.length).toBeGreaterThan(1);
    for (const item of items) {
      // The compliance heatmap is not a list of items: its link is followed, not counted.
      await awaiting.locator(`a[data-home-item="${item.key}"]`).click();
      await expect(page).toHaveURL(new RegExp(`${item.href.split(/[?#]/)[0]}(\\?|#|$)`));
      if (!item.href.startsWith('/reports/compliance')) {
        expect([item.key, await shownOnList(page, item.href)]).toEqual([item.key, figure(item.count)]);
      }
      await page.goto('/');
    }
    await page.context().close();
  });
}

test('the agency officer sees their own overdue work as the first rows of their lists', async ({
  browser,
}) => {
  const page = await pageFor(browser, 'btc.chuyenvien');
  await page.goto('/inbox');
  const rows = page.getByRole('table', { name: /Nhiệm vụ của cơ quan/ }).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const statuses = await rows.evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
  const firstDone = statuses.findIndex((s) => /Hoàn thành/.test(s));
  if (firstDone >= 0)
    expect(statuses.slice(firstDone).every((s) => /Hoàn thành|Đã thu hồi/.test(s))).toBe(true);
  await page.goto('/reports');
  const reports = page.getByRole('table', { name: 'Danh sách kỳ báo cáo của cơ quan' }).locator('tbody tr');
  await expect(reports.first()).toBeVisible();
  const overdue = await reports.evaluateAll((trs) =>
    trs.map((tr) => tr.querySelector('.report-badge--overdue') !== null),
  );
  const lastOverdue = overdue.lastIndexOf(true);
  expect(overdue.slice(0, lastOverdue + 1).every(Boolean)).toBe(true);
  await page.context().close();
});

test('the task list folds its filters once used, so the first task shows without scrolling', async ({
  page,
}) => {
  await logIn(page, 'vpcp');
  await page.goto('/tasks');
  const toggle = page.getByRole('button', { name: /^Bộ lọc/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.goto('/tasks?status=overdue&key=1');
  await expect(toggle).toHaveText(/Bộ lọc \(2\)/);
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('group', { name: 'Trạng thái' })).toBeHidden();
  await expect(
    page.getByRole('table').locator('tbody tr').first().getByRole('link').first(),
  ).toBeInViewport();
  await toggle.click();
  await expect(page.getByRole('group', { name: 'Trạng thái' })).toBeVisible();
  // On a phone the filters start folded even without any in use.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/tasks');
  await expect(page.getByRole('button', { name: /^Bộ lọc/ })).toHaveAttribute('aria-expanded', 'false');
});

test('the activity feed’s live region is on the page before any change arrives', async ({ page }) => {
  await logIn(page, 'vpcp');
  await page.goto('/dashboard');
  const feed = page.getByTestId('activity-feed');
  await expect(feed).toHaveAttribute('aria-live', 'polite');
  await expect(feed).toContainText('Chưa có thay đổi nào kể từ khi mở trang.');
});
