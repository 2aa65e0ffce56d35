import { type Browser, expect, type Page, test } from '@playwright/test';
import { keepScreenshot, logIn } from './helpers';

/**
 * The task-monitoring journey of issue 3: the Office registers a document with two tasks, the ministry
 * reports progress with evidence, asks for and gets an extension, reports completion, its leader signs
 * off, the Office accepts; the dashboard moves; the province can do nothing to the ministry's task.
 */
const DOC_NUMBER = `${Date.now() % 100000}/QĐ-TTg`;
const MINISTRY_TASK = `Xây dựng cơ sở dữ liệu thử nghiệm ${DOC_NUMBER}`;
const PROVINCE_TASK = `Triển khai nền tảng số cấp tỉnh ${DOC_NUMBER}`;

function ddmmyyyy(daysFromToday: number): string {
  const d = new Date(Date.now() + daysFromToday * 86_400_000 + 7 * 3_600_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

async function pickAgency(
  page: Page,
  scope: ReturnType<Page['locator']>,
  label: string,
  query: string,
  name: string,
) {
  const box = scope.getByRole('combobox', { name: new RegExp(label) });
  await box.fill(query);
  await page.getByRole('option', { name }).first().click();
}

async function newPage(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  await logIn(page, username);
  return page;
}

async function dashboardCount(page: Page, label: RegExp): Promise<number> {
  const card = page.getByRole('link', { name: label }).first();
  const text = (await card.innerText()).replace(/\./g, '');
  return Number(/\d+/.exec(text)?.[0] ?? Number.NaN);
}

test('a document with two tasks goes from assignment to accepted completion', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const office = await newPage(browser, 'vpcp');

  await office.goto('/dashboard');
  await expect(office.getByRole('heading', { name: 'Bảng điều khiển' })).toBeVisible();
  const completedBefore = await dashboardCount(office, /Hoàn thành đúng hạn/);
  // The dashboard shows the worst ranked agencies only: the ministry's line is in the full ranking.
  const rankingRow = async () => {
    await office.getByRole('button', { name: 'Xem toàn bộ bảng xếp hạng' }).click();
    await office.getByRole('searchbox', { name: 'Tìm cơ quan' }).fill('bo tai chinh');
    return office
      .getByRole('table', { name: /^Xếp hạng cơ quan theo tỷ lệ quá hạn —/ })
      .getByRole('row')
      .filter({ hasText: 'Bộ Tài chính' });
  };
  const rankingBefore = await (await rankingRow()).innerText();

  // The Office registers the document and its two tasks.
  await office.goto('/documents/new');
  await office.getByLabel(/Số hiệu/).fill(DOC_NUMBER);
  await office.getByLabel(/Loại văn bản/).selectOption('decision');
  await office.getByLabel(/Ngày ban hành/).fill(ddmmyyyy(0));
  await office.getByLabel(/Người ký/).fill('Thủ tướng Chính phủ');
  await office.getByLabel(/Trích yếu/).fill('Quyết định giao nhiệm vụ thử nghiệm phát triển Chính phủ số');
  for (const [i, spec] of [
    [1, { title: MINISTRY_TASK, lead: ['tai chinh', 'Bộ Tài chính'] }],
    [2, { title: PROVINCE_TASK, lead: ['thanh pho ha noi', 'Thành phố Hà Nội'] }],
  ] as const) {
    if (i > 1) await office.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    const task = office.getByRole('group', { name: `Nhiệm vụ ${i}` });
    await task.getByLabel(/Tên nhiệm vụ/).fill(spec.title);
    await pickAgency(office, task, 'Cơ quan chủ trì', spec.lead[0], spec.lead[1]);
    await task.getByLabel(/^Thời hạn/).fill(ddmmyyyy(20));
  }
  await keepScreenshot(office, testInfo, 'tasks-register-document');
  await office.getByRole('button', { name: 'Đăng ký văn bản' }).click();
  await expect(
    office.getByRole('heading', { name: new RegExp(DOC_NUMBER.replace('/', '\\/')) }),
  ).toBeVisible();
  await expect(office.getByRole('link', { name: MINISTRY_TASK })).toBeVisible();
  await expect(office.getByRole('link', { name: PROVINCE_TASK })).toBeVisible();

  // The ministry officer finds it in the inbox, posts 40 % with evidence, asks for an extension.
  const ministry = await newPage(browser, 'btc.chuyenvien');
  await ministry.goto('/inbox');
  await ministry.getByLabel('Tìm nhiệm vụ').fill(DOC_NUMBER);
  await ministry.getByRole('link', { name: MINISTRY_TASK }).click();
  const progress = ministry.getByRole('region', { name: 'Cập nhật tiến độ' });
  await progress.getByLabel('Phần trăm hoàn thành').fill('40');
  await progress
    .getByLabel('Diễn giải')
    .fill('Đã hoàn thành khảo sát hiện trạng, gửi dự thảo kiến trúc dữ liệu.');
  await progress
    .getByLabel('Đường dẫn minh chứng')
    .fill('https://mof.gov.vn/minh-chung/du-thao-kien-truc.pdf');
  await progress.getByLabel('Tệp minh chứng').setInputFiles({
    name: 'du-thao-kien-truc.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 0x20)]),
  });
  await progress.getByRole('button', { name: 'Gửi cập nhật tiến độ' }).click();
  await expect(ministry.getByText('Cập nhật tiến độ: 40 %')).toBeVisible();
  // The page says it was recorded and what comes next, and the focus is there, not at the top.
  const outcome = ministry.getByRole('status').filter({ hasText: 'Đã ghi nhận cập nhật tiến độ.' });
  await expect(outcome).toBeFocused();
  const evidence = ministry.getByRole('link', { name: 'Tệp minh chứng: du-thao-kien-truc.pdf' });
  await expect(evidence).toBeVisible();
  const download = await ministry.request.get((await evidence.getAttribute('href')) ?? '');
  expect(download.status()).toBe(200);
  expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
  const extension = ministry.getByRole('region', { name: 'Đề nghị gia hạn' });
  await extension.getByLabel('Thời hạn đề nghị').fill(ddmmyyyy(50));
  await extension.getByLabel('Lý do').fill('Cần thêm thời gian lấy ý kiến các bộ, ngành.');
  await extension.getByRole('button', { name: 'Gửi đề nghị gia hạn' }).click();
  await expect(ministry.getByText(/Đề nghị gia hạn đến/)).toBeVisible();
  await expect(ministry.getByText('Chờ Văn phòng Chính phủ quyết định gia hạn')).toBeVisible();
  await expect(
    ministry.getByRole('status').filter({ hasText: /Tiếp theo: Văn phòng Chính phủ đồng ý hoặc từ chối/ }),
  ).toBeFocused();
  const taskUrl = ministry.url();

  // The province officer cannot act on the ministry's task: no forms in the UI, FORBIDDEN at the API.
  const province = await newPage(browser, 'hanoi.chuyenvien');
  await province.goto(taskUrl);
  await expect(province.getByRole('heading', { name: MINISTRY_TASK })).toBeVisible();
  await expect(province.getByRole('button', { name: 'Gửi cập nhật tiến độ' })).toHaveCount(0);
  const taskId = Number(new URL(taskUrl).pathname.split('/').pop());
  const forbidden = await province.request.post('/trpc/tasks.postProgress', {
    headers: { 'content-type': 'application/json', origin: new URL(taskUrl).origin },
    data: {
      json: {
        taskId,
        percent: 99,
        narrative: 'Thử ghi vào nhiệm vụ của bộ khác',
        idempotencyKey: 'e2e-province-attempt',
      },
    },
  });
  expect(forbidden.status()).toBe(403);
  await keepScreenshot(province, testInfo, 'tasks-province-read-only');

  // The Office approves the extension.
  await office.goto(taskUrl);
  await office.getByRole('button', { name: 'Đồng ý gia hạn' }).click();
  await expect(office.getByText(/Đồng ý gia hạn đến/)).toBeVisible();
  await expect(office.getByText(ddmmyyyy(50)).first()).toBeVisible();

  // The ministry reports completion; its leader signs off; the Office accepts.
  await ministry.reload();
  const completion = ministry.getByRole('region', { name: 'Báo cáo hoàn thành' });
  await completion
    .getByLabel('Kết quả thực hiện')
    .fill('Đã đưa cơ sở dữ liệu vào vận hành theo Quyết định số 15/QĐ-BTC.');
  await completion.getByLabel('Ngày hoàn thành').fill(ddmmyyyy(0));
  await completion.getByRole('button', { name: 'Gửi báo cáo hoàn thành' }).click();
  await expect(ministry.getByText(/Báo cáo hoàn thành, ngày hoàn thành/)).toBeVisible();
  // Still "in progress" until the Office accepts: the page says what the task now waits on, and who.
  await expect(ministry.getByText('Chờ lãnh đạo cơ quan duyệt báo cáo hoàn thành')).toBeVisible();
  await expect(
    ministry
      .getByRole('status')
      .filter({ hasText: /^Đã gửi báo cáo hoàn thành\. Tiếp theo: lãnh đạo cơ quan chủ trì duyệt/ }),
  ).toBeFocused();

  const leader = await newPage(browser, 'btc.lanhdao');
  await leader.goto(taskUrl);
  await leader.getByRole('button', { name: 'Duyệt và gửi Văn phòng Chính phủ' }).click();
  await expect(leader.getByText('Lãnh đạo cơ quan duyệt báo cáo hoàn thành')).toBeVisible();
  await expect(leader.getByText('Chờ Văn phòng Chính phủ xét duyệt hoàn thành')).toBeVisible();

  await office.reload();
  await office.getByRole('button', { name: 'Chấp nhận hoàn thành' }).click();
  await expect(office.getByText('Văn phòng Chính phủ chấp nhận hoàn thành')).toBeVisible();
  await expect(office.getByRole('status').filter({ hasText: /không cần thao tác thêm/ })).toBeFocused();
  await expect(office.getByText('Hoàn thành đúng hạn').first()).toBeVisible();
  await expect(office.getByRole('table', { name: /Ai đã làm gì/ })).toContainText('Chấp nhận hoàn thành');
  await keepScreenshot(office, testInfo, 'tasks-accepted');

  // The dashboard counts changed accordingly.
  await office.goto('/dashboard');
  await expect.poll(() => dashboardCount(office, /Hoàn thành đúng hạn/)).toBe(completedBefore + 1);
  // The ministry's line in the agency ranking moved too (one more task, one more completed on time).
  const rankingAfter = await rankingRow();
  await expect.poll(async () => rankingAfter.innerText()).not.toBe(rankingBefore);
  await keepScreenshot(office, testInfo, 'tasks-dashboard-after');

  // On paper each chart's figures print as its table, drawn or not (no empty boxes, no toggles).
  const toggles = office.getByRole('button', { name: 'Xem bảng số liệu' });
  const charts = await toggles.count();
  expect(charts).toBeGreaterThan(0);
  const tables = office.locator('.chart-panel__table');
  await expect(tables.first()).toBeHidden();
  await office.emulateMedia({ media: 'print' });
  for (let i = 0; i < charts; i++) await expect(tables.nth(i).getByRole('table')).toBeVisible();
  await expect(toggles.first()).toBeHidden();
  await office.emulateMedia({ media: 'screen' });
  await expect(tables.first()).toBeHidden();
});
