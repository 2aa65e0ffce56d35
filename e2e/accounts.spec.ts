import { expect, type Page, test } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { keepScreenshot, logIn, logOut } from './helpers';

const SECOND_FACTOR = 'Sai mã xác thực hai lớp';

/** What the person's authenticator app shows, `steps` periods of 30 s from now. */
function codeOf(secret: string, steps = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + steps * 30_000 });
}

/** A tRPC call from the page's own session (superjson's wire shape). */
async function call(page: Page, path: string, input: unknown, method: 'GET' | 'POST') {
  const body = JSON.stringify({ json: input });
  const res =
    method === 'GET'
      ? await page.request.get(`/trpc/${path}?input=${encodeURIComponent(body)}`)
      : await page.request.post(`/trpc/${path}`, {
          data: body,
          headers: { 'content-type': 'application/json' },
        });
  expect(res.status(), `${path} answered`).toBe(200);
  return (await res.json()).result.data.json;
}

async function fillLogin(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

test('an account the administrator opened chooses its own password, sets up two-step login and signs in with a code', async ({
  browser,
  page,
}, testInfo) => {
  const username = `e2e.mfa${Date.now() % 100_000}`;
  const firstPassword = 'Mat-khau-quan-tri-dat-2026';
  const ownPassword = 'Một cụm từ riêng rất dễ nhớ 2026';

  // The administrator opens the account (the users page and its form have their own journeys).
  await logIn(page, 'quantri');
  const found = await call(page, 'agencies.list', { q: 'Bộ Tài chính' }, 'GET');
  const agencyId = found.items.find((a: { nameVi: string }) => a.nameVi === 'Bộ Tài chính').id;
  await call(
    page,
    'users.create',
    { username, fullName: 'Nguyễn Thử Nghiệm', role: 'officer', agencyId, password: firstPassword },
    'POST',
  );

  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const person = await context.newPage();

  // First login: the password the administrator chose must be replaced before anything else opens.
  await fillLogin(person, username, firstPassword);
  await expect(person.getByRole('heading', { name: 'Đổi mật khẩu' })).toBeVisible();
  await expect(person.getByRole('navigation', { name: 'Điều hướng chính' })).toHaveCount(0);
  await person.getByLabel('Mật khẩu hiện tại').fill(firstPassword);
  await person.getByLabel(/^Mật khẩu mới/).fill('matkhau123456');
  await person.getByLabel('Nhập lại mật khẩu mới').fill('matkhau123456');
  await person.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
  // The server's refusal, not the hint (which also speaks of common passwords): waited for before retyping.
  await expect(person.getByText(/Mật khẩu này quá phổ biến hoặc dễ đoán/).first()).toBeVisible();
  await person.getByLabel(/^Mật khẩu mới/).fill(ownPassword);
  await person.getByLabel('Nhập lại mật khẩu mới').fill(ownPassword);
  await person.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
  await expect(person.getByRole('navigation', { name: 'Điều hướng chính' })).toBeVisible();

  // Two-step login is optional for an officer: turned on from the account's security page.
  await person.getByRole('link', { name: 'Bảo mật' }).click();
  await expect(person.getByRole('heading', { name: 'Bảo mật tài khoản' })).toBeVisible();
  await person.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
  const secret = (await person.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await person.getByLabel('Mã xác thực').fill(codeOf(secret));
  await person.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
  await expect(person.getByRole('heading', { name: 'Mã khôi phục' })).toBeVisible();
  await person.getByLabel('Tôi đã lưu các mã khôi phục').check();
  await person.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(person.getByText(/Đang bật từ/)).toBeVisible();
  await logOut(person);

  // The next login asks for a code: a wrong one is refused in Vietnamese, the next period's code opens.
  await fillLogin(person, username, ownPassword);
  await expect(person.getByRole('heading', { name: 'Xác thực hai lớp' })).toBeVisible();
  const near = new Set([-1, 0, 1, 2].map((s) => codeOf(secret, s)));
  const wrong = ['123456', '654321', '000000'].find((c) => !near.has(c)) ?? '111111';
  await person.getByLabel('Mã xác thực').fill(wrong);
  await person.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(person.getByText('Mã không đúng hoặc đã được dùng. Vui lòng thử mã mới.')).toBeVisible();
  await person.setViewportSize({ width: 390, height: 844 });
  await keepScreenshot(person, testInfo, 'mfa-challenge-390');
  // The code of the enrolment's period is spent: the app's next one is taken.
  await person.getByLabel('Mã xác thực').fill(codeOf(secret, 1));
  await person.getByRole('button', { name: 'Xác nhận' }).click();
  // Signed in (on a phone the menu folds behind its button; the live status stays in sight).
  await expect(person.getByTestId('connection-status')).toBeVisible();

  // The administrator sees the refused code among the failed logins.
  await page.goto('/admin/users');
  const failures = page.getByRole('table', { name: 'Các lần đăng nhập không thành công, mới nhất trước' });
  await expect(failures.getByRole('row').filter({ hasText: username }).first()).toContainText(SECOND_FACTOR);
  await context.close();
});
