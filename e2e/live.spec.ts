import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, logIn } from './helpers';

async function pageFor(browser: Browser, username: string, baseURL?: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseURL ?? test.info().project.use.baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  await logIn(page, username);
  return page;
}

async function postProgressViaUi(page: Page, percent: number, narrative: string) {
  await page.goto('/inbox');
  const firstOwnTask = page
    .locator('tbody tr')
    .filter({ hasText: 'Chủ trì' })
    .filter({ hasNotText: 'Hoàn thành' })
    .first();
  await firstOwnTask.getByRole('link').first().click();
  const progress = page.getByRole('region', { name: 'Cập nhật tiến độ' });
  await progress.getByLabel('Phần trăm hoàn thành').fill(String(percent));
  await progress.getByLabel('Diễn giải').fill(narrative);
  await progress.getByRole('button', { name: 'Gửi cập nhật tiến độ' }).click();
  await expect(page.getByText(`Cập nhật tiến độ: ${percent} %`).first()).toBeVisible();
}

test('the Office dashboard follows a ministry’s progress within a second, without reloading', async ({
  browser,
}) => {
  const office = await pageFor(browser, 'vpcp');
  await office.goto('/dashboard');
  await expect(office.getByTestId('connection-status')).toHaveText(/Trực tuyến/);
  await office.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });

  // What follows the feed on the page: a change arriving must not push it down (the feed keeps its box).
  const belowFeed = office.locator('.activity-feed + *');
  const topBefore = (await belowFeed.boundingBox())?.y;
  expect(topBefore).toBeDefined();

  const ministry = await pageFor(browser, 'btc.chuyenvien');
  await postProgressViaUi(ministry, 37, 'Đã lắp đặt hạ tầng máy chủ cho hệ thống.');
  const posted = Date.now();
  const feed = office.getByTestId('activity-feed');
  await expect(feed).toContainText('cập nhật tiến độ 37 %', { timeout: 1000 });
  console.log(`[live] ministry write → Office dashboard: ${Date.now() - posted} ms after the form confirmed`);
  await expect(feed).toContainText('Bộ Tài chính');
  expect((await belowFeed.boundingBox())?.y).toBe(topBefore);
  expect(
    await office.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
  ).toBe(true);
});

test('a page whose server restarts says it is reconnecting, then catches up by itself', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const port = Number(process.env.E2E_PORT ?? 3900) + 57;
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dgm-e2e-restart-'));
  const start = async (): Promise<ChildProcess> => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        SEED_COMMUNES: '20',
        LOG_LEVEL: 'warn',
        LOGIN_RATE_LIMIT_PER_MINUTE: '500',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const until = Date.now() + 120_000;
    while ((await fetch(`${base}/healthz`).catch(() => null))?.status !== 200) {
      if (Date.now() > until || child.exitCode !== null) {
        throw new Error(`the server did not start (exit ${child.exitCode}): ${stderr.slice(-2000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return child;
  };
  let server = await start();
  try {
    const office = await pageFor(browser, 'vpcp', base);
    await office.goto('/dashboard');
    const status = office.getByTestId('connection-status');
    await expect(status).toHaveText(/Trực tuyến/);

    server.kill('SIGKILL');
    await expect(status).toHaveText(/Đang kết nối lại/, { timeout: 60_000 });

    // While it is down, a proxy in front answers 502 for a while: the browser's EventSource gives up
    // on an HTTP error, so the page itself must start the stream again.
    const proxy = createServer((_req, res) => res.writeHead(502).end('Bad Gateway'));
    await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
    await expect
      .poll(async () => (await fetch(`${base}/trpc/live.changes`).catch(() => null))?.status ?? 0)
      .toBe(502);
    await office.waitForTimeout(4000);
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
    proxy.closeAllConnections();

    server = await start();
    // A change made right after the restart, possibly before the page is back: it must still arrive.
    const login = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ json: { username: 'btc.chuyenvien', password: DEMO_PASSWORD } }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const inbox = await fetch(
      `${base}/trpc/tasks.inbox?input=${encodeURIComponent(JSON.stringify({ json: { status: ['in_progress', 'overdue'], pageSize: 50 } }))}`,
      { headers: { cookie } },
    );
    const items = (await inbox.json()).result.data.json.items as { id: number; leadNameVi: string }[];
    const taskId = items.find((i) => i.leadNameVi === 'Bộ Tài chính')?.id;
    const write = await fetch(`${base}/trpc/tasks.postProgress`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, cookie },
      body: JSON.stringify({
        json: {
          taskId,
          percent: 63,
          narrative: 'Sau khi máy chủ khởi động lại',
          idempotencyKey: `e2e-restart-${Date.now()}`,
        },
      }),
    });
    expect(write.status).toBe(200);

    await expect(status).toHaveText(/Trực tuyến/, { timeout: 60_000 });
    await expect(office.getByTestId('activity-feed')).toContainText('cập nhật tiến độ 63 %', {
      timeout: 15_000,
    });
  } finally {
    server.kill('SIGTERM');
  }
});
