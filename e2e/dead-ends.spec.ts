import { expect, type Page, test } from '@playwright/test';
import { logIn } from './helpers';

const OFFICER = 'btc.chuyenvien';
const REFUSAL = 'Bạn không có quyền truy cập chức năng này.';

/** The page the user is on has settled on something they can use: a heading, no spinner, no refusal. */
async function expectUsablePage(page: Page, address: string) {
  await expect(page, address).toHaveURL((url) => `${url.pathname}${url.search}` === address);
  const main = page.locator('main');
  await expect(main.getByRole('heading', { level: 1 }), address).toBeVisible();
  await expect(main.getByRole('status').filter({ hasText: 'Đang tải…' }), address).toHaveCount(0);
  await expect(main.getByText(REFUSAL), address).toHaveCount(0);
  await expect(main.getByRole('heading', { name: 'Không có quyền truy cập' }), address).toHaveCount(0);
  await expect(main.getByText('Không tìm thấy dữ liệu yêu cầu.'), address).toHaveCount(0);
}

async function hrefs(links: ReturnType<Page['locator']>): Promise<string[]> {
  return links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

test('an officer follows every link of their menu and of their KPI cards to a usable page', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await logIn(page, OFFICER);
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  const menu = await hrefs(nav.getByRole('link'));
  expect(menu).toContain('/kpis');
  for (const address of menu) {
    await nav.locator(`a[href="${address}"]`).click();
    await expectUsablePage(page, address);
  }

  await nav.locator('a[href="/kpis"]').click();
  const cards = page.locator('.kpi-card h3 a');
  await expect(cards.first()).toBeVisible();
  const kpiLinks = await hrefs(cards);
  expect(kpiLinks.length).toBeGreaterThan(0);
  for (const address of kpiLinks) {
    await page.locator(`.kpi-card h3 a[href="${address}"]`).click();
    await expectUsablePage(page, address);
    await page.goBack();
    await expect(cards.first()).toBeVisible();
  }
});

test('an officer opening the Office dashboard is told whose page it is and led home', async ({ page }) => {
  // A shared link, opened before logging in: the login leads to it.
  await page.goto('/dashboard');
  await page.getByLabel('Tên đăng nhập').fill(OFFICER);
  await page.getByLabel('Mật khẩu').fill('Demo@2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  const main = page.locator('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' })).toBeVisible();
  await expect(main.getByText(/Trang này dành cho: Văn phòng Chính phủ/)).toBeVisible();
  await expect(main.getByRole('status')).toHaveCount(0);
  await main.getByRole('link', { name: 'Về trang Tổng quan' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(main.getByRole('heading', { level: 1 })).toBeVisible();
});

test('a missing task keeps its heading and leads back to the list, with nothing to retry', async ({
  page,
}) => {
  await logIn(page, OFFICER);
  await page.goto('/tasks/999999');
  const main = page.locator('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Chi tiết nhiệm vụ' })).toBeVisible();
  await expect(main.getByText('Không tìm thấy dữ liệu yêu cầu.')).toBeVisible();
  await expect(main.getByRole('button', { name: 'Thử lại' })).toHaveCount(0);
  await main.getByRole('link', { name: 'Về danh sách nhiệm vụ' }).click();
  await expect(page).toHaveURL(/\/tasks$/);
});

test('a server error keeps the dashboard heading and offers to try again', async ({ page }) => {
  await logIn(page, 'vpcp');
  await page.route(/\/trpc\/[^?]*tasks\.dashboard/, (route) =>
    route.fulfill({ status: 500, contentType: 'text/plain', body: 'boom' }),
  );
  await page.goto('/dashboard');
  const main = page.locator('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Bảng điều khiển toàn quốc' })).toBeVisible();
  await expect(main.getByRole('button', { name: 'Thử lại' })).toBeVisible({ timeout: 20_000 });
  await expect(main.getByRole('link', { name: 'Về trang Tổng quan' })).toBeVisible();
});
