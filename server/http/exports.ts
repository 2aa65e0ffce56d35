import ExcelJS from 'exceljs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { monthInput, taskListInput } from '../../shared/schemas/tasks';
import type { TaskStatus } from '../../shared/task-status';
import { formatVietnameseDate, vietnamDate } from '../../shared/time';
import { SESSION_COOKIE } from '../modules/auth/cookie';
import { resolveSession, type SessionUser } from '../modules/auth/sessions';
import { getMonthlyReport } from '../modules/reports/monthly';
import { getCompliance } from '../modules/submissions/queries';
import { findTasksForExport } from '../modules/tasks/queries';
import { statusClock } from '../modules/tasks/status-sql';
import type { AppDeps } from '../trpc/context';

const STATUS_LABEL: Record<'vi' | 'en', Record<TaskStatus, string>> = {
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
    'No deadline',
    'Completion of due tasks (%)',
    'Completion of all assigned (%)',
  ],
};

const exportQuery = z.object({
  filter: z.string().max(4000).default('{}'),
  lang: z.enum(['vi', 'en']).default('vi'),
});

export async function requireUser(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<SessionUser | null> {
  const token = req.cookies[SESSION_COOKIE];
  const user = token ? await resolveSession(deps.database.db, deps.config, token) : null;
  if (!user) {
    await reply.code(401).send({ error: 'UNAUTHENTICATED' });
    return null;
  }
  return user;
}

export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote everything; neutralise spreadsheet formulas in user text.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

function percent(value: number | null): number | string {
  return value === null ? '' : Math.round(value * 1000) / 10;
}

export function sendDownload(reply: FastifyReply, name: string, type: string, body: Buffer | string) {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

/** CSV and Excel downloads of the task list (current filter) and of the monthly report. */
export function registerExports(app: FastifyInstance, deps: AppDeps) {
  app.get('/export/tasks.:format', async (req, reply) => {
    const format = (req.params as { format: string }).format;
    if (format !== 'csv' && format !== 'xlsx') return reply.code(404).send({ error: 'NOT_FOUND' });
    const user = await requireUser(deps, req, reply);
    if (!user) return;
    const query = exportQuery.safeParse(req.query);
    let filterJson: unknown;
    try {
      filterJson = JSON.parse(query.success ? query.data.filter : '{}');
    } catch {
      filterJson = null;
    }
    const filter = taskListInput.safeParse(filterJson);
    if (!query.success || !filter.success) return reply.code(400).send({ error: 'VALIDATION' });
    const lang = query.data.lang;
    const clock = statusClock(new Date());
    const items = await findTasksForExport(deps.database.db, filter.data, clock);
    const rows = items.map((t) => [
      t.id,
      t.title,
      t.documentNumber,
      lang === 'vi' ? t.leadNameVi : t.leadNameEn,
      t.leadLevel,
      t.groupNo ?? '',
      t.deadline ? formatVietnameseDate(t.deadline) : '',
      t.originalDeadline ? formatVietnameseDate(t.originalDeadline) : '',
      t.latestPercent,
      STATUS_LABEL[lang][t.status],
      t.dueSoon ? 'x' : '',
      t.stale ? 'x' : '',
      t.isKey ? 'x' : '',
      t.completedOn ? formatVietnameseDate(t.completedOn) : '',
    ]);
    const stamp = clock.today;
    if (format === 'csv') {
      const lines = [TASK_HEADERS[lang], ...rows].map((r) => r.map(csvCell).join(','));
      return sendDownload(
        reply,
        `nhiem-vu-${stamp}.csv`,
        'text/csv; charset=utf-8',
        `\uFEFF${lines.join('\r\n')}\r\n`,
      );
    }
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(lang === 'vi' ? 'Nhiệm vụ' : 'Tasks');
    sheet.addRow(TASK_HEADERS[lang]).font = { bold: true };
    for (const r of rows) sheet.addRow(r);
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    sheet.getColumn(2).width = 60;
    sheet.getColumn(4).width = 32;
    return sendDownload(
      reply,
      `nhiem-vu-${stamp}.xlsx`,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      Buffer.from(await workbook.xlsx.writeBuffer()),
    );
  });

  app.get('/export/monthly.xlsx', async (req, reply) => {
    const user = await requireUser(deps, req, reply);
    if (!user) return;
    if (!['office', 'inspector', 'admin'].includes(user.role))
      return reply.code(403).send({ error: 'FORBIDDEN' });
    const input = monthInput.extend({ lang: z.enum(['vi', 'en']).default('vi') }).safeParse(req.query);
    if (!input.success) return reply.code(400).send({ error: 'VALIDATION' });
    const { month, lang } = input.data;
    const report = await getMonthlyReport(deps.database.db, month);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(lang === 'vi' ? `Báo cáo ${month}` : `Report ${month}`);
    sheet.addRow([
      lang === 'vi'
        ? `Báo cáo giám sát nhiệm vụ tháng ${month} (kỳ ${formatVietnameseDate(report.periodStart)} – ${formatVietnameseDate(report.cutoff)})`
        : `Task monitoring report ${month} (period ${formatVietnameseDate(report.periodStart)} – ${formatVietnameseDate(report.cutoff)})`,
    ]).font = { bold: true, size: 13 };
    sheet.addRow([
      report.frozen
        ? lang === 'vi'
          ? 'Số liệu chốt tại ngày chốt kỳ'
          : 'Figures frozen at the cut-off'
        : `${lang === 'vi' ? 'Số liệu tại thời điểm' : 'Figures as of'} ${report.asOf.toISOString()}`,
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
      f.noDeadline,
      percent(f.ofDue),
      percent(f.ofAssigned),
    ];
    for (const a of report.byAgency) sheet.addRow(line(lang === 'vi' ? a.nameVi : a.nameEn, a));
    sheet.addRow(line(lang === 'vi' ? 'Tổng cộng' : 'Total', report.totals)).font = { bold: true };
    sheet.getColumn(1).width = 40;
    return sendDownload(
      reply,
      `bao-cao-thang-${month}.xlsx`,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      Buffer.from(await workbook.xlsx.writeBuffer()),
    );
  });

  app.get('/export/compliance.:format', async (req, reply) => {
    const format = (req.params as { format: string }).format;
    if (format !== 'csv' && format !== 'xlsx') return reply.code(404).send({ error: 'NOT_FOUND' });
    const user = await requireUser(deps, req, reply);
    if (!user) return;
    const input = z
      .object({
        templateId: z.coerce.number().int().positive(),
        level: z.enum(['central', 'provincial', 'commune']).optional(),
        lang: z.enum(['vi', 'en']).default('vi'),
      })
      .safeParse(req.query);
    if (!input.success) return reply.code(400).send({ error: 'VALIDATION' });
    const { lang, ...filter } = input.data;
    const report = await getCompliance(deps.database.db, filter);
    const symbol = {
      on_time: lang === 'vi' ? 'Đúng hạn' : 'On time',
      late: lang === 'vi' ? 'Muộn' : 'Late',
      missing: lang === 'vi' ? 'Chưa nộp' : 'Missing',
      pending: lang === 'vi' ? 'Chưa đến hạn' : 'Not yet due',
    };
    const header = [
      lang === 'vi' ? 'Cơ quan' : 'Agency',
      ...report.periods.map((p) => p.key),
      lang === 'vi' ? 'Phải nộp' : 'Expected',
      lang === 'vi' ? 'Đã nộp' : 'Submitted',
      lang === 'vi' ? 'Đúng hạn' : 'On time',
      lang === 'vi' ? 'Tỷ lệ đầy đủ (%)' : 'Completeness (%)',
      lang === 'vi' ? 'Tỷ lệ đúng hạn (%)' : 'Timeliness (%)',
    ];
    const rows = report.agencies.map((a) => [
      lang === 'vi' ? a.nameVi : a.nameEn,
      ...report.periods.map((p) => symbol[a.cells[p.key]?.state ?? 'pending']),
      a.expected,
      a.submitted,
      a.onTime,
      percent(a.completeness),
      percent(a.timeliness),
    ]);
    const name = `tuan-thu-bao-cao-${report.template.code}-${vietnamDate(new Date())}`;
    if (format === 'csv') {
      const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
      return sendDownload(reply, `${name}.csv`, 'text/csv; charset=utf-8', `\uFEFF${lines.join('\r\n')}\r\n`);
    }
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(lang === 'vi' ? 'Tình hình nộp báo cáo' : 'Reporting compliance');
    sheet.addRow([lang === 'vi' ? report.template.nameVi : report.template.nameEn]).font = { bold: true };
    sheet.addRow([]);
    sheet.addRow(header).font = { bold: true };
    for (const r of rows) sheet.addRow(r);
    sheet.getColumn(1).width = 40;
    return sendDownload(
      reply,
      `${name}.xlsx`,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      Buffer.from(await workbook.xlsx.writeBuffer()),
    );
  });
}
