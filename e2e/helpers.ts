import { expect, type Page, type TestInfo } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo@2026';

export async function logIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toBeVisible();
}

export async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

/** Keeps a full-page screenshot as a test artifact (e2e/artifacts and the HTML report). */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const file = `e2e/artifacts/${name}.png`;
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}
