import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

/**
 * Issue 18, points 1–2 (ADR 0033): the public progress portal, read anonymously (a fresh context: no
 * cookie), in Vietnamese and English, axe-clean at 1440 and 390 px; its downloads answer with the
 * figures it shows.
 */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
const WIDTHS = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };

async function expectAxeClean(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(
    violations.map(
      (v) => `${where}: ${v.id} ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
    ),
  ).toEqual([]);
}

async function expectNoSideScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe('the public progress portal, anonymous', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  for (const [name, size] of Object.entries(WIDTHS)) {
    test(`Vietnamese then English, axe clean at ${size.width} px (${name})`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto('/public');
      await expect(
        page.getByRole('heading', { level: 1, name: 'Tiến độ Chương trình phát triển Chính phủ số' }),
      ).toBeVisible();
      // Not sent to the login page.
      expect(new URL(page.url()).pathname).toBe('/public');
      const kpis = page.getByRole('table', { name: /Giá trị toàn quốc mới nhất đã công bố/ });
      await expect(kpis).toBeVisible();
      // Every figure says what it rests on: its period, N of M agencies, the deadline.
      await expect(kpis.getByText(/cơ quan đã báo cáo, hạn nộp \d{2}\/\d{2}\/\d{4}/).first()).toBeVisible();
      await expect(page.getByRole('table', { name: /Số nhiệm vụ Chính phủ giao theo nhóm/ })).toBeVisible();
      await expect(page.getByText(/Creative Commons Ghi công 4\.0/)).toBeVisible();
      await expectNoSideScroll(page);
      await expectAxeClean(page, `/public vi ${size.width}`);

      // One KPI: its periods and each agency's figures.
      await kpis.getByRole('link').first().click();
      await expect(page).toHaveURL(/\/public\/kpis\/[A-Z]{2}-\d{2}$/);
      await expect(page.getByRole('heading', { level: 2, name: 'Giá trị toàn quốc theo kỳ' })).toBeVisible();
      await expectNoSideScroll(page);
      await expectAxeClean(page, `/public/kpis vi ${size.width}`);

      // English, at the switch.
      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.getByRole('heading', { level: 2, name: 'National value per period' })).toBeVisible();
      await expectAxeClean(page, `/public/kpis en ${size.width}`);
      await page.getByRole('link', { name: 'Back to the Program’s progress' }).click();
      await expect(
        page.getByRole('heading', {
          level: 1,
          name: 'Progress of the Digital Government Development Program',
        }),
      ).toBeVisible();
      await expect(page.getByText(/agencies reported, deadline \d{2}\/\d{2}\/\d{4}/).first()).toBeVisible();
      await expectNoSideScroll(page);
      await expectAxeClean(page, `/public en ${size.width}`);
    });
  }

  test('the downloads answer without a session and carry the portal’s figures', async ({ page, request }) => {
    await page.goto('/public');
    const portal = await (await request.get('/public-api/portal')).json();
    const csvLink = page.getByRole('link', { name: /Giá trị toàn quốc của các chỉ tiêu \(CSV\)/ });
    const csv = await request.get((await csvLink.getAttribute('href')) ?? '');
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = portal.kpis.reduce((n: number, k: { periods: unknown[] }) => n + k.periods.length, 0);
    expect(text.trim().split('\r\n').length - 1).toBe(rows);
    const catalog = await request.get('/open-data/catalog.jsonld');
    expect(catalog.status()).toBe(200);
    expect((await catalog.json())['@type']).toBe('dcat:Catalog');
    // The signed-in exports stay closed.
    expect((await request.get('/export/kpis.csv')).status()).toBe(401);
  });
});
