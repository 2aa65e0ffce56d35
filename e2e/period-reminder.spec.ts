import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { pageFor } from './helpers';
import { settle } from './pages';

/**
 * Issue 16 on the compliance page: the Office reminds every agency whose report of a period is missing
 * at once. The server says how many before anything is sent (the same number as the page's list of
 * agencies missing that period), the Office confirms in a modal dialog (axe-clean, within a 320 px
 * screen, Escape closes it and gives the focus back), then the page says how many were reminded. Other
 * oversight roles see the heatmap without the action.
 */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
const MESSAGE = 'Đề nghị các cơ quan gửi ngay báo cáo kỳ này lên Hệ thống.';

async function axe(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

test('the Office reminds every agency missing a period’s report, after confirming how many', async ({
  browser,
}) => {
  const office = await pageFor(browser, 'vpcp');
  await office.goto('/reports/compliance');
  await settle(office);
  await office.getByLabel('Cấp cơ quan').selectOption('central');
  await settle(office);
  const form = office.getByRole('form', { name: 'Đôn đốc cả kỳ' });
  await expect(form.getByText('Theo bộ lọc cấp đang chọn, chỉ nhắc các cơ quan: Trung ương.')).toBeVisible();
  const period = form.getByLabel(/^Kỳ báo cáo/);
  const name = ((await period.locator('option:checked').textContent()) ?? '').trim();
  const inSentence = name.charAt(0).toLocaleLowerCase('vi') + name.slice(1);
  // The page's own list of agencies missing that period, at the level shown.
  const listed = office.locator('.compliance__missing summary', { hasText: `Chưa nộp kỳ ${inSentence} (` });
  await expect(listed).toHaveCount(1);
  const count = Number(/\((\d+) cơ quan\)/.exec((await listed.textContent()) ?? '')?.[1]);
  expect(count).toBeGreaterThan(0);

  const ask = form.getByRole('button', { name: 'Đôn đốc các cơ quan chưa gửi' });
  await ask.click();
  await expect(form.getByRole('link', { name: 'Vui lòng nhập lời nhắc.' })).toBeVisible();
  await form.getByLabel(/^Lời nhắc/).fill(MESSAGE);
  await ask.click();
  const dialog = office.getByRole('dialog', { name: 'Xác nhận đôn đốc cả kỳ' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(
    `Lời nhắc sẽ được gửi tới ${count} cơ quan chưa gửi báo cáo kỳ ${inSentence}.`,
  );
  await expect(dialog.getByRole('button', { name: 'Hủy' })).toBeFocused();
  expect(await axe(office)).toEqual([]);

  // Escape sends nothing and gives the focus back to the button that opened the dialog.
  await office.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(ask).toBeFocused();

  // On a 320 px phone the dialog fits: nothing beyond the screen's edges.
  await office.setViewportSize({ width: 320, height: 640 });
  await ask.click();
  await expect(dialog).toBeVisible();
  const box = await dialog.boundingBox();
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? 999)).toBeLessThanOrEqual(320);
  expect(await office.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  expect(await axe(office)).toEqual([]);
  await office.screenshot({ path: 'e2e/artifacts/pages/office-period-reminder-dialog-320.png' });

  await dialog.getByRole('button', { name: 'Gửi đôn đốc' }).click();
  await expect(dialog).toBeHidden();
  const result = office.getByRole('status').filter({ hasText: `Đã nhắc ${count} cơ quan.` });
  await expect(result).toBeFocused();
  await office.screenshot({ path: 'e2e/artifacts/pages/office-period-reminder-done-320.png' });
  await office.context().close();

  // The inspector reads the same heatmap without the Office's action.
  const inspector = await pageFor(browser, 'thanhtra');
  await inspector.goto('/reports/compliance');
  await settle(inspector);
  await expect(inspector.getByRole('heading', { name: 'Cơ quan chưa nộp theo kỳ' })).toBeVisible();
  await expect(inspector.getByRole('form', { name: 'Đôn đốc cả kỳ' })).toHaveCount(0);
  await inspector.context().close();
});
