import { expect, test } from '@playwright/test';
import { keepScreenshot, logIn } from './helpers';

/**
 * The administrator keeps the reporting regimes: the monthly template already has submissions, so
 * changing it makes version 2 (said before saving) and the history shows both; then a holiday is
 * added to the calendar the deadlines are counted over.
 */
test('the administrator versions a template in use and keeps the holiday calendar', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const nextYear = new Date().getUTCFullYear() + 1;
  await logIn(page, 'quantri');

  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Chế độ báo cáo' })
    .click();
  await expect(page.getByRole('heading', { name: 'Chế độ báo cáo (mẫu báo cáo)' })).toBeVisible();
  await page.getByRole('link', { name: 'Mở chế độ BC-NV-THANG' }).click();

  // In use: the page says a new version will be made, before anything is saved.
  const notice = page.getByTestId('version-notice');
  await expect(notice).toContainText('tạo phiên bản 2');
  const save = page.getByRole('button', { name: 'Lưu thành phiên bản 2' });
  await expect(save).toBeVisible();

  await page.getByLabel(/^Áp dụng từ kỳ/).fill(`${nextYear}-M01`);
  await page.getByLabel(/^Số ngày làm việc/).fill('3');
  const added = page.getByRole('group', { name: /^Chỉ tiêu \d+$/ });
  const before = await added.count();
  await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
  const last = page.getByRole('group', { name: `Chỉ tiêu ${before + 1}` });
  await last.getByLabel(/^Mã chỉ tiêu/).fill('key_tasks_overdue');
  await last.getByLabel(/^Nhãn tiếng Việt/).fill('Số nhiệm vụ trọng tâm quá hạn');
  await last.getByLabel(/^Nhãn tiếng Anh/).fill('Overdue key tasks');
  await last.getByRole('checkbox', { name: 'Bắt buộc' }).uncheck();
  await keepScreenshot(page, testInfo, 'templates-edit-in-use');
  await save.click();

  // Version 2 opens; the history lists both versions, version 1 ending just before it.
  await expect(page.getByRole('status').filter({ hasText: 'Đã tạo phiên bản 2.' })).toBeVisible();
  const history = page.getByTestId('version-history');
  await expect(history.getByRole('row', { name: /Phiên bản 2 \(đang mở\)/ })).toContainText(
    `Tháng 01/${nextYear}`,
  );
  await expect(history.getByRole('link', { name: 'Phiên bản 1' })).toBeVisible();
  await expect(history.getByRole('row', { name: /Phiên bản 1/ })).toContainText(`Tháng 12/${nextYear - 1}`);
  await expect(page.getByTestId('version-notice')).toContainText('chưa có báo cáo nào');
  await keepScreenshot(page, testInfo, 'templates-version-history');

  // The holiday calendar.
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Lịch ngày nghỉ' })
    .click();
  await expect(page.getByText(/Hạn nộp báo cáo tính theo ngày làm việc/)).toBeVisible();
  await page.getByLabel(/^Ngày/).fill(`09/03/${nextYear}`);
  await page.getByLabel(/^Tên tiếng Việt/).fill('Nghỉ bù thử nghiệm');
  await page.getByLabel(/^Tên tiếng Anh/).fill('Trial day off');
  await page.getByRole('button', { name: 'Thêm ngày nghỉ' }).click();
  await expect(page.getByText(`Đã thêm ngày nghỉ 09/03/${nextYear}.`)).toBeVisible();
  await expect(page.getByLabel('Năm', { exact: true })).toHaveValue(String(nextYear));
  await expect(
    page.getByTestId('holiday-table').getByRole('row', { name: /Nghỉ bù thử nghiệm/ }),
  ).toContainText(`09/03/${nextYear}`);
  await keepScreenshot(page, testInfo, 'holidays');
});
