import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { keepScreenshot, pageFor } from './helpers';

/**
 * Escalation rules (issue 16, point 3): the administrator edits a rule (a wrong figure refused in
 * Vietnamese, then saved); an overdue task's page says since when and why it is red (the job ran at
 * the server's start over the demo data).
 */
test('the administrator edits an escalation rule; an overdue task says why it is red', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const admin = await pageFor(browser, 'quantri');
  await admin.goto('/admin/holidays');
  await admin.getByRole('link', { name: 'Quy tắc leo thang nhiệm vụ chậm' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Quy tắc leo thang' })).toBeVisible();
  const yellow = admin.getByRole('region', { name: 'Vàng: đã qua một phần thời hạn mà tiến độ thấp' });
  await yellow.getByLabel(/Tiến độ dưới/).fill('150');
  await yellow.getByRole('button', { name: 'Lưu quy tắc' }).click();
  await expect(yellow.getByText('Tiến độ dưới (%) vượt quá giới hạn cho phép.').first()).toBeVisible();
  await yellow.getByLabel(/Tiến độ dưới/).fill('40');
  await yellow.getByRole('button', { name: 'Lưu quy tắc' }).click();
  await expect(yellow.getByText(/Đã lưu quy tắc/)).toBeVisible();
  await expect(yellow.getByText(/Sửa lần cuối/)).toBeVisible();
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
  const { violations } = await new AxeBuilder({ page: admin }).withTags(tags).analyze();
  expect(violations.map((v) => `${v.id} ${v.help} — ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  await keepScreenshot(admin, testInfo, 'escalation-rules');

  const office = await pageFor(browser, 'vpcp');
  await office.goto('/tasks?status=overdue');
  await office.locator('main a[href^="/tasks/"]').first().click();
  const line = office.getByRole('region', { name: 'Mức cảnh báo' });
  await expect(line.getByText(/Đỏ từ \d\d\/\d\d\/\d{4} vì (đã )?quá hạn/)).toBeVisible({ timeout: 30_000 });
  await keepScreenshot(office, testInfo, 'task-escalation');
});
