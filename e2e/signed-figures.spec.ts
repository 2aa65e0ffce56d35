import { expect, type Locator, test } from '@playwright/test';
import { decide, escapeRegExp, keepScreenshot, pageFor } from './helpers';

/**
 * Issue 12, figures the Government can sign: a ministry officer types figures the Vietnamese way
 * ("1.000", "12,5"), is refused 80 of 50, overrides a warning with an explanation the Office reads; the
 * early report for the running quarter, once accepted, leaves the national value on the last closed
 * quarter and shows the new one as provisional (1 agency of all obliged); and a closed month's
 * monitoring report reads the same after a task is withdrawn and another's deadline moved.
 */

/** Today's date in Vietnam as [year, month, day]. */
function vietnamToday(): [number, number, number] {
  const now = new Date(Date.now() + 7 * 3_600_000);
  return [now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate()];
}

/** The quarter whose figures are being collected today (Decree 09: from the 15th before it). */
function runningQuarter(): { key: string; name: string; previousName: string } {
  let [year, month, day] = vietnamToday();
  if (day >= 15) month += 1;
  if (month === 13) {
    month = 1;
    year += 1;
  }
  const quarter = Math.ceil(month / 3);
  const roman = ['', 'I', 'II', 'III', 'IV'];
  // As a sentence names them: "kỳ quý IV/2026".
  const previousName = quarter === 1 ? `quý IV/${year - 1}` : `quý ${roman[quarter - 1]}/${year}`;
  return { key: `${year}-Q${quarter}`, name: `quý ${roman[quarter]}/${year}`, previousName };
}

/** The latest month whose cut-off (the 14th) has passed, as YYYY-MM. */
function lastClosedMonth(): string {
  let [year, month, day] = vietnamToday();
  if (day <= 14) month -= 1;
  if (month === 0) {
    month = 12;
    year -= 1;
  }
  return `${year}-${String(month).padStart(2, '0')}`;
}

const DV01 = 'Tỷ lệ thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình';

/** Fills every empty figure of the quarterly report with plausible values (numerators below denominators). */
async function fillFigures(form: Locator) {
  const inputs = form.locator('input[type="text"]');
  const count = await inputs.count();
  for (let i = 0; i < count; i++) {
    const input = inputs.nth(i);
    if ((await input.inputValue()) !== '') continue;
    const label = await input.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? '');
    // A KPI's numerator and denominator are labelled by what they count; their codes say which is which.
    const code = (await input.getAttribute('data-field')) ?? '';
    const value = code.endsWith('_den')
      ? '10'
      : code.endsWith('_num')
        ? '5'
        : /1: có, 0: chưa/.test(label)
          ? '1'
          : /trưởng thành/.test(label)
            ? '3'
            : '5';
    await input.fill(value);
  }
}

test('figures are read as typed, checked by the rules, counted only when they can be signed, and a closed month stays as it was', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const quarter = runningQuarter();
  const officer = await pageFor(browser, 'btc.chuyenvien');
  await officer.goto('/reports');
  await officer
    .getByRole('link', { name: new RegExp(`Chương trình phát triển Chính phủ số.*kỳ ${quarter.name}`) })
    .first()
    .click();
  const form = officer.locator('form.report-form');
  await expect(form).toBeVisible();
  // The KPI's two figures stand together under its name, each labelled by what it counts.
  const dv01 = officer.getByRole('group', { name: new RegExp(escapeRegExp(DV01)) });
  const numerator = dv01.getByLabel(
    /^Số thủ tục hành chính được cung cấp dịch vụ công trực tuyến toàn trình/,
  );
  const denominator = dv01.getByLabel(/^Số thủ tục hành chính đủ điều kiện/);

  // "1.000" is one thousand; "12,5" is twelve and a half, refused because the field counts procedures.
  await denominator.fill('1.000');
  await numerator.fill('12,5');
  await expect(officer.getByText(/toàn trình phải là số nguyên\./).first()).toBeVisible();
  await numerator.fill('1');
  // The rate they give shows as they are typed.
  await expect(dv01.getByText('Tỷ lệ: 0,1 %')).toBeVisible();
  await fillFigures(form);
  await officer.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(officer.getByText(/Đã lưu bản nháp|Đã tự động lưu/).first()).toBeVisible();
  // Opened again, the report is the draft just saved, on its own page, the figures as they were typed.
  await officer.reload();
  await expect(officer).toHaveURL(/\/reports\/submissions\/\d+$/);
  const url = officer.url();
  await expect(denominator).toHaveValue('1.000');
  await expect(numerator).toHaveValue('1');

  // 80 of 50 is refused where it is typed, and the report cannot be sent.
  await numerator.fill('80');
  await denominator.fill('50');
  const tooMany = officer.locator('p.rule-issue[data-rule="kpi:DV-01"]');
  await expect(tooMany).toHaveText('Tử số không được lớn hơn mẫu số (DV-01).');
  await expect(numerator).toHaveAttribute('aria-invalid', 'true');
  await expect(officer.getByRole('button', { name: 'Xem lại trước khi gửi' })).toBeDisabled();
  await keepScreenshot(officer, testInfo, 'figures-numerator-above-denominator');

  // One procedure of a thousand: far from the ministry's last accepted quarter, a warning to explain.
  await numerator.fill('1');
  await denominator.fill('1.000');
  await expect(tooMany).toHaveCount(0);
  const warning = officer.getByRole('group', { name: /Cảnh báo/ }).first();
  await expect(warning).toBeVisible();
  await officer.getByRole('button', { name: 'Xem lại trước khi gửi' }).click();
  await expect(
    officer.getByText('Vui lòng nhập giải trình cho cảnh báo này trước khi gửi.').first(),
  ).toBeVisible();
  const explanation =
    'Bộ rà soát lại danh mục thủ tục sau khi sắp xếp bộ máy; số liệu kỳ này đã được đối chiếu.';
  await warning.getByLabel('Giải trình').fill(explanation);
  // Every figure once more before sending, the explanation beside its figure.
  await officer.getByRole('button', { name: 'Xem lại trước khi gửi' }).click();
  await expect(officer.getByRole('heading', { name: 'Kiểm tra lại số liệu trước khi gửi' })).toBeFocused();
  await expect(officer.getByText(`Giải trình: ${explanation}`)).toBeVisible();
  await officer.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(officer.getByText('Đã gửi, chờ lãnh đạo duyệt').first()).toBeVisible();

  // The Office cannot decide before the ministry's leader: it is told so, not "changed elsewhere".
  const office = await pageFor(browser, 'vpcp');
  await office.goto(url);
  await expect(office.getByText(/Báo cáo đang chờ lãnh đạo cơ quan phê duyệt/).first()).toBeVisible();
  await expect(office.getByRole('button', { name: 'Chấp nhận', exact: true })).toHaveCount(0);

  const leader = await pageFor(browser, 'btc.lanhdao');
  await decide(leader, url, 'Duyệt', 'Lãnh đạo đã duyệt, chờ VPCP');
  await office.goto(url);
  await expect(office.getByText(explanation).first()).toBeVisible();
  await keepScreenshot(office, testInfo, 'figures-review-with-explanation');
  await decide(office, url, 'Chấp nhận', 'Đã được chấp nhận');

  // The early report does not become the national value: the closed quarter stays, the running one is provisional.
  await office.goto('/kpis/DV-01');
  const provisional = office.locator(`section .kpi-provisional[data-period="${quarter.key}"]`).first();
  await expect(provisional).toContainText(/Tạm tính: 1\/\d+ cơ quan/);
  await expect(office.getByText(`kỳ ${quarter.previousName}`).first()).toBeVisible();
  await keepScreenshot(office, testInfo, 'figures-provisional-quarter');

  // A closed month's report reads the same after a withdrawal and a deadline change made today.
  const month = lastClosedMonth();
  const totals = office.locator('.monthly-totals');
  await office.goto(`/reports/monthly?month=${month}`);
  await expect(totals).toBeVisible();
  const before = await totals.innerText();

  const openOverdueTask = async () => {
    await office.goto('/tasks?status=overdue');
    await office.locator('main a[href^="/tasks/"]').first().click();
    await expect(office).toHaveURL(/\/tasks\/\d+$/);
    await expect(office.getByRole('heading', { name: 'Sửa nhiệm vụ' })).toBeVisible();
  };
  await openOverdueTask();
  await office.getByLabel('Thu hồi nhiệm vụ').check();
  await office.getByRole('button', { name: 'Lưu thay đổi' }).click();
  // A withdrawn task can no longer be edited: the form gives way to its new status.
  await expect(office.getByText('Đã thu hồi').first()).toBeVisible();
  await expect(office.getByRole('heading', { name: 'Sửa nhiệm vụ' })).toHaveCount(0);

  await openOverdueTask();
  const [year] = vietnamToday();
  await office.getByLabel(/^Thời hạn/).fill(`31/12/${year + 1}`);
  await office.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(office.getByText('Đã lưu thay đổi nhiệm vụ.')).toBeVisible();

  await office.goto(`/reports/monthly?month=${month}`);
  await expect(totals).toBeVisible();
  expect(await totals.innerText()).toBe(before);
  await keepScreenshot(office, testInfo, 'figures-closed-month');
});
