import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { decide, escapeRegExp, keepScreenshot, pageFor } from './helpers';

/**
 * The KPI journey of issue 6: an inspector opens the KPI overview, picks an off-track KPI, sees the
 * national value, drills into the lowest agency, opens the submission behind its latest figure with its
 * revisions and audit entries, and exports the agency ranking; then Hà Nội corrects its figure (the Office
 * reopens, the officer corrects, the leader approves, the Office accepts) and the inspector's open page
 * shows the new figures without reloading.
 */

/** KPIs that agencies report as numerator / denominator in the quarterly Program report. */
const SHARE_KPI = /^(DV-0[1-4]|DL-0[237]|VH-0[12]|NL-0[1-3]|AT-01)$/;

test('an inspector drills from an off-track KPI to the audit trail, and sees a corrected figure arrive live', async ({
  browser,
}, testInfo) => {
  test.setTimeout(420_000);

  // The Office's dashboard counts the KPIs off track and leads to them.
  const office = await pageFor(browser, 'vpcp');
  await office.goto('/dashboard');
  const offTrackLink = office.getByRole('link', { name: /chỉ tiêu chậm so với lộ trình/ });
  await expect(offTrackLink).toBeVisible();
  await offTrackLink.click();
  await expect(office).toHaveURL(/\/kpis\?status=off_track$/);

  // The overview: 20 KPIs grouped by pillar; the status filter goes into the address.
  const inspector = await pageFor(browser, 'thanhtra');
  await inspector.goto('/kpis');
  await expect(inspector.getByRole('heading', { name: 'Chỉ tiêu của Chương trình', level: 1 })).toBeVisible();
  await expect(inspector.getByText('Tổng số: 20 chỉ tiêu')).toBeVisible();
  await expect(inspector.getByRole('heading', { name: 'Dịch vụ số', level: 2 })).toBeVisible();
  await keepScreenshot(inspector, testInfo, 'kpis-overview');
  await inspector.getByLabel('Trạng thái', { exact: true }).selectOption('off_track');
  await expect(inspector).toHaveURL(/status=off_track/);
  const cards = inspector.locator('.kpi-card');
  await expect(cards.first()).toBeVisible();
  await expect(cards.filter({ hasNotText: 'Chậm so với lộ trình' })).toHaveCount(0);

  // Picks an off-track KPI that provinces report as numerator / denominator.
  const links = await inspector.getByRole('heading', { level: 3 }).getByRole('link').allInnerTexts();
  const picked = links.map((text) => text.trim().split(/\s+/)[0] ?? '').find((code) => SHARE_KPI.test(code));
  expect(picked, `an off-track share KPI among ${links.join(' | ')}`).toBeTruthy();
  const code = picked as string;
  await inspector.getByRole('link', { name: new RegExp(`^${code}\\b`) }).click();
  await expect(inspector).toHaveURL(new RegExp(`/kpis/${code}$`));
  const heading = inspector.getByRole('heading', { level: 1 });
  await expect(heading).toContainText(code);
  const kpiName = (await heading.innerText()).replace(code, '').trim();

  // The national value, the status rule and the forecast method are on the page.
  const national = inspector.getByRole('region', { name: 'Giá trị toàn quốc' });
  const nationalValue = national.locator('.kpi-card__value');
  await expect(nationalValue).toHaveText(/\d+,\d %/);
  await expect(inspector.getByRole('heading', { name: 'Cách xác định trạng thái' })).toBeVisible();
  await expect(inspector.getByRole('heading', { name: 'Cách dự báo' })).toBeVisible();
  await expect(inspector.getByText('Chậm so với lộ trình').first()).toBeVisible();
  await keepScreenshot(inspector, testInfo, 'kpi-detail');

  // The ranking, lowest first: drill into the lowest agency.
  const ranking = inspector.getByRole('table', { name: 'Xếp hạng cơ quan theo giá trị của chỉ tiêu' });
  const lowest = ranking.getByRole('row').nth(1);
  const lowestName = (await lowest.getByRole('rowheader').innerText()).trim();
  const lowestPeriod = (await lowest.getByRole('cell').nth(5).innerText()).trim();
  await lowest.getByRole('rowheader').getByRole('link').click();
  await expect(inspector.getByRole('heading', { level: 1 })).toHaveText(`${code} — ${lowestName}`);
  const lowestId = Number(inspector.url().match(/agencies\/(\d+)$/)?.[1]);
  const submissions = inspector.getByRole('table', { name: 'Báo cáo của cơ quan chứa số liệu của chỉ tiêu' });
  await expect(submissions).toBeVisible();
  await keepScreenshot(inspector, testInfo, 'kpi-agency-drilldown');

  // The submission behind the latest figure: its revisions, author, approver, audit entries and the chain check.
  // The link reads the period ("Quý III/2026") and is named for what it opens ("Mở báo cáo kỳ quý III/2026").
  await submissions.getByRole('link', { name: new RegExp(`kỳ ${lowestPeriod}$`, 'i') }).click();
  await expect(inspector).toHaveURL(/\/reports\/submissions\/\d+$/);
  await expect(inspector.getByRole('heading', { name: /^Phiên bản 1/ })).toBeVisible();
  await expect(inspector.getByText('Người lập').first()).toBeVisible();
  await expect(inspector.getByRole('heading', { name: 'Nhật ký kiểm toán của báo cáo' })).toBeVisible();
  await expect(inspector.getByText(/Nhật ký kiểm toán nguyên vẹn: đã kiểm tra \d+ bản ghi/)).toBeVisible();
  // Each entry says what it changed in words, in Vietnamese (no raw record), and who did it by name.
  const trail = inspector.getByRole('table', { name: /Các bản ghi kiểm toán của báo cáo/ });
  await expect(
    trail
      .getByRole('listitem')
      .filter({ hasText: /^Trạng thái: / })
      .first(),
  ).toBeVisible();
  await expect(trail.getByRole('listitem').filter({ hasText: /^state:|[{}]/ })).toHaveCount(0);
  await expect(trail).not.toContainText(/\b[a-z]+\.(chuyenvien|lanhdao)\b/);
  // Full width: the table is as wide as the page's column, not a third of it.
  const widths = await trail.evaluate((table) => ({
    table: table.getBoundingClientRect().width,
    page: table.closest('main')?.getBoundingClientRect().width ?? 0,
  }));
  expect(widths.table).toBeGreaterThan(widths.page * 0.8);
  await keepScreenshot(inspector, testInfo, 'kpi-submission-audit');

  // Back on the KPI: export the agency ranking.
  await inspector.goto(`/kpis/${code}`);
  const [download] = await Promise.all([
    inspector.waitForEvent('download'),
    inspector.getByRole('link', { name: 'Xuất CSV: Xếp hạng cơ quan' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv).toContain(lowestName);

  // The inspector keeps the KPI open on Hà Nội's row.
  await expect(nationalValue).toHaveText(/\d+,\d %/);
  const before = await nationalValue.innerText();
  await inspector.getByLabel('Lọc theo tên cơ quan').fill('thanh pho ha noi');
  const hanoi = ranking.getByRole('row').filter({ hasText: 'Thành phố Hà Nội' });
  await expect(hanoi).toHaveCount(1);
  // The national line names its period inside a sentence ("kỳ quý III/2026"), the table on its own.
  const latestPeriod = (await national.innerText()).match(/kỳ quý ([IV]+\/\d{4})/)?.[1];
  await expect(hanoi.getByRole('cell').nth(5)).toHaveText(
    latestPeriod ? `Quý ${latestPeriod}` : 'no national period',
  );
  const hanoiLink = hanoi.getByRole('link', { name: /mở báo cáo kỳ/i });
  const submissionUrl = (await hanoiLink.getAttribute('href')) ?? '';
  expect(submissionUrl).toMatch(/^\/reports\/submissions\/\d+$/);

  // Hà Nội corrects its figure: the Office reopens, the officer corrects, the leader approves, the Office accepts.
  await decide(
    office,
    submissionUrl,
    'Mở lại',
    'Bị trả lại',
    'Tử số chưa khớp với Cổng dịch vụ công quốc gia.',
  );
  const officer = await pageFor(browser, 'hanoi.chuyenvien');
  await officer.goto(submissionUrl);
  // The KPI's figures stand together under its name: its numerator, then its denominator.
  const figures = officer
    .getByRole('group', { name: new RegExp(escapeRegExp(kpiName)) })
    .getByRole('textbox');
  const denominator = await figures.nth(1).inputValue();
  // Written the Vietnamese way ("1.234"), and typed back as it reads.
  expect(denominator).toMatch(/^[1-9]\d{0,2}(\.\d{3})*$/);
  await figures.nth(0).fill(denominator);
  // A figure far from the last accepted period raises a warning the officer explains (DV-01 has one).
  const warnings = officer.getByRole('group', { name: /Cảnh báo/ });
  for (let i = 0; i < (await warnings.count()); i++)
    await warnings
      .nth(i)
      .getByLabel('Giải trình')
      .fill('Số liệu đã đối chiếu với Cổng dịch vụ công quốc gia.');
  await officer.getByRole('button', { name: 'Xem lại trước khi gửi' }).click();
  await officer.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(officer.getByText('Đã gửi, chờ lãnh đạo duyệt').first()).toBeVisible();
  const leader = await pageFor(browser, 'hanoi.lanhdao');
  await decide(leader, submissionUrl, 'Duyệt', 'Lãnh đạo đã duyệt, chờ VPCP');
  await decide(office, submissionUrl, 'Chấp nhận', 'Đã được chấp nhận');

  // The inspector's open page changes by itself: Hà Nội now at 100 %, and the national value moved.
  await expect(hanoi.getByRole('cell').nth(2)).toHaveText('100,0 %');
  await expect(nationalValue).not.toHaveText(before);
  await expect(hanoi).toContainText(/Tăng/);
  await keepScreenshot(inspector, testInfo, 'kpi-after-correction');

  // Hà Nội's own scorecard shows the corrected figure beside the national one; another agency's is refused.
  await officer.goto('/scorecard');
  await expect(officer.getByRole('heading', { name: 'Bảng chỉ tiêu của Thành phố Hà Nội' })).toBeVisible();
  const scoreRow = officer
    .getByRole('row')
    .filter({ has: officer.getByRole('link', { name: code, exact: true }) });
  await expect(scoreRow).toContainText('100,0 %');
  await expect(scoreRow).toContainText('Cao hơn');
  if (lowestName !== 'Thành phố Hà Nội') {
    // Another agency's scorecard is out of the officer's scope: answered as if it did not exist.
    await officer.goto(`/agencies/${lowestId}/scorecard`);
    await expect(officer.getByRole('alert')).toHaveText(/Không tìm thấy dữ liệu yêu cầu/);
  }

  // The drill-down shows the new revision, with its audit entries.
  await inspector.goto(submissionUrl);
  await expect(inspector.getByRole('heading', { name: /^Phiên bản 2/ })).toBeVisible();
  await expect(
    inspector.getByRole('table', { name: /Các bản ghi kiểm toán của báo cáo/ }).getByText('VPCP mở lại'),
  ).toBeVisible();
});
