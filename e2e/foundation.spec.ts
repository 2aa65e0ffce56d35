import { expect, type Page, test } from '@playwright/test';
import { navItemsFor } from '../client/features/shell/nav-config';
import { en } from '../client/lib/i18n/en';
import { vi } from '../client/lib/i18n/vi';
import type { Role } from '../shared/roles';
import { keepScreenshot, logIn, logOut, pageFor } from './helpers';

/** The navigation each role must see: the app's one nav config, labelled in each language. */
const navFor = (role: Role, messages: typeof vi | typeof en) =>
  navItemsFor(role).map((item) => messages.nav[item.labelKey.slice('nav.'.length) as keyof typeof vi.nav]);
const OVERSIGHT_NAV = navFor('office', vi);
const AGENCY_NAV = navFor('officer', vi);
const ROLES = [
  {
    username: 'quantri',
    role: 'Quản trị hệ thống',
    agency: 'Văn phòng Chính phủ',
    nav: navFor('admin', vi),
  },
  { username: 'vpcp', role: 'Văn phòng Chính phủ', agency: 'Văn phòng Chính phủ', nav: OVERSIGHT_NAV },
  { username: 'btc.chuyenvien', role: 'Chuyên viên', agency: 'Bộ Tài chính', nav: AGENCY_NAV },
  { username: 'btc.lanhdao', role: 'Lãnh đạo cơ quan', agency: 'Bộ Tài chính', nav: AGENCY_NAV },
  { username: 'thanhtra', role: 'Thanh tra', agency: 'Thanh tra Chính phủ', nav: OVERSIGHT_NAV },
];

/** The header's switch, signed in: the interface changes and the account keeps the choice (ADR 0027). */
async function switchLanguage(page: Page, name: 'English' | 'Tiếng Việt') {
  const saved = page.waitForResponse((r) => r.url().includes('/trpc/auth.setLanguage') && r.ok());
  await page.getByRole('button', { name }).click();
  await saved;
}

test.describe('foundation journey', () => {
  for (const account of ROLES) {
    test(`${account.username} logs in and sees the navigation of the role “${account.role}”`, async ({
      page,
    }, testInfo) => {
      await logIn(page, account.username);
      await expect(page.getByTestId('current-role')).toHaveText(account.role);
      await expect(page.getByRole('banner')).toContainText(account.agency);
      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      await expect(nav.getByRole('link')).toHaveText(account.nav);
      await expect(page.getByTestId('connection-status')).toContainText('Trực tuyến');
      await keepScreenshot(page, testInfo, `role-${account.username}`);
      await logOut(page);
    });
  }

  test('a wrong password gets one generic message and no session', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill('vpcp');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('alert')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
    await page.goto('/agencies');
    await expect(page).toHaveURL(/\/login\?next=/);
  });

  test('the agency directory finds “Thành phố Hà Nội” when typed “ha noi”, and opens a province’s departments and communes', async ({
    page,
  }, testInfo) => {
    await logIn(page, 'btc.chuyenvien');
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Danh bạ cơ quan' })
      .click();
    const hanoi = page.getByRole('button', { name: /Thành phố Hà Nội/ });
    await hanoi.click();
    await expect(hanoi).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByText(/^(Xã|Phường|Đặc khu) /).first()).toBeVisible();
    // Its departments, listed apart above its communes.
    await expect(page.getByRole('list', { name: 'Các sở, ban, ngành của Thành phố Hà Nội' })).toContainText(
      'Sở Khoa học và Công nghệ thành phố Hà Nội',
    );
    await page.getByLabel('Tìm cơ quan').fill('ha noi');
    await expect(page).toHaveURL(/q=ha(\+|%20)noi/);
    // The city's own row (its departments name it as their parent, a column further).
    await expect(
      page.getByRole('table').getByRole('row', { name: /^Thành phố Hà Nội Thành phố trực thuộc TW/ }),
    ).toBeVisible();
    await keepScreenshot(page, testInfo, 'agency-search');
  });

  test('switching to English and back changes the whole screen and is remembered', async ({
    page,
  }, testInfo) => {
    await logIn(page, 'vpcp');
    await switchLanguage(page, 'English');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link')).toHaveText(
      navFor('office', en),
    );
    await expect(page.getByTestId('current-role')).toHaveText('Government Office');
    await keepScreenshot(page, testInfo, 'english');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await switchLanguage(page, 'Tiếng Việt');
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toBeVisible();
  });

  test('the language chosen follows the person to another browser, and their settings page says so', async ({
    page,
    browser,
  }) => {
    await logIn(page, 'btc.chuyenvien');
    await switchLanguage(page, 'English');
    // Another browser, where nothing was chosen: the login page was Vietnamese, the application is English.
    const elsewhere = await pageFor(browser, 'btc.chuyenvien');
    try {
      await expect(elsewhere.locator('html')).toHaveAttribute('lang', 'en');
      await expect(elsewhere.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
      await elsewhere.goto('/notifications');
      await expect(elsewhere.getByRole('radio', { name: 'English' })).toBeChecked();
      // Back to Vietnamese from the settings page: the interface follows at once.
      await elsewhere.getByRole('radio', { name: 'Tiếng Việt' }).check();
      await elsewhere.getByRole('button', { name: 'Save the language' }).click();
      await expect(elsewhere.locator('html')).toHaveAttribute('lang', 'vi');
      await expect(elsewhere.getByText('Đã lưu ngôn ngữ.')).toBeVisible();
    } finally {
      await elsewhere.context().close();
    }
  });

  // A page's words load with its code, in the language shown: a switch on a page, a reload in English
  // and a page first opened in English each show that page's words, never a message key.
  test('a page opened, reloaded or switched in English speaks English, and Vietnamese again after', async ({
    page,
  }) => {
    await logIn(page, 'vpcp');
    await page.goto('/tasks');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(vi.taskList.title);
    await switchLanguage(page, 'English');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.taskList.title);
    await expect(page.getByRole('table')).toContainText(en.taskList.colDeadline);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.taskList.title);
    await page
      .getByRole('navigation', { name: en.nav.label })
      .getByRole('link', { name: en.nav.dashboard })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.dashboard.title);
    await expect(page.locator('main')).not.toContainText(/\b(dashboard|taskList|common)\.[a-z]/);
    await switchLanguage(page, 'Tiếng Việt');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(vi.dashboard.title);
    await page
      .getByRole('navigation', { name: vi.nav.label })
      .getByRole('link', { name: vi.nav.taskList })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(vi.taskList.title);
  });

  test('after logout, protected pages are closed, in the browser and at the API', async ({
    page,
    request,
  }) => {
    await logIn(page, 'quantri');
    await page.goto('/admin/users');
    await expect(page.getByRole('table', { name: 'Danh sách người dùng' })).toContainText('btc.chuyenvien');
    await logOut(page);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
    for (const path of ['/agencies', '/admin/users']) {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`/login\\?next=${encodeURIComponent(path)}`));
    }
    const api = await request.get('/trpc/agencies.list');
    expect(api.status()).toBe(401);
  });

  test('the administrator corrects an account’s e-mail; an address another account has is refused, in Vietnamese', async ({
    page,
  }) => {
    await logIn(page, 'quantri');
    await page.goto('/admin/users?q=btc.chuyenvien');
    const row = page.getByRole('row').filter({ hasText: 'btc.chuyenvien' });
    await row.getByRole('button', { name: /^Sửa tài khoản/ }).click();
    const panel = page.getByRole('region', { name: /\(btc\.chuyenvien\)/ });
    const email = panel.getByRole('textbox', { name: /^Thư điện tử/ });
    const save = async () => {
      const answered = page.waitForResponse((r) => r.url().includes('/trpc/users.update'));
      await panel.getByRole('button', { name: 'Lưu thư điện tử' }).click();
      await answered;
    };
    await expect(email).toHaveValue('btc.chuyenvien@giamsat.example');
    await email.fill('btc.lanhdao@giamsat.example');
    await save();
    await expect(panel.locator('.form__error')).toHaveText(
      'Địa chỉ thư điện tử này đang dùng cho một tài khoản khác đang hoạt động. Mỗi địa chỉ chỉ gắn với một tài khoản đang hoạt động: hãy sửa hoặc để trống địa chỉ.',
    );
    await email.fill(' ChuyenVien.TaiChinh@giamsat.example ');
    await save();
    await expect(panel.getByText('Đã lưu địa chỉ thư điện tử.')).toBeVisible();
    await expect(email).toHaveValue('chuyenvien.taichinh@giamsat.example');
    // The demo's address again, for the journeys that read this officer's mails.
    await email.fill('btc.chuyenvien@giamsat.example');
    await save();
    await expect(panel.getByText('Đã lưu địa chỉ thư điện tử.')).toBeVisible();
  });

  test('an agency officer cannot open the administrator’s pages', async ({ page }) => {
    await logIn(page, 'hanoi.chuyenvien');
    await expect(
      page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Người dùng' }),
    ).toHaveCount(0);
    await page.goto('/admin/users');
    await expect(page.getByRole('table')).toHaveCount(0);
    const res = await page.request.get(
      `/trpc/users.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`,
    );
    expect(res.status()).toBe(403);
  });
});
