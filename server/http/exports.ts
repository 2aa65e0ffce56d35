import ExcelJS from 'exceljs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AgencyLevel } from '../../shared/agencies';
import { cellHeadline } from '../../shared/compliance-cells';
import { LEVEL_LABEL } from '../../shared/export-labels';
import { periodName } from '../../shared/period-names';
import { isOversight } from '../../shared/roles';
import { type CellStage, type CellState, complianceExportQuery } from '../../shared/schemas/reports';
import { monthInput, taskListInput } from '../../shared/schemas/tasks';
import type { TaskStatus } from '../../shared/task-status';
import { formatVietnameseDate, vietnamDateTime } from '../../shared/time';
import type { ServerDeps } from '../context';
import { getMonthlyReport } from '../modules/reports/monthly';
import { getCompliance } from '../modules/submissions/queries';
import { findTaskGroups, findTasksForExport } from '../modules/tasks/queries';
import { statusClock } from '../modules/tasks/status-sql';
import {
  datedName,
  type Lang,
  langQuery,
  nulIssues,
  percentCell,
  requireUser,
  sendError,
  sendInvalid,
  sendTable,
  sendXlsx,
  type TableFormat,
  tableRequest,
} from './kit';
import { readReport } from './read-node';

export const STATUS_LABEL: Record<'vi' | 'en', Record<TaskStatus, string>> = {
  vi: {
    completed_on_time: 'Hoàn thành đúng hạn',
    completed_late: 'Hoàn thành quá hạn',
    in_progress: 'Đang thực hiện trong hạn',
    overdue: 'Quá hạn',
    no_deadline: 'Không có thời hạn',
    withdrawn: 'Đã thu hồi',
  },
  en: {
    completed_on_time: 'Completed on time',
    completed_late: 'Completed late',
    in_progress: 'In progress, within deadline',
    overdue: 'Overdue',
    no_deadline: 'No deadline',
    withdrawn: 'Withdrawn',
  },
};

type CellWord = CellState | CellStage;

/** The heatmap's words (client/lib/i18n/messages/reports.*.ts, `compliance.cells` and `cellDetails`). */
const CELL_WORDS: Record<'vi' | 'en', { main: Record<CellWord, string>; detail: Record<CellWord, string> }> =
  {
    vi: {
      main: {
        on_time: 'Đúng hạn',
        late: 'Muộn',
        missing: 'Chưa nộp',
        pending: 'Chưa đến hạn',
        early: 'Nộp sớm',
        drafting: 'Đang soạn',
        correcting: 'Đang sửa lại',
        awaiting_approval: 'Chờ lãnh đạo duyệt',
        awaiting_acceptance: 'Chờ VPCP tiếp nhận',
        returned: 'Bị trả lại',
        accepted: 'Đã tiếp nhận',
      },
      detail: {
        on_time: 'nộp đúng hạn',
        late: 'nộp muộn',
        early: 'nộp sớm, chưa đến hạn',
        missing: 'chưa nộp',
        pending: 'chưa đến hạn',
        drafting: 'đang soạn',
        correcting: 'đang sửa lại',
        awaiting_approval: 'chờ lãnh đạo duyệt',
        awaiting_acceptance: 'chờ VPCP tiếp nhận',
        returned: 'bị trả lại',
        accepted: 'đã tiếp nhận',
      },
    },
    en: {
      main: {
        on_time: 'On time',
        late: 'Late',
        missing: 'Not submitted',
        pending: 'Not yet due',
        early: 'Submitted early',
        drafting: 'Being drafted',
        correcting: 'Being corrected',
        awaiting_approval: 'Awaiting approval',
        awaiting_acceptance: 'Awaiting acceptance',
        returned: 'Returned',
        accepted: 'Accepted',
      },
      detail: {
        on_time: 'sent on time',
        late: 'sent late',
        early: 'sent early, not yet due',
        missing: 'not submitted',
        pending: 'not yet due',
        drafting: 'being drafted',
        correcting: 'being corrected',
        awaiting_approval: 'awaiting approval',
        awaiting_acceptance: 'awaiting acceptance',
        returned: 'returned',
        accepted: 'accepted',
      },
    },
  };

const TASK_HEADERS = {
  vi: [
    'Mã',
    'Nhiệm vụ',
    'Văn bản',
    'Cơ quan chủ trì',
    'Cấp',
    'Nhóm',
    'Thời hạn',
    'Thời hạn ban đầu',
    'Tiến độ (%)',
    'Trạng thái',
    'Sắp đến hạn',
    'Chậm cập nhật',
    'Trọng tâm',
    'Ngày hoàn thành',
  ],
  en: [
    'ID',
    'Task',
    'Document',
    'Lead agency',
    'Level',
    'Group',
    'Deadline',
    'Original deadline',
    'Progress (%)',
    'Status',
    'Due soon',
    'Stale',
    'Key task',
    'Completed on',
  ],
};

const MONTHLY_HEADERS = {
  vi: [
    'Cơ quan',
    'Được giao (lũy kế)',
    'Giao trong kỳ',
    'Hoàn thành đúng hạn',
    'Hoàn thành quá hạn',
    'Đang thực hiện trong hạn',
    'Quá hạn',
    'Quá hạn chưa có giải trình được chấp nhận',
    'Đôn đốc trong kỳ',
    'Yêu cầu giải trình trong kỳ',
    'Báo cáo muộn hoặc chưa gửi chưa giải trình',
    'Đôn đốc báo cáo trong kỳ',
    'Yêu cầu giải trình về báo cáo trong kỳ',
    'Không có thời hạn',
    'Tỷ lệ hoàn thành nhiệm vụ đến hạn (%)',
    'Tỷ lệ hoàn thành trên tổng số (%)',
  ],
  en: [
    'Agency',
    'Assigned (to date)',
    'Assigned in period',
    'Completed on time',
    'Completed late',
    'In progress within deadline',
    'Overdue',
    'Overdue without an accepted explanation',
    'Reminders in period',
    'Explanation requests in period',
    'Reports late or missing, unexplained',
    'Report reminders in period',
    'Report explanation requests in period',
    'No deadline',
    'Completion of due tasks (%)',
    'Completion of all assigned (%)',
  ],
};

type ExportedTask = Awaited<ReturnType<typeof findTasksForExport>>[number];

/** A list of tasks as the task list and the inbox download it: labels, not codes. */
export function sendTaskTable(
  reply: FastifyReply,
  format: TableFormat,
  lang: Lang,
  base: string,
  items: readonly ExportedTask[],
  groups: readonly { no: number; nameVi: string; nameEn: string }[],
  now: Date,
) {
  const groupName = new Map(groups.map((g) => [g.no, `${g.no}. ${lang === 'vi' ? g.nameVi : g.nameEn}`]));
  const rows = items.map((t) => [
    t.id,
    t.title,
    t.documentNumber,
    lang === 'vi' ? t.leadNameVi : t.leadNameEn,
    LEVEL_LABEL[lang][t.leadLevel as AgencyLevel] ?? t.leadLevel,
    t.groupNo === null ? '' : (groupName.get(t.groupNo) ?? t.groupNo),
    t.deadline ? formatVietnameseDate(t.deadline) : '',
    t.originalDeadline ? formatVietnameseDate(t.originalDeadline) : '',
    t.latestPercent,
    STATUS_LABEL[lang][t.status],
    t.dueSoon ? 'x' : '',
    t.stale ? 'x' : '',
    t.isKey ? 'x' : '',
    t.completedOn ? formatVietnameseDate(t.completedOn) : '',
  ]);
  return sendTable(reply, format, datedName(base, now), {
    sheet: lang === 'vi' ? 'Nhiệm vụ' : 'Tasks',
    header: TASK_HEADERS[lang],
    rows,
    freezeHeader: true,
    widths: { 2: 60, 4: 32, 6: 30 },
  });
}

export const exportQuery = langQuery.extend({ filter: z.string().max(4000).default('{}') });

/** CSV and Excel downloads of the task list (current filter), the monthly report and compliance. */
export function registerExports(app: FastifyInstance, deps: ServerDeps) {
  app.get('/export/tasks.:format', async (req, reply) => {
    const request = await tableRequest(deps, req, reply);
    if (!request) return;
    const { format } = request;
    const query = exportQuery.safeParse(req.query);
    if (!query.success) return sendInvalid(reply, query.error.issues);
    let filterJson: unknown;
    try {
      filterJson = JSON.parse(query.data.filter);
    } catch {
      filterJson = null;
    }
    const nul = nulIssues(filterJson);
    if (nul.length) return sendInvalid(reply, nul, ['filter']);
    const filter = taskListInput.safeParse(filterJson);
    if (!filter.success) return sendInvalid(reply, filter.error.issues, ['filter']);
    const lang = query.data.lang;
    const clock = statusClock(new Date());
    const items = await readReport(deps, req, (db) => findTasksForExport(db, filter.data, clock));
    const groups = await readReport(deps, req, (db) => findTaskGroups(db));
    return sendTaskTable(reply, format, lang, 'nhiem-vu', items, groups, clock.now);
  });

  app.get('/export/monthly.xlsx', async (req, reply) => {
    const user = await requireUser(deps, req, reply);
    if (!user) return;
    // The monthly report's own procedure (`reports.monthly`) is for the oversight roles too.
    if (!isOversight(user.role)) return sendError(reply, 'FORBIDDEN');
    const input = monthInput.extend(langQuery.shape).safeParse(req.query);
    if (!input.success) return sendInvalid(reply, input.error.issues);
    const { month, lang } = input.data;
    const report = await readReport(deps, req, (db) => getMonthlyReport(db, month));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(lang === 'vi' ? `Báo cáo ${month}` : `Report ${month}`);
    sheet.addRow([
      lang === 'vi'
        ? `Báo cáo giám sát nhiệm vụ ${periodName(month, lang, { inSentence: true })} (kỳ ${formatVietnameseDate(report.periodStart)} – ${formatVietnameseDate(report.cutoff)})`
        : `Task monitoring report for ${periodName(month, lang)} (period ${formatVietnameseDate(report.periodStart)} – ${formatVietnameseDate(report.cutoff)})`,
    ]).font = { bold: true, size: 13 };
    const source = {
      frozen: { vi: 'Số liệu chốt tại ngày chốt kỳ', en: 'Figures frozen at the cut-off' },
      history: {
        vi: 'Số liệu tại hết ngày chốt kỳ, tính từ lịch sử ghi nhận',
        en: 'Figures as at the end of the cut-off day, from the recorded history',
      },
      live: { vi: 'Số liệu tại thời điểm', en: 'Figures as of' },
    }[report.source][lang];
    sheet.addRow([
      report.source === 'live'
        ? `${source} ${vietnamDateTime(report.asOf)} (${lang === 'vi' ? 'giờ Việt Nam' : 'Vietnam time'})`
        : source,
    ]);
    sheet.addRow([]);
    sheet.addRow(MONTHLY_HEADERS[lang]).font = { bold: true };
    const line = (name: string, f: typeof report.totals) => [
      name,
      f.assigned,
      f.assignedInPeriod,
      f.completedOnTime,
      f.completedLate,
      f.inProgress,
      f.overdue,
      f.overdueUnexplained,
      f.remindersInPeriod,
      f.explanationsInPeriod,
      f.reportsUnexplained,
      f.reportRemindersInPeriod,
      f.reportExplanationsInPeriod,
      f.noDeadline,
      percentCell(f.ofDue),
      percentCell(f.ofAssigned),
    ];
    for (const a of report.byAgency) sheet.addRow(line(lang === 'vi' ? a.nameVi : a.nameEn, a));
    sheet.addRow(line(lang === 'vi' ? 'Tổng cộng' : 'Total', report.totals)).font = { bold: true };
    sheet.getColumn(1).width = 40;
    return sendXlsx(reply, `bao-cao-thang-${month}`, workbook);
  });

  app.get('/export/compliance.:format', async (req, reply) => {
    const request = await tableRequest(deps, req, reply);
    if (!request) return;
    const { format } = request;
    const input = langQuery.extend(complianceExportQuery.shape).safeParse(req.query);
    if (!input.success) return sendInvalid(reply, input.error.issues);
    const { lang, ...filter } = input.data;
    const report = await readReport(deps, req, (db) => getCompliance(db, filter));
    const words = CELL_WORDS[lang];
    // The words the heatmap shows: where the report stands first, its timeliness second.
    const cellText = (cell: { state: CellState; stage: CellStage | null } | undefined) => {
      if (!cell) return '';
      const { main, detail } = cellHeadline(cell);
      return detail ? `${words.main[main]} (${words.detail[detail]})` : words.main[main];
    };
    const levelName = LEVEL_LABEL[lang];
    const header = [
      lang === 'vi' ? 'Cơ quan' : 'Agency',
      lang === 'vi' ? 'Cấp' : 'Level',
      ...report.periods.map((p) => periodName(p.key, lang)),
      lang === 'vi' ? 'Phải nộp' : 'Expected',
      lang === 'vi' ? 'Đã nộp' : 'Submitted',
      lang === 'vi' ? 'Đúng hạn' : 'On time',
      lang === 'vi' ? 'Muộn' : 'Late',
      lang === 'vi' ? 'Chưa nộp' : 'Missing',
      lang === 'vi' ? 'Tỷ lệ đầy đủ (%)' : 'Completeness (%)',
      lang === 'vi' ? 'Tỷ lệ đúng hạn (%)' : 'Timeliness (%)',
    ];
    const rows = report.agencies.map((a) => [
      lang === 'vi' ? a.nameVi : a.nameEn,
      levelName[a.level as AgencyLevel] ?? a.level,
      ...report.periods.map((p) => cellText(a.cells[p.key])),
      a.expected,
      a.submitted,
      a.onTime,
      a.late,
      a.missing,
      percentCell(a.completeness),
      percentCell(a.timeliness),
    ]);
    return sendTable(reply, format, datedName(`tuan-thu-bao-cao-${report.template.code}`), {
      sheet: lang === 'vi' ? 'Tình hình nộp báo cáo' : 'Reporting compliance',
      title: lang === 'vi' ? report.template.nameVi : report.template.nameEn,
      header,
      rows,
      widths: { 1: 40 },
    });
  });
}
