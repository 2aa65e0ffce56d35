import { type Browser, expect, type Page, type TestInfo, test } from '@playwright/test';
import { periodName } from '../shared/period-names';
import { type Period, periodContaining } from '../shared/reporting-periods';
import { vietnamDate } from '../shared/vietnam-date';

export const DEMO_PASSWORD = 'Demo@2026';

export async function logIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // The live status stays in sight at every width; the menu folds behind its button on narrow screens.
  await expect(page.getByTestId('connection-status')).toBeVisible();
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

/** A signed-in page of its own (own cookies) for one user, in Vietnamese and Vietnam's time zone. */
export async function pageFor(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await logIn(page, username);
  return page;
}

/** A decision on a submission's page (with its comment, if any), then the state it leads to. */
export async function decide(
  page: Page,
  url: string,
  button: string,
  expectedState: string,
  comment?: string,
) {
  await page.goto(url);
  if (comment) await page.getByLabel(/Ý kiến|Lý do mở lại/).fill(comment);
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect(page.getByText(expectedState).first()).toBeVisible();
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The monthly period whose figures are being collected today (Decree 09: the 15th to the 14th), and its names. */
export function currentMonthlyPeriod(): { key: string; name: string; inSentence: string } {
  const { key } = periodContaining('month', vietnamDate(new Date())) as Period;
  return { key, name: periodName(key, 'vi'), inSentence: periodName(key, 'vi', { inSentence: true }) };
}
