import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { previousMonth } from '../shared/reporting-periods';
import { vietnamDate } from '../shared/time';
import { pageFor } from './helpers';

/** Each page's text with its white space folded. */
async function pagesOf(pdf: Uint8Array): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(pdf));
  return text.map((page) => page.replace(/\s+/g, ' ').trim());
}

test('the monthly report downloads as a PDF to sign, and prints with headers on every page and the total once', async ({
  browser,
}) => {
  const office = await pageFor(browser, 'vpcp');
  const month = previousMonth(vietnamDate(new Date()));
  await office.goto(`/reports/monthly?month=${month}`);
  await expect(office.locator('.monthly-totals')).toBeVisible();

  // The signing details go into the document.
  await office.getByText('Thông tin ký ban hành (bản PDF)').click();
  await office.getByLabel('Họ và tên người ký').fill('Nguyễn Văn An');
  const [download] = await Promise.all([
    office.waitForEvent('download'),
    office.getByRole('link', { name: 'Tải PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`bao-cao-thang-${month}.pdf`);
  const file = await readFile((await download.path()) ?? '');
  expect(file.subarray(0, 5).toString()).toBe('%PDF-');
  const document = await pagesOf(new Uint8Array(file));
  expect(document[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(document.join(' ')).toContain('Nguyễn Văn An');

  // Printing the page itself: the header row on every page, the total once, readable type.
  await office.emulateMedia({ media: 'print' });
  const printed = await pagesOf(new Uint8Array(await office.pdf({ preferCSSPageSize: true })));
  expect(printed.length).toBeGreaterThan(1);
  for (const [i, page] of printed.entries())
    if (i > 0) expect(page, `printed page ${i + 1}`).toContain('Cơ quan chủ trì Cấp Được giao (lũy kế)');
  expect(printed.join(' ').split('Tổng cộng').length - 1).toBe(1);
  const size = await office.locator('.monthly-table').evaluate((t) => getComputedStyle(t).fontSize);
  // 11 pt is 14.67 CSS px.
  expect(Number.parseFloat(size)).toBeGreaterThanOrEqual(14.6);
  await office.context().close();
});
