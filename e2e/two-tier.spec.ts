import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { keepScreenshot, pageFor } from './helpers';

/**
 * Two-tier local government (issue 17): Hà Nội breaks a Government task it leads into three commune
 * tasks and one for its science and technology department (the picker lists its departments apart
 * from its communes); the department's officer finds it in its inbox; a commune posts progress on its part; the province's roll-up of its communes and the
 * Government task's parts move live, without reloading; a commune's report accepted by the province is
 * sent up as the province's computed figure, signed off by its leader, and lands in the Office's
 * compliance. Named to run last: it adds tasks and reports other journeys count.
 */

/** The total of the roll-up's status table: every task the province's communes lead. */
async function communeTaskTotal(page: Page): Promise<number> {
  const total = page
    .getByRole('table', { name: /Số nhiệm vụ theo trạng thái, cộng của các xã/ })
    .getByRole('row', { name: /Tổng cộng/ });
  return Number((await total.innerText()).replace(/\D/g, ''));
}

test('Hà Nội assigns onward to its communes, follows them live, and sends their reports up', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const province = await pageFor(browser, 'hanoi.chuyenvien');
  const leader = await pageFor(browser, 'hanoi.lanhdao');
  const commune = await pageFor(browser, 'xa.chuyenvien');
  // The commune's name, as its officer's header says it ("Chuyên viên · Xã …").
  const badge = await commune.locator('.user-badge__meta').innerText();
  const communeName = badge.match(/(Xã|Phường|Đặc khu) [^·]+/)?.[0]?.trim() ?? '';
  expect(communeName).toMatch(/^(Xã|Phường|Đặc khu) /);

  // The province's leader watches the communes' roll-up, from the menu.
  await leader.getByRole('link', { name: 'Cấp xã' }).click();
  await expect(leader.getByRole('heading', { name: 'Tổng hợp cấp xã: Thành phố Hà Nội' })).toBeVisible();
  await expect(leader.getByTestId('connection-status')).toHaveText(/Trực tuyến/);
  const before = await communeTaskTotal(leader);
  await leader.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });

  // The province's officer opens a Government task Hà Nội leads, still in progress.
  await province.goto('/inbox');
  await province
    .locator('tbody tr')
    .filter({ hasText: 'Chủ trì' })
    .filter({ hasText: 'Đang thực hiện trong hạn' })
    .first()
    .getByRole('link')
    .first()
    .click();
  const parentUrl = province.url();
  const breakDown = province.getByRole('region', { name: 'Giao tiếp cho xã, sở' });
  const intro = await breakDown.getByText(/thời hạn không sau/).innerText();
  const parentDeadline = intro.match(/\d{2}\/\d{2}\/\d{4}/)?.[0] ?? '';
  expect(parentDeadline).not.toBe('');

  const ownPart = 'Rà soát thủ tục hành chính cấp xã';
  const parts = [ownPart, 'Số hoá hồ sơ một cửa', 'Tập huấn cán bộ một cửa'];
  for (const [i, title] of parts.entries()) {
    await breakDown.getByLabel('Tên phần việc').fill(title);
    const picker = breakDown.getByRole('combobox', { name: /Đơn vị chủ trì/ });
    // The first part to the commune whose officer follows it; the others to any of Hà Nội's communes
    // (the picker's group of communes: "xa" matches departments too, "Sở Xây dựng").
    await picker.fill(i === 0 ? communeName.replace(/^(Xã|Phường|Đặc khu) /, '') : 'xa');
    await province
      .getByRole('group', { name: 'Cấp xã' })
      .getByRole('option', i === 0 ? { name: communeName } : undefined)
      .nth(i)
      .click();
    await breakDown.getByLabel('Thời hạn').fill(parentDeadline);
    await breakDown.getByRole('button', { name: 'Giao phần việc' }).click();
    await expect(province.getByRole('link', { name: title })).toBeVisible();
  }
  // A fourth part for Sở Khoa học và Công nghệ: the departments listed under their own heading, the
  // open list accessible at both widths.
  const departmentPart = 'Kết nối dữ liệu khoa học và công nghệ với nền tảng của thành phố';
  await breakDown.getByLabel('Tên phần việc').fill(departmentPart);
  await breakDown.getByRole('combobox', { name: /Đơn vị chủ trì/ }).fill('so');
  const departments = province.getByRole('group', { name: 'Sở, ban, ngành' });
  await expect(departments.getByRole('option').first()).toBeVisible();
  for (const size of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    await province.setViewportSize(size);
    const { violations } = await new AxeBuilder({ page: province })
      .include('.combobox-field')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'])
      .analyze();
    expect(violations.map((v) => `${size.width}: ${v.id} ${v.help}`)).toEqual([]);
  }
  await province.setViewportSize({ width: 1440, height: 900 });
  await departments.getByRole('option', { name: /^Sở Khoa học và Công nghệ thành phố Hà Nội/ }).click();
  await breakDown.getByLabel('Thời hạn').fill(parentDeadline);
  await breakDown.getByRole('button', { name: 'Giao phần việc' }).click();
  await expect(province.getByRole('link', { name: departmentPart })).toBeVisible();
  const partsSection = province.getByRole('region', { name: 'Phần việc đã giao tiếp cho xã, sở' });
  await expect(partsSection).toContainText('Tỉnh đã giao tiếp 4 phần việc');
  // The department's officer has it in its inbox.
  const department = await pageFor(browser, 'hanoi.sokhcn');
  await department.goto('/inbox');
  await expect(department.getByRole('link', { name: departmentPart }).first()).toBeVisible();

  // The roll-up counts the three new commune tasks, not the department's, without reloading.
  await expect.poll(() => communeTaskTotal(leader), { timeout: 5_000 }).toBe(before + 3);
  expect(
    await leader.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
  ).toBe(true);
  // The roll-up with its figures: accessible (WCAG 2.2 AA and best practice) and readable on a phone.
  for (const size of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    await leader.setViewportSize(size);
    const { violations } = await new AxeBuilder({ page: leader })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'])
      .analyze();
    expect(violations.map((v) => `${size.width}: ${v.id} ${v.help}`)).toEqual([]);
    expect(await leader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
  }
  await keepScreenshot(leader, testInfo, 'two-tier-rollup-390');

  // The commune posts progress on its part; the Government task's page shows it live.
  await commune.goto('/inbox');
  await commune.getByRole('link', { name: ownPart }).first().click();
  await expect(commune.getByText('Thuộc nhiệm vụ')).toBeVisible();
  const progress = commune.getByRole('region', { name: 'Cập nhật tiến độ' });
  await progress.getByLabel('Phần trăm hoàn thành').fill('40');
  await progress.getByLabel('Diễn giải').fill('Đã rà soát 12 thủ tục tại bộ phận một cửa.');
  await progress.getByRole('button', { name: 'Gửi cập nhật tiến độ' }).click();
  await expect(commune.getByText('Cập nhật tiến độ: 40 %').first()).toBeVisible();
  expect(province.url()).toBe(parentUrl);
  await expect(partsSection.getByRole('row', { name: new RegExp(ownPart) })).toContainText('40', {
    timeout: 5_000,
  });
  await keepScreenshot(province, testInfo, 'two-tier-parts');

  // A commune's report: the province accepts it and sends the computed sum up to the Office.
  await province.goto('/reports/communes');
  const decideLink = province
    .getByRole('link', { name: new RegExp(`Xem và quyết định báo cáo của ${communeName}`) })
    .first();
  const period = (await decideLink.getAttribute('aria-label'))?.match(/kỳ (\S+)$/)?.[1] ?? '';
  expect(period).toMatch(/^\d{4}-Q\d$/);
  await decideLink.click();
  await province.getByRole('button', { name: 'Chấp nhận', exact: true }).click();
  await expect(province.getByText('Đã được chấp nhận').first()).toBeVisible();
  await province.goto('/reports/communes');
  // The period's own section of the province's figures (the page's other periods have theirs).
  const figure = province
    .getByRole('heading', { name: new RegExp(`kỳ ${period}$`) })
    .locator('xpath=ancestor::section[1]');
  await figure
    .getByRole('button', { name: /Gửi số liệu tổng hợp lên Văn phòng Chính phủ|Tính lại và gửi lên/ })
    .click();
  await expect(figure.getByText(/Đã gửi số liệu tổng hợp/)).toBeVisible();
  await figure.getByRole('link', { name: 'Xem báo cáo của tỉnh' }).click();
  const provinceReport = province.url();

  await leader.goto(provinceReport);
  await expect(leader.getByText(/tổng báo cáo đã được chấp nhận của \d+\/\d+ đơn vị cấp xã/)).toBeVisible();
  await leader.getByRole('button', { name: 'Duyệt', exact: true }).click();
  await expect(leader.getByText('Lãnh đạo đã duyệt, chờ VPCP').first()).toBeVisible();

  // The Office's compliance shows Hà Nội's report for the regime, awaiting its acceptance.
  const office = await pageFor(browser, 'vpcp');
  await office.goto('/reports/compliance');
  const regime = office.getByLabel('Chế độ báo cáo');
  const option = regime.locator('option', { hasText: 'BC-MOTCUA-XA' });
  await regime.selectOption((await option.getAttribute('value')) ?? '');
  const row = office.getByRole('row').filter({ hasText: 'Thành phố Hà Nội' }).first();
  await expect(row).toContainText(/chờ VPCP tiếp nhận/i);
  await keepScreenshot(office, testInfo, 'two-tier-compliance');
});
