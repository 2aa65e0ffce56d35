import { expect, test } from '@playwright/test';
import { currentMonthlyPeriod, decide, keepScreenshot, pageFor } from './helpers';

/**
 * The periodic-report journey of issue 5: a province officer drafts, leaves, comes back and submits;
 * the leader approves; the Office returns it with a comment; the officer corrects and resubmits; the
 * Office accepts; the compliance heatmap shows it; an inspector reads both revisions.
 */

test('a province’s monthly report from draft to acceptance, with a correction', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const period = currentMonthlyPeriod().inSentence;
  const officer = await pageFor(browser, 'hanoi.chuyenvien');
  await officer.goto('/reports');
  await officer.getByRole('link', { name: new RegExp(`thực hiện nhiệm vụ.*kỳ ${period}`) }).click();
  // A report not started opens straight into its form, the counts the system holds filled in and
  // shown beside each box; the first save creates the draft.
  const assigned = officer.getByLabel(/Số nhiệm vụ được giao/);
  await expect(assigned).not.toHaveValue('');
  const held = await assigned.inputValue();
  await expect(officer.getByText(/^Số liệu hệ thống: /).first()).toBeVisible();
  await officer.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(officer.getByText(/Đã lưu bản nháp|Đã tự động lưu/)).toBeVisible();
  const newUrl = officer.url();

  // Leaves, comes back: the draft is there, on the report's own page.
  await officer.goto('/');
  await officer.goto(newUrl);
  await expect(officer).toHaveURL(/\/reports\/submissions\/\d+$/);
  const url = officer.url();
  await expect(assigned).toHaveValue(held);
  // The officer counts one task more than the system holds: a difference that needs explaining.
  await assigned.fill(String(Number(held.replace(/\./g, '')) + 1));
  const warning = officer.getByRole('group', { name: /Cảnh báo/ }).first();
  await expect(warning).toBeVisible();
  await warning
    .getByLabel('Giải trình')
    .fill('Một nhiệm vụ giao bằng văn bản giấy chưa được nhập vào hệ thống.');
  // Sending goes through a review of every figure, each with a way back to it.
  await officer.getByRole('button', { name: 'Xem lại trước khi gửi' }).click();
  const review = officer.getByRole('heading', { name: 'Kiểm tra lại số liệu trước khi gửi' });
  await expect(review).toBeFocused();
  await officer.getByRole('link', { name: /^Sửa Số nhiệm vụ được giao/ }).click();
  await expect(assigned).toBeFocused();
  await officer.getByRole('button', { name: 'Xem lại trước khi gửi' }).click();
  await keepScreenshot(officer, testInfo, 'reports-check-your-answers');
  await officer.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(officer.getByText('Đã gửi, chờ lãnh đạo duyệt').first()).toBeVisible();
  // The page says what happens next, where the focus now is.
  await expect(
    officer.getByRole('status').filter({ hasText: /Tiếp theo: lãnh đạo cơ quan duyệt/ }),
  ).toBeFocused();

  const leader = await pageFor(browser, 'hanoi.lanhdao');
  await decide(leader, url, 'Duyệt', 'Lãnh đạo đã duyệt, chờ VPCP');

  const office = await pageFor(browser, 'vpcp');
  await decide(
    office,
    url,
    'Trả lại',
    'Bị trả lại',
    'Số nhiệm vụ được giao chưa khớp với hệ thống theo dõi.',
  );

  await officer.goto(url);
  await expect(officer.getByText('Bị trả lại').first()).toBeVisible();
  await assigned.fill(held);
  await expect(officer.getByRole('group', { name: /Cảnh báo/ })).toHaveCount(0);
  await officer.getByRole('button', { name: 'Xem lại trước khi gửi' }).click();
  await officer.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(officer.getByText('Đã gửi, chờ lãnh đạo duyệt').first()).toBeVisible();
  await decide(leader, url, 'Duyệt', 'Lãnh đạo đã duyệt, chờ VPCP');
  await decide(office, url, 'Chấp nhận', 'Đã được chấp nhận');

  // The compliance heatmap shows the province's report for the period.
  await office.goto('/reports/compliance');
  const regime = office.getByLabel('Chế độ báo cáo');
  const option = regime.locator('option', { hasText: 'thực hiện nhiệm vụ Chính phủ' });
  await regime.selectOption((await option.getAttribute('value')) ?? '');
  const row = office.getByRole('row').filter({ hasText: 'Thành phố Hà Nội' }).first();
  // The month is still being collected: sent before its deadline, it counts when the period falls due.
  await expect(row).toContainText(/Nộp sớm|Đúng hạn/);
  await keepScreenshot(office, testInfo, 'reports-compliance');

  // The inspector reads both revisions, with the Office's comment on the first.
  const inspector = await pageFor(browser, 'thanhtra');
  await inspector.goto(url);
  await expect(inspector.getByRole('heading', { name: 'Phiên bản 1' })).toBeVisible();
  await expect(inspector.getByRole('heading', { name: /^Phiên bản 2/ })).toBeVisible();
  await expect(inspector.getByText('Số nhiệm vụ được giao chưa khớp với hệ thống theo dõi.')).toBeVisible();
  await keepScreenshot(inspector, testInfo, 'reports-revisions');
});
