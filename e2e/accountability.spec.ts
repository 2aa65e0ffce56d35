import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, type TestInfo, test } from '@playwright/test';
import { escapeRegExp, keepScreenshot, pageFor } from './helpers';

/**
 * Reminders and explanation requests (issue 16): the Office registers a task of Bộ Tài chính already
 * past its deadline, reminds the ministry and asks it to explain; the ministry's officer sees the
 * notification count move without reloading, opens the notification, answers with a new committed
 * date typed dd/mm/yyyy; the ministry's leader approves; the Office accepts. The Office's dashboard
 * (live) and the monthly report count one overdue task without an accepted explanation less, and the
 * officer's mail about the request waits in the administrator's outbox (no SMTP server here).
 */
const DOC_NUMBER = `${Date.now() % 100000}/TB-VPCP`;
const TASK = `Số hoá hồ sơ cán bộ, công chức ngành tài chính ${DOC_NUMBER}`;
const MESSAGE = 'Đề nghị Bộ Tài chính khẩn trương cập nhật tiến độ và báo cáo trước thứ Sáu.';
const REASON = 'Nhiệm vụ đã quá hạn, chưa có báo cáo hoàn thành.';
const WORKING_DAYS_RANGE = 'Số ngày làm việc để giải trình phải là số nguyên từ 1 đến 30, ví dụ 5.';

/** A date `days` from today in Vietnam, as dd/mm/yyyy. */
function ddmmyyyy(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

/** The unread count the header's notification link says in its name ("Thông báo, 3 chưa đọc"). */
async function unreadCount(page: Page): Promise<number> {
  const name = (await page.getByTestId('notification-bell').getAttribute('aria-label')) ?? '';
  return Number(/(\d+) chưa đọc/.exec(name)?.[1] ?? 0);
}

/** Keeps a screenshot of one part of the page (the accountability section) as a test artifact. */
async function keepPart(part: Locator, testInfo: TestInfo, name: string) {
  const file = `e2e/artifacts/${name}.png`;
  await part.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** Axe's WCAG 2.2 A/AA rules and best practices (as e2e/a11y.spec.ts) over the page in its current state. */
async function expectNoAxeViolations(page: Page, where: string) {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
  const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
  expect(violations.map((v) => `${where}: ${v.id} ${v.help} — ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

/** The dashboard's "overdue without an accepted explanation" figure, as the page shows it now. */
async function unexplainedOnDashboard(board: Page): Promise<number> {
  const text = (await board.locator('#accountability-title + p').innerText()).replace(/\./g, '');
  return Number(/^(\d+) nhiệm vụ quá hạn chưa có giải trình được chấp nhận/.exec(text)?.[1] ?? Number.NaN);
}

/** The same figure in this month's monitoring report (its total row), read as the page reads it. */
async function unexplainedInMonthly(page: Page): Promise<number> {
  const month = ddmmyyyy(0).split('/').reverse().slice(0, 2).join('-');
  const input = encodeURIComponent(JSON.stringify({ json: { month } }));
  const res = await page.request.get(`/trpc/reports.monthly?input=${input}`);
  expect(res.status()).toBe(200);
  return (await res.json()).result.data.json.totals.overdueUnexplained;
}

const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function registerOverdueTask(office: Page): Promise<string> {
  await office.goto('/documents/new');
  await office.getByLabel(/Số hiệu/).fill(DOC_NUMBER);
  await office.getByLabel(/Loại văn bản/).selectOption('decision');
  await office.getByLabel(/Ngày ban hành/).fill(ddmmyyyy(-40));
  await office.getByLabel(/Người ký/).fill('Thủ tướng Chính phủ');
  await office.getByLabel(/Trích yếu/).fill('Thông báo kết luận về số hoá hồ sơ cán bộ, công chức');
  const task = office.getByRole('group', { name: 'Nhiệm vụ 1' });
  await task.getByLabel(/Tên nhiệm vụ/).fill(TASK);
  await task.getByRole('combobox', { name: /Cơ quan chủ trì/ }).fill('tai chinh');
  await office.getByRole('option', { name: 'Bộ Tài chính' }).first().click();
  // Registered late: its deadline has already passed.
  await task.getByLabel(/^Thời hạn/).fill(ddmmyyyy(-5));
  await office.getByRole('button', { name: 'Đăng ký văn bản' }).click();
  await office.getByRole('link', { name: TASK }).click();
  await expect(office.getByRole('heading', { level: 1, name: TASK })).toBeVisible();
  return new URL(office.url()).pathname;
}

test('the Office reminds and asks for an explanation; the ministry explains, its leader approves, the Office accepts', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const officer = await pageFor(browser, 'btc.chuyenvien');
  await officer.setViewportSize(WIDE);
  const unreadBefore = await unreadCount(officer);

  const office = await pageFor(browser, 'vpcp');
  await office.setViewportSize(WIDE);
  const taskPath = await registerOverdueTask(office);
  // The Office's dashboard, open beside the task: its figure counts this task, unexplained.
  const board = await office.context().newPage();
  await board.setViewportSize(WIDE);
  await board.goto('/dashboard');
  await expect(board.getByRole('heading', { name: 'Đôn đốc và giải trình' })).toBeVisible();
  const unexplainedBefore = await unexplainedOnDashboard(board);
  expect(unexplainedBefore).toBeGreaterThan(0);
  const monthlyBefore = await unexplainedInMonthly(office);
  expect(monthlyBefore).toBeGreaterThan(0);
  await expect(office.getByText('Quá hạn', { exact: true }).first()).toBeVisible();
  const section = office.getByRole('region', { name: 'Đôn đốc và giải trình' });
  await expect(section.getByText('Chưa đôn đốc lần nào.')).toBeVisible();
  await expect(section.getByText('Chưa có yêu cầu giải trình nào.')).toBeVisible();

  // The Office reminds the ministry.
  const remind = section.getByRole('region', { name: 'Đôn đốc', exact: true });
  await remind.getByLabel('Lời nhắc').fill(MESSAGE);
  await remind.getByRole('button', { name: 'Gửi đôn đốc' }).click();
  await expect(section.getByRole('status').filter({ hasText: /^Đã gửi đôn đốc\./ })).toBeFocused();
  await expect(
    section.getByText(
      new RegExp(
        `^Đã đôn đốc 1 lần, lần gần nhất ngày ${escapeRegExp(ddmmyyyy(0))} \\(.+\\): ${escapeRegExp(MESSAGE)}$`,
      ),
    ),
  ).toBeVisible();

  // ... and asks it to explain: "abc" working days are refused in words, beside the field and above the form.
  const request = section.getByRole('region', { name: 'Yêu cầu giải trình', exact: true });
  await request.getByLabel(/^Lý do yêu cầu giải trình/).fill(REASON);
  const days = request.getByLabel(/^Số ngày làm việc để giải trình/);
  await expect(days).toHaveValue('5');
  await days.fill('abc');
  await request.getByRole('button', { name: 'Gửi yêu cầu giải trình' }).click();
  const summary = request.getByRole('alert', { name: 'Có lỗi cần sửa' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: WORKING_DAYS_RANGE })).toBeVisible();
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await keepPart(section, testInfo, 'accountability-request-refused');
  await days.fill('5');
  await request.getByRole('button', { name: 'Gửi yêu cầu giải trình' }).click();
  await expect(
    section.getByRole('status').filter({ hasText: /^Đã gửi yêu cầu giải trình\. Tiếp theo: chuyên viên/ }),
  ).toBeFocused();
  const explanation = section.getByRole('article');
  await expect(explanation.getByText('Chờ cơ quan giải trình')).toBeVisible();
  await expect(explanation.getByText(`Lý do yêu cầu: ${REASON}`)).toBeVisible();
  await expect(explanation.getByText(/^Hạn giải trình: \d{2}\/\d{2}\/\d{4}$/)).toBeVisible();
  // Only one request at a time: the form is gone while this one is open.
  await expect(request).toHaveCount(0);

  // The officer's count moved without a reload: the reminder and the request.
  const bell = officer.getByTestId('notification-bell');
  await expect.poll(() => unreadCount(officer)).toBe(unreadBefore + 2);
  await expect(bell).toHaveAccessibleName(`Thông báo, ${unreadBefore + 2} chưa đọc`);
  await bell.click();
  await expect(officer.getByRole('heading', { level: 1, name: 'Thông báo' })).toBeVisible();
  const list = officer.getByRole('list', { name: 'Thông báo mới nhất' });
  await expect(
    list.getByRole('link', { name: `Văn phòng Chính phủ đôn đốc thực hiện nhiệm vụ “${TASK}”: ${MESSAGE}` }),
  ).toBeVisible();
  const requested = list.getByRole('link', {
    name: new RegExp(
      `^Văn phòng Chính phủ yêu cầu giải trình về nhiệm vụ “${escapeRegExp(TASK)}”, hạn giải trình`,
    ),
  });
  await keepScreenshot(officer, testInfo, 'accountability-notifications-1440');
  await expectNoAxeViolations(officer, 'the notification centre');
  await officer.setViewportSize(PHONE);
  await keepScreenshot(officer, testInfo, 'accountability-notifications-390');
  await officer.setViewportSize(WIDE);
  // The next morning digest, previewed in the mail's own words: the reminder gathered into it, and the
  // task whose explanation awaits the officer, with its link.
  await officer.getByRole('button', { name: 'Xem trước thư tổng hợp' }).click();
  const digest = officer.getByTestId('digest-preview-text');
  await expect(digest).toContainText(`Văn phòng Chính phủ đôn đốc thực hiện nhiệm vụ “${TASK}”: ${MESSAGE}`);
  await expect(digest).toContainText('Giải trình cần trả lời');
  await expect(digest).toContainText(taskPath);
  await expectNoAxeViolations(officer, 'the digest preview');
  await requested.click();
  await expect(officer).toHaveURL(new RegExp(`${escapeRegExp(taskPath)}$`));
  // Opening it marked it read.
  await expect.poll(() => unreadCount(officer)).toBe(unreadBefore + 1);

  // The officer answers: a past date is refused by the server under the date, then a new date is typed.
  const answer = officer.getByRole('region', { name: 'Giải trình', exact: true });
  await answer.getByLabel(/^Nguyên nhân/).fill('Chờ ý kiến thẩm định của Bộ Tư pháp về dự thảo quy chế.');
  await answer
    .getByLabel(/^Giải pháp khắc phục/)
    .fill('Tổ chức họp liên ngành, hoàn thiện dự thảo trong tháng.');
  const committed = answer.getByLabel(/^Ngày cam kết hoàn thành/);
  await committed.fill(ddmmyyyy(-1));
  await answer.getByRole('button', { name: 'Gửi giải trình' }).click();
  await expect(answer.getByRole('alert', { name: 'Có lỗi cần sửa' })).toBeFocused();
  await expect(
    answer
      .locator('.form__error')
      .filter({ hasText: 'Ngày cam kết hoàn thành không được trước ngày hôm nay.' }),
  ).toBeVisible();
  await expectNoAxeViolations(officer, 'the answer form refused by the server');
  await committed.fill(ddmmyyyy(30));
  await answer.getByRole('button', { name: 'Gửi giải trình' }).click();
  const officerSection = officer.getByRole('region', { name: 'Đôn đốc và giải trình' });
  await expect(
    officerSection.getByRole('status').filter({ hasText: /^Đã gửi giải trình\. Tiếp theo: lãnh đạo/ }),
  ).toBeFocused();
  await expect(officerSection.getByText('Chờ lãnh đạo cơ quan duyệt')).toBeVisible();
  await expect(officerSection.getByText(`Cam kết hoàn thành: ${ddmmyyyy(30)}`)).toBeVisible();
  await officer.setViewportSize(PHONE);
  await keepPart(officerSection, testInfo, 'accountability-answered-390');

  // The ministry's leader approves, from the notification.
  const leader = await pageFor(browser, 'btc.lanhdao');
  await leader.getByTestId('notification-bell').click();
  await leader
    .getByRole('link', {
      name: new RegExp(`^Chuyên viên đã gửi giải trình về nhiệm vụ “${escapeRegExp(TASK)}”`),
    })
    .click();
  const approval = leader.getByRole('region', { name: 'Lãnh đạo duyệt giải trình' });
  await approval.getByRole('button', { name: 'Duyệt giải trình' }).click();
  await expect(leader.getByText('Chờ Văn phòng Chính phủ xem xét')).toBeVisible();

  // The Office's open page shows the approved answer without a reload, and accepts it.
  const review = section.getByRole('region', { name: 'Xem xét giải trình' });
  await expect(review).toBeVisible();
  await expect(explanation.getByText(`Cam kết hoàn thành: ${ddmmyyyy(30)}`)).toBeVisible();
  await expect(explanation.getByText(/^Lãnh đạo cơ quan duyệt: /)).toBeVisible();
  await review.getByRole('button', { name: 'Chấp nhận giải trình' }).click();
  await expect(
    section
      .getByRole('status')
      .filter({ hasText: /^Đã chấp nhận giải trình\. Yêu cầu giải trình đã kết thúc/ }),
  ).toBeFocused();
  await expect(explanation.getByText('Đã chấp nhận', { exact: true })).toBeVisible();
  await expect(explanation.getByText(/^Văn phòng Chính phủ chấp nhận: /)).toBeVisible();
  await expectNoAxeViolations(office, 'an accepted explanation');
  // The step is in the task's audit trail.
  await expect(office.getByRole('table', { name: /Ai đã làm gì/ })).toContainText('Chấp nhận giải trình');
  await keepPart(section, testInfo, 'accountability-accepted-1440');
  await office.setViewportSize(PHONE);
  await keepPart(section, testInfo, 'accountability-accepted-390');

  // The ministry sees it accepted too (live), and a new request may now be made by the Office.
  await expect(officerSection.getByText('Đã chấp nhận', { exact: true })).toBeVisible();
  await expect(section.getByRole('region', { name: 'Yêu cầu giải trình', exact: true })).toBeVisible();

  // The dashboard moved without a reload, and the monthly report with it.
  await expect.poll(() => unexplainedOnDashboard(board), { timeout: 15_000 }).toBe(unexplainedBefore - 1);
  expect(await unexplainedInMonthly(office)).toBe(monthlyBefore - 1);

  // The request was mailed to the officer at once (their default for it); with no SMTP server the mail
  // waits in the administrator's outbox, in Vietnamese, with the link to the task.
  const admin = await pageFor(browser, 'quantri');
  await admin.setViewportSize(WIDE);
  await admin.goto('/admin/outbox');
  const mail = admin.getByRole('row').filter({ hasText: 'btc.chuyenvien@' }).filter({ hasText: DOC_NUMBER });
  await expect(mail.filter({ hasText: 'yêu cầu giải trình về nhiệm vụ' }).first()).toBeVisible();
  await mail.first().getByText('Xem nội dung').click();
  await expect(mail.first().locator('pre')).toContainText(taskPath);
});
