import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { pageFor } from './helpers';

/** The PDF the page's "Tải PDF" downloads, with the signer's name given: its name and its pages' text. */
async function downloadSigned(page: Page, signer: string) {
  await page.getByText('Thông tin ký ban hành (bản PDF)').click();
  await page.getByLabel('Họ và tên người ký').fill(signer);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Tải PDF' }).click(),
  ]);
  const file = await readFile((await download.path()) ?? '');
  expect(file.subarray(0, 5).toString()).toBe('%PDF-');
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(file)));
  return { name: download.suggestedFilename(), text: text.map((p) => p.replace(/\s+/g, ' ')).join(' ') };
}

test('the compliance page downloads its report as a PDF to sign, for the level chosen', async ({
  browser,
}) => {
  const office = await pageFor(browser, 'vpcp');
  await office.goto('/reports/compliance');
  await expect(office.getByRole('table').first()).toBeVisible();
  await office.getByLabel('Cấp cơ quan').selectOption('central');
  const pdf = await downloadSigned(office, 'Trần Thị Bình');
  expect(pdf.name).toMatch(/^tinh-hinh-chap-hanh-che-do-bao-cao-.+-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(pdf.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(pdf.text).toContain('Tình hình chấp hành chế độ báo cáo');
  expect(pdf.text).toContain('cơ quan trung ương');
  expect(pdf.text).toContain('Trần Thị Bình');
  await office.context().close();
});

test('the KPI overview downloads its report as a PDF to sign, for an agency officer too', async ({
  browser,
}) => {
  const officer = await pageFor(browser, 'btc.chuyenvien');
  await officer.goto('/kpis');
  await expect(officer.getByRole('heading', { name: 'Chỉ tiêu của Chương trình', level: 1 })).toBeVisible();
  const pdf = await downloadSigned(officer, 'Lê Văn Cường');
  expect(pdf.name).toMatch(/^ket-qua-thuc-hien-chi-tieu-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(pdf.text).toContain('Kết quả thực hiện các chỉ tiêu của Chương trình phát triển Chính phủ số');
  expect(pdf.text).toContain('Nơi nhận:');
  expect(pdf.text).toContain('Lê Văn Cường');
  await officer.context().close();
});
