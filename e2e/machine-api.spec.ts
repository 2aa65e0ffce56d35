import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { pageFor } from './helpers';

/** WCAG 2.2 A/AA and best practice, as e2e/a11y.spec.ts scans every page. */
async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'])
    .analyze();
  return violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * A machine client (issue 18.3, ADR 0034): the administrator issues an API token for Bộ Tài chính's
 * system on the users page (shown once, in a dialog); the system posts progress over the HTTP API with
 * it; the Office's dashboard and task page, already open, show the update live; the token revoked, the
 * next call is refused.
 */
test('a machine client posts progress; the Office sees it live; a revoked token is refused at once', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const admin = await pageFor(browser, 'quantri');
  await admin.goto('/admin/users');
  const section = admin.locator('#api-tokens');
  const systemName = `Phần mềm QLVB ${Date.now().toString(36)}`;
  await section.getByLabel(/Tên hệ thống/).fill(systemName);
  await section.getByRole('combobox', { name: /Cơ quan/ }).fill('tai chinh');
  await admin.getByRole('option', { name: 'Bộ Tài chính' }).first().click();
  await expect(section.getByRole('checkbox', { name: /Cập nhật tiến độ nhiệm vụ/ })).toBeChecked();
  await section.getByRole('button', { name: 'Cấp token' }).click();
  const dialog = admin.getByRole('dialog', { name: new RegExp(systemName) });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('chỉ hiện một lần');
  // The dialog is accessible at 1440 and 390 px, and nothing scrolls sideways on the phone.
  expect(await axeViolations(admin)).toEqual([]);
  await admin.setViewportSize({ width: 390, height: 844 });
  expect(await axeViolations(admin)).toEqual([]);
  expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await admin.screenshot({ path: 'e2e/artifacts/api-token-dialog-390.png' });
  await admin.setViewportSize({ width: 1440, height: 900 });
  const token = await dialog.getByTestId('api-token-value').inputValue();
  expect(token).toMatch(/^dgm_[A-Za-z0-9_-]{43}$/);
  await dialog.getByRole('button', { name: /đóng/ }).click();
  await expect(dialog).toBeHidden();
  expect(await axeViolations(admin)).toEqual([]);
  const row = section.getByRole('row', { name: new RegExp(systemName) });
  await expect(row).toContainText(token.slice(0, 12));
  // The list never shows the token again.
  await expect(section).not.toContainText(token);

  // The published document describes the running server: each documented operation exists there (a
  // call without a token is 401, never 404).
  const openapi = (await (await request.get('/api/v1/openapi.json')).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  for (const [path, operations] of Object.entries(openapi.paths))
    for (const method of Object.keys(operations)) {
      const url = path.replace('{id}', '1').replace('{templateId}', '1').replace('{periodKey}', '2026-M11');
      const res = await request.fetch(url, { method: method.toUpperCase() });
      expect(res.status(), `${method} ${path}`).toBe(401);
    }

  const auth = { authorization: `Bearer ${token}` };
  const tasks = await request.get('/api/v1/tasks?leadOnly=true&pageSize=200', { headers: auth });
  expect(tasks.status()).toBe(200);
  const open = (
    (await tasks.json()) as {
      items: { id: number; status: string; completionState: string | null; title: string }[];
    }
  ).items.find(
    (t) =>
      !['completed_on_time', 'completed_late', 'withdrawn'].includes(t.status) &&
      (t.completionState === null || t.completionState.startsWith('returned')),
  );
  if (!open) throw new Error('Bộ Tài chính has no open task to report on');

  const office = await pageFor(browser, 'vpcp');
  await office.goto('/dashboard');
  await expect(office.getByTestId('connection-status')).toHaveText(/Trực tuyến/);
  const taskPage = await pageFor(browser, 'vpcp');
  await taskPage.goto(`/tasks/${open.id}`);
  await expect(taskPage.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(taskPage.getByTestId('connection-status')).toHaveText(/Trực tuyến/);

  const percent = 40 + (Date.now() % 50);
  const narrative = `Hệ thống tự động báo cáo: đã số hóa ${percent}% hồ sơ.`;
  const key = `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const posted = await request.post(`/api/v1/tasks/${open.id}/progress`, {
    headers: { ...auth, 'idempotency-key': key },
    data: { percent, narrative },
  });
  expect(posted.status(), await posted.text()).toBe(200);

  // The dashboard's feed and the task's page move without a reload.
  await expect(office.getByTestId('activity-feed')).toContainText(`cập nhật tiến độ ${percent} %`, {
    timeout: 5000,
  });
  await expect(taskPage.getByText(narrative).first()).toBeVisible({ timeout: 5000 });

  // A retry of the same request is answered again, and writes nothing more.
  const replay = await request.post(`/api/v1/tasks/${open.id}/progress`, {
    headers: { ...auth, 'idempotency-key': key },
    data: { percent, narrative },
  });
  expect(replay.status()).toBe(200);
  expect(replay.headers()['idempotent-replayed']).toBe('true');
  expect(await replay.json()).toEqual(await posted.json());

  // Revoked on the admin page: the very next call is refused.
  await admin.reload();
  const revokeRow = admin.locator('#api-tokens').getByRole('row', { name: new RegExp(systemName) });
  await revokeRow.getByRole('button', { name: /Thu hồi token/ }).click();
  await revokeRow.getByRole('button', { name: 'Thu hồi', exact: true }).click();
  await expect(admin.locator('#api-tokens').getByText(`Đã thu hồi token “${systemName}”.`)).toBeVisible();
  const refused = await request.get('/api/v1/me', { headers: auth });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).message.vi).toContain('thu hồi');
});
