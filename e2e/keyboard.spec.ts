import { expect, type Page, test } from '@playwright/test';
import { currentMonthlyPeriod, DEMO_PASSWORD, escapeRegExp } from './helpers';

/**
 * Issue 14: the whole of an agency officer's day by keyboard alone — log in, open a task, post
 * progress, submit the month's report — with no click anywhere (only Tab, Enter and typing; `goto` is
 * the address bar), and after each action the focus where the officer acted or on what the page says
 * about it, never dropped to the top of the page.
 */

interface Active {
  tag: string;
  /** The focused element's label, accessible name or text. */
  name: string;
  role: string | null;
  href: string | null;
  /** The text of the table row it sits in, if any. */
  row: string;
}

async function active(page: Page): Promise<Active> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { tag: '', name: '', role: null, href: null, row: '' };
    const labelled = (el as HTMLInputElement).labels?.[0]?.textContent ?? null;
    const byId = el.getAttribute('aria-labelledby');
    const name =
      el.getAttribute('aria-label') ??
      labelled ??
      (byId ? document.getElementById(byId)?.textContent : null) ??
      el.textContent ??
      '';
    return {
      tag: el.tagName,
      name: name.replace(/\s+/g, ' ').trim(),
      role: el.getAttribute('role'),
      href: el.getAttribute('href'),
      row: el.closest('tr')?.textContent?.replace(/\s+/g, ' ') ?? '',
    };
  });
}

/** Presses Tab until the focused element is the one wanted; fails after `max` presses. */
async function tabTo(page: Page, wanted: (a: Active) => boolean, what: string, max = 150) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await active(page);
    if (wanted(now)) return now;
  }
  throw new Error(`Tab never reached ${what}`);
}

const named = (text: string | RegExp) => (a: Active) =>
  typeof text === 'string' ? a.name.startsWith(text) : text.test(a.name);

test('an officer logs in, posts progress and submits the month’s report by keyboard alone', async ({
  page,
}) => {
  test.setTimeout(180_000);

  // Log in.
  await page.goto('/login');
  await tabTo(page, named('Tên đăng nhập'), 'the user name');
  await page.keyboard.type('btc.chuyenvien');
  await tabTo(page, named('Mật khẩu'), 'the password');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toBeVisible();
  expect((await active(page)).name).not.toMatch(/^(Tên đăng nhập|Mật khẩu)/);

  // Open one of the ministry's own tasks still in progress.
  await page.goto('/inbox');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('tbody tr').first()).toBeVisible();
  const link = await tabTo(
    page,
    (a) =>
      a.tag === 'A' &&
      /^\/tasks\/\d+$/.test(a.href ?? '') &&
      a.row.includes('Chủ trì') &&
      !a.row.includes('Hoàn thành'),
    'an open task led by the ministry',
  );
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${link.href}$`));
  await expect(page.getByRole('heading', { level: 1, name: link.name })).toBeVisible();

  // Post progress.
  const progress = page.getByRole('region', { name: 'Cập nhật tiến độ' });
  await expect(progress).toBeVisible();
  await tabTo(page, named('Phần trăm hoàn thành'), 'the percent');
  await page.keyboard.type('55');
  expect((await active(page)).name).toMatch(/^Phần trăm hoàn thành/);
  await tabTo(page, named('Diễn giải'), 'the narrative');
  await page.keyboard.type('Đã hoàn thành dự thảo, đang lấy ý kiến các đơn vị.');
  await tabTo(page, named('Gửi cập nhật tiến độ'), 'the send button');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Cập nhật tiến độ: 55 %').first()).toBeVisible();
  // The focus is on what the page says about it, not at the top of the page.
  await expect
    .poll(async () => (await active(page)).name)
    .toMatch(/^Đã ghi nhận cập nhật tiến độ\. Tiếp theo:/);
  expect((await active(page)).role).toBe('status');
  await expect(progress.getByLabel('Phần trăm hoàn thành')).toHaveValue('');

  // Submit the month's report on the ministry's task work.
  const month = currentMonthlyPeriod();
  await page.goto('/reports');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await tabTo(
    page,
    (a) =>
      a.tag === 'A' && new RegExp(`thực hiện nhiệm vụ.*kỳ ${escapeRegExp(month.inSentence)}`).test(a.name),
    `the report for ${month.key}`,
  );
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Số liệu báo cáo' })).toBeVisible();
  await tabTo(page, named('Xem lại trước khi gửi'), 'the review button');
  await page.keyboard.press('Enter');
  const review = page.getByRole('heading', { name: 'Kiểm tra lại số liệu trước khi gửi' });
  await expect(review).toBeVisible();
  expect(await active(page)).toMatchObject({ tag: 'H2', name: 'Kiểm tra lại số liệu trước khi gửi' });

  // "Sửa" goes back to the figure, focus on it; the review again, then send.
  const change = await tabTo(page, (a) => a.tag === 'A' && a.name.startsWith('Sửa '), 'a change link');
  const field = change.name.replace(/^Sửa /, '');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await active(page)).name).toMatch(new RegExp(`^${escapeRegExp(field)}`));
  expect((await active(page)).tag).toMatch(/INPUT|TEXTAREA/);
  await tabTo(page, named('Xem lại trước khi gửi'), 'the review button again');
  await page.keyboard.press('Enter');
  await expect(review).toBeFocused();
  await tabTo(page, (a) => a.tag === 'BUTTON' && a.name === 'Gửi báo cáo', 'the send button');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/reports\/submissions\/\d+$/);
  await expect(page.getByText('Đã gửi, chờ lãnh đạo duyệt').first()).toBeVisible();
  await expect
    .poll(async () => (await active(page)).name)
    .toMatch(/^Đã gửi báo cáo\. Tiếp theo: lãnh đạo cơ quan duyệt/);
  expect((await active(page)).role).toBe('status');
});
