import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { currentMonthlyPeriod, keepScreenshot, pageFor } from './helpers';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

async function axe(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * Issue 18, point 4: the Ministry of Health's officer (not the Ministry of Finance's, whose month's draft
 * the keyboard journey fills) downloads the monthly report's Excel form, fills
 * it badly (a fraction where a whole number goes): the cells are listed, nothing saved, the form on
 * screen unchanged; fills it right: the draft holds the figures. Axe at 1440 and 390 px.
 */
test('a report filled in Excel: refused cell by cell, then saved as the draft', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const period = currentMonthlyPeriod().inSentence;
  const officer = await pageFor(browser, 'cb.byt');
  await officer.goto('/reports');
  await officer.getByRole('link', { name: new RegExp(`thực hiện nhiệm vụ.*kỳ ${period}`) }).click();
  const assigned = officer.getByLabel(/Số nhiệm vụ được giao/);
  await expect(assigned).toBeVisible();
  const before = await assigned.inputValue();

  await officer.getByText('Nhập số liệu bằng Excel').click();
  const [download] = await Promise.all([
    officer.waitForEvent('download'),
    officer.getByRole('link', { name: 'Tải biểu mẫu Excel' }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await download.path()) as string)) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Báo cáo') as ExcelJS.Worksheet;
  sheet.getCell('C7').value = 12.5;
  sheet.getCell('C8').value = 3;
  sheet.getCell('C9').value = 1;
  const bad = testInfo.outputPath('bad.xlsx');
  await workbook.xlsx.writeFile(bad);

  await officer.getByLabel('Biểu mẫu đã điền (.xlsx)').setInputFiles(bad);
  await officer.getByRole('button', { name: 'Tải lên' }).click();
  const refusal = officer.getByRole('alert').filter({ hasText: 'chưa có gì được lưu' });
  await expect(refusal).toBeFocused();
  await expect(refusal.getByRole('listitem')).toHaveText(['C7: phải là số nguyên']);
  await expect(assigned).toHaveValue(before);
  for (const size of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    await officer.setViewportSize(size);
    expect(await axe(officer)).toEqual([]);
  }
  await keepScreenshot(officer, testInfo, 'excel-form-refused');

  sheet.getCell('C7').value = 40;
  const good = testInfo.outputPath('good.xlsx');
  await workbook.xlsx.writeFile(good);
  await officer.getByLabel('Biểu mẫu đã điền (.xlsx)').setInputFiles(good);
  await officer.getByRole('button', { name: 'Tải lên' }).click();
  await expect(officer).toHaveURL(/\/reports\/submissions\/\d+$/);
  await expect(officer.getByLabel(/Số nhiệm vụ được giao/)).toHaveValue('40');
  await expect(officer.getByLabel(/Số nhiệm vụ đã hoàn thành/)).toHaveValue('3');

  // On the draft's own page, a second upload replaces the figures shown (the page's version goes with it).
  sheet.getCell('C7').value = '1.200';
  const again = testInfo.outputPath('again.xlsx');
  await workbook.xlsx.writeFile(again);
  await officer.getByText('Nhập số liệu bằng Excel').click();
  await officer.getByLabel('Biểu mẫu đã điền (.xlsx)').setInputFiles(again);
  await officer.getByRole('button', { name: 'Tải lên' }).click();
  await expect(
    officer.getByRole('status').filter({ hasText: 'Đã lưu bản nháp từ tệp Excel.' }),
  ).toBeVisible();
  await expect(officer.getByLabel(/Số nhiệm vụ được giao/)).toHaveValue('1.200');
});

/** Issue 18, point 4: the Office imports a document's tasks from a sheet, previewed before anything is saved. */
test('a document’s tasks from Excel: problems by row, a preview, then registered with the document', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const office = await pageFor(browser, 'vpcp');
  await office.goto('/documents/new');
  await office.getByText('Nhập nhiệm vụ từ Excel').click();
  const [download] = await Promise.all([
    office.waitForEvent('download'),
    office.getByRole('link', { name: 'Tải mẫu danh sách nhiệm vụ' }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await download.path()) as string)) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Nhiệm vụ') as ExcelJS.Worksheet;
  sheet.addRow([
    'Chuẩn hóa dữ liệu tài chính công',
    '',
    'bo tai chinh',
    'Bộ Y tế',
    '31/12/2026',
    2,
    'Cao',
    'x',
  ]);
  sheet.addRow(['Kết nối dữ liệu y tế', '', 'Bộ Tài chánh', '', '15/03/2027', '', '', '']);
  const bad = testInfo.outputPath('tasks-bad.xlsx');
  await workbook.xlsx.writeFile(bad);
  await office.getByLabel('Danh sách nhiệm vụ (.xlsx)').setInputFiles(bad);
  await office.getByRole('button', { name: 'Tải lên' }).click();
  await expect(office.getByText('Dòng 3, cột C: không tìm thấy cơ quan “Bộ Tài chánh”')).toBeVisible();
  await expect(office.getByRole('button', { name: /Đưa 1 nhiệm vụ vào văn bản/ })).toBeDisabled();
  for (const size of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    await office.setViewportSize(size);
    expect(await axe(office)).toEqual([]);
  }
  await keepScreenshot(office, testInfo, 'task-import-problems');

  sheet.getCell('C3').value = 'Bộ Y tế';
  const good = testInfo.outputPath('tasks-good.xlsx');
  await workbook.xlsx.writeFile(good);
  await office.getByLabel('Danh sách nhiệm vụ (.xlsx)').setInputFiles(good);
  await office.getByRole('button', { name: 'Tải lên' }).click();
  await office.getByRole('button', { name: 'Đưa 2 nhiệm vụ vào văn bản' }).click();
  await expect(office.getByRole('group', { name: 'Nhiệm vụ 2' })).toBeVisible();
  await office.getByLabel('Số hiệu').fill('77/QĐ-TTg');
  await office.getByLabel('Ngày ban hành').fill('01/12/2026');
  await office.getByLabel('Người ký').fill('Thủ tướng Chính phủ');
  await office.getByLabel('Trích yếu').fill('Quyết định giao nhiệm vụ nhập từ Excel');
  await office.getByRole('button', { name: 'Đăng ký văn bản' }).click();
  await expect(office).toHaveURL(/\/documents\/\d+$/);
  await expect(office.getByText('Chuẩn hóa dữ liệu tài chính công')).toBeVisible();
  await expect(office.getByText('Kết nối dữ liệu y tế')).toBeVisible();
});
