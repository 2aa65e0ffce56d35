import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AgencyLevel } from '../../shared/agencies';
import { DOCUMENT_KIND_LABEL, KIND_LABEL, LEVEL_LABEL, PILLAR_LABEL } from '../../shared/export-labels';
import { agencyListInput } from '../../shared/schemas/agencies';
import { documentListInput } from '../../shared/schemas/documents';
import { scorecardInput } from '../../shared/schemas/kpis';
import { agencyRankingInput, inboxInput } from '../../shared/schemas/tasks';
import { formatVietnameseDate } from '../../shared/time';
import type { ServerDeps } from '../context';
import { findAgencies } from '../modules/agencies/queries';
import { findDocuments } from '../modules/documents/queries';
import { getScorecard } from '../modules/kpis/service';
import { getAgencyRankingCached } from '../modules/tasks/dashboard-cache';
import { findTaskGroups, findTasksForExport } from '../modules/tasks/queries';
import { statusClock } from '../modules/tasks/status-sql';
import { exportQuery, sendTaskTable } from './exports';
import {
  datedName,
  filterOf,
  guarded,
  langQuery,
  percentCell,
  sendInvalid,
  sendTable,
  tableRequest,
} from './kit';
import { KPI_STATUS_LABEL } from './kpi-exports';
import { readReport } from './read-node';

/**
 * Downloads of the lists that had none (issue 18, point 5): the agency ranking, the documents, the
 * inbox, the agencies and an agency's scorecard. Each takes the screen's filter as JSON (its own input
 * schema, without the page) and reads through the screen's own function, with its permissions: the
 * inbox is the user's own agency's, a scorecard is refused (404) to whoever may not read it. Labels,
 * not codes: levels, kinds, statuses and groups in the user's language, dates dd/MM/yyyy.
 */

/** Every row of a list, not a page of it (the largest list, the agencies, has about 3,400). */
const ALL_ROWS = 100_000;

/**
 * A list download's request: signed in, its format, the language, and the screen's filter read with
 * the screen's own schema (without the page); null once the refusal is sent.
 */
async function listRequest<S extends z.ZodType>(
  deps: ServerDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  schema: S,
) {
  const request = await tableRequest(deps, req, reply);
  if (!request) return null;
  const query = exportQuery.safeParse(req.query);
  if (!query.success) {
    await sendInvalid(reply, query.error.issues);
    return null;
  }
  const filter = await filterOf(reply, query.data.filter, schema);
  if (!filter) return null;
  return { ...request, lang: query.data.lang, vi: query.data.lang === 'vi', filter };
}

export function registerListExports(app: FastifyInstance, deps: ServerDeps) {
  app.get('/export/agency-ranking.:format', async (req, reply) => {
    const request = await listRequest(
      deps,
      req,
      reply,
      agencyRankingInput.omit({ page: true, pageSize: true }),
    );
    if (!request) return;
    const { filter, lang, vi } = request;
    const ranking = await readReport(deps, req, (db) =>
      getAgencyRankingCached(db, { ...filter, page: 1, pageSize: ALL_ROWS }),
    );
    const rows = ranking.items.map((r) => [
      r.rank ?? '',
      vi ? r.nameVi : r.nameEn,
      LEVEL_LABEL[lang][r.level],
      r.total,
      r.counts.completed_on_time,
      r.counts.completed_late,
      r.counts.in_progress,
      r.counts.overdue,
      r.counts.no_deadline,
      percentCell(r.overdueRate),
      percentCell(r.ofDue),
      percentCell(r.onTimeOfCompleted),
      r.validTo ? formatVietnameseDate(r.validTo) : '',
    ]);
    return sendTable(reply, request.format, datedName(vi ? 'xep-hang-co-quan' : 'agency-ranking'), {
      sheet: vi ? 'Xếp hạng cơ quan' : 'Agency ranking',
      title: vi
        ? `Xếp hạng cơ quan theo tỷ lệ quá hạn${filter.ranked ? '' : ' (chưa đủ nhiệm vụ để xếp hạng)'} — ${filter.borders === 'current' ? 'theo đơn vị hiện nay' : 'theo đơn vị khi ghi nhận'}`
        : `Agencies ranked by overdue rate${filter.ranked ? '' : ' (too few tasks to rank)'} — ${filter.borders === 'current' ? "today's units" : 'units as recorded'}`,
      header: vi
        ? [
            'Hạng',
            'Cơ quan',
            'Cấp',
            'Tổng số nhiệm vụ',
            'Hoàn thành đúng hạn',
            'Hoàn thành quá hạn',
            'Đang thực hiện trong hạn',
            'Quá hạn',
            'Không có thời hạn',
            'Tỷ lệ quá hạn (%)',
            'Tỷ lệ hoàn thành nhiệm vụ đến hạn (%)',
            'Tỷ lệ hoàn thành đúng hạn (%)',
            'Ngày kết thúc của đơn vị',
          ]
        : [
            'Rank',
            'Agency',
            'Level',
            'Tasks',
            'Completed on time',
            'Completed late',
            'In progress within deadline',
            'Overdue',
            'No deadline',
            'Overdue rate (%)',
            'Completion of due tasks (%)',
            'Completed on time (%)',
            'Unit ended on',
          ],
      rows,
      freezeHeader: true,
      widths: { 2: 40, 3: 20 },
    });
  });

  app.get('/export/documents.:format', async (req, reply) => {
    const request = await listRequest(
      deps,
      req,
      reply,
      documentListInput.omit({ page: true, pageSize: true }),
    );
    if (!request) return;
    const { filter, lang, vi } = request;
    const page = await readReport(deps, req, (db) =>
      findDocuments(db, { ...filter, page: 1, pageSize: ALL_ROWS }),
    );
    const rows = page.items.map((d) => [
      d.number,
      DOCUMENT_KIND_LABEL[lang][d.kind],
      formatVietnameseDate(d.issuedOn),
      d.signer,
      d.title,
      (vi ? d.issuerNameVi : d.issuerNameEn) ?? (vi ? 'Chính phủ' : 'The Government'),
      d.taskCount,
    ]);
    return sendTable(reply, request.format, datedName(vi ? 'van-ban' : 'documents'), {
      sheet: vi ? 'Văn bản' : 'Documents',
      header: vi
        ? ['Số hiệu', 'Loại văn bản', 'Ngày ban hành', 'Người ký', 'Trích yếu', 'Cơ quan giao', 'Số nhiệm vụ']
        : ['Number', 'Kind', 'Issued on', 'Signed by', 'Title', 'Assigned by', 'Tasks'],
      rows,
      freezeHeader: true,
      widths: { 1: 18, 2: 18, 5: 70, 6: 28 },
    });
  });

  app.get('/export/inbox.:format', async (req, reply) => {
    const request = await listRequest(deps, req, reply, inboxInput);
    if (!request) return;
    const { user, filter } = request;
    // The inbox's own scope (tasks.inbox): the user's agency, or its communes; never an agency chosen.
    const { leadOnly, scope, page: _page, pageSize: _size, ...rest } = filter;
    const clock = statusClock(new Date());
    const input =
      scope === 'communes'
        ? { ...rest, communesOf: user.agencyId, agencyRole: 'lead' as const }
        : { ...rest, agencyId: user.agencyId, agencyRole: leadOnly ? ('lead' as const) : ('any' as const) };
    const items = await readReport(deps, req, (db) => findTasksForExport(db, input, clock));
    const groups = await readReport(deps, req, (db) => findTaskGroups(db));
    return sendTaskTable(reply, request.format, request.lang, 'hop-viec', items, groups, clock.now);
  });

  app.get('/export/agencies.:format', async (req, reply) => {
    const request = await listRequest(deps, req, reply, agencyListInput.omit({ page: true, pageSize: true }));
    if (!request) return;
    const { filter, lang, vi } = request;
    const page = await readReport(deps, req, (db) =>
      findAgencies(db, { ...filter, page: 1, pageSize: ALL_ROWS }),
    );
    const rows = page.items.map((a) => [
      a.code,
      vi ? a.nameVi : a.nameEn,
      KIND_LABEL[lang][a.kind],
      LEVEL_LABEL[lang][a.level as AgencyLevel],
      (vi ? a.parentNameVi : a.parentNameEn) ?? '',
      a.childCount,
    ]);
    return sendTable(reply, request.format, datedName(vi ? 'co-quan' : 'agencies'), {
      sheet: vi ? 'Cơ quan' : 'Agencies',
      header: vi
        ? ['Mã', 'Tên cơ quan', 'Loại', 'Cấp', 'Trực thuộc', 'Số đơn vị trực thuộc']
        : ['Code', 'Agency', 'Kind', 'Level', 'Under', 'Units under it'],
      rows,
      freezeHeader: true,
      widths: { 1: 14, 2: 40, 3: 26, 4: 20, 5: 32 },
    });
  });

  app.get('/export/scorecards/:agencyId.:format', async (req, reply) => {
    const request = await tableRequest(deps, req, reply);
    if (!request) return;
    const { user } = request;
    const input = scorecardInput.safeParse({
      agencyId: Number((req.params as { agencyId: string }).agencyId),
    });
    const query = langQuery.safeParse(req.query);
    if (!input.success || !query.success)
      return sendInvalid(reply, [...(input.error?.issues ?? []), ...(query.error?.issues ?? [])]);
    const { lang } = query.data;
    const vi = lang === 'vi';
    return guarded(reply, async () => {
      const card = await readReport(deps, req, (db) => getScorecard(db, user, input.data.agencyId));
      const target = (targets: { year: number; value: number }[], year: number) =>
        targets.find((x) => x.year === year)?.value ?? '';
      const round = (v: number | null) => (v === null ? '' : Math.round(v * 10) / 10);
      const rows = card.items.map((k) => [
        k.code,
        vi ? k.nameVi : k.nameEn,
        PILLAR_LABEL[lang][k.pillar],
        k.unit,
        round(k.agencyValue),
        k.agencyPeriodKey ?? '',
        round(k.nationalValue),
        target(k.targets, 2027),
        target(k.targets, 2030),
        KPI_STATUS_LABEL[lang][k.agencyStatus],
        vi ? k.agencyStatusReason.vi : k.agencyStatusReason.en,
        KPI_STATUS_LABEL[lang][k.nationalStatus],
      ]);
      const name = vi ? card.agency.nameVi : card.agency.nameEn;
      return sendTable(
        reply,
        request.format,
        datedName(vi ? `the-diem-${card.agency.id}` : `scorecard-${card.agency.id}`),
        {
          sheet: vi ? 'Thẻ điểm' : 'Scorecard',
          title: `${vi ? 'Thẻ điểm chỉ tiêu' : 'KPI scorecard'}: ${name} (${LEVEL_LABEL[lang][card.agency.level]})`,
          header: vi
            ? [
                'Mã',
                'Chỉ tiêu',
                'Trụ cột',
                'Đơn vị tính',
                'Giá trị của cơ quan',
                'Kỳ',
                'Giá trị toàn quốc',
                'Mục tiêu 2027',
                'Mục tiêu 2030',
                'Trạng thái của cơ quan',
                'Lý do',
                'Trạng thái toàn quốc',
              ]
            : [
                'Code',
                'KPI',
                'Pillar',
                'Unit',
                'Agency value',
                'Period',
                'National value',
                'Target 2027',
                'Target 2030',
                'Agency status',
                'Reason',
                'National status',
              ],
          rows,
          freezeHeader: true,
          widths: { 2: 50, 3: 30, 11: 50 },
        },
      );
    });
  });
}
