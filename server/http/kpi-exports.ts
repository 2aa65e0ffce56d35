import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AgencyLevel } from '../../shared/agencies';
import { LEVEL_LABEL } from '../../shared/export-labels';
import type { KpiStatus } from '../../shared/kpi-vocabulary';
import { periodName } from '../../shared/period-names';
import { kpiAgencyInput, kpiDetailInput, kpiOverviewFilters } from '../../shared/schemas/kpis';
import { submissionIdInput } from '../../shared/schemas/reports';
import { vietnamDateTime } from '../../shared/time';
import { formatVietnameseDate } from '../../shared/vietnam-date';
import type { ServerDeps } from '../context';
import { canReadKpiDetail } from '../modules/kpis/policy';
import { getAgencyKpiSubmissions, getKpiDetail, getKpiOverview } from '../modules/kpis/service';
import { getSubmission } from '../modules/submissions/queries';
import {
  datedName,
  guarded,
  type Lang,
  langQuery,
  percentCell,
  sendError,
  sendInvalid,
  sendTable,
  type TableFormat,
  tableRequest,
} from './kit';
import { readReport } from './read-node';

export const KPI_STATUS_LABEL: Record<Lang, Record<KpiStatus, string>> = {
  vi: {
    on_track: 'Đúng lộ trình',
    at_risk: 'Có nguy cơ',
    off_track: 'Chệch lộ trình',
    insufficient_data: 'Chưa đủ số liệu',
  },
  en: {
    on_track: 'On track',
    at_risk: 'At risk',
    off_track: 'Off track',
    insufficient_data: 'Insufficient data',
  },
};

const STATE_LABEL: Record<Lang, Record<string, string>> = {
  vi: {
    draft: 'Nháp',
    submitted: 'Đã gửi',
    approved: 'Lãnh đạo đã duyệt',
    accepted: 'Đã tiếp nhận',
    returned: 'Trả lại',
  },
  en: {
    draft: 'Draft',
    submitted: 'Submitted',
    approved: 'Approved',
    accepted: 'Accepted',
    returned: 'Returned',
  },
};

const REVIEW_OUTCOME: Record<Lang, Record<string, string>> = {
  vi: { accepted: 'VPCP chấp nhận', returned: 'VPCP trả lại', returned_by_leader: 'Lãnh đạo trả lại' },
  en: {
    accepted: 'Accepted by the Office',
    returned: 'Returned by the Office',
    returned_by_leader: 'Returned by the leader',
  },
};

const round = (v: number | null | undefined) =>
  v === null || v === undefined ? '' : Math.round(v * 10) / 10;

/** Every KPI table: a title above the header kept in view, the name column wide. */
function download(
  reply: FastifyReply,
  format: TableFormat,
  name: string,
  sheet: string,
  title: string,
  header: string[],
  rows: (string | number)[][],
) {
  return sendTable(reply, format, name, {
    sheet,
    title,
    header,
    rows,
    freezeHeader: true,
    widths: { 2: 50 },
  });
}

/** CSV and Excel downloads of each level of the KPI drill-down, with the procedures' permissions. */
export function registerKpiExports(app: FastifyInstance, deps: ServerDeps) {
  app.get('/export/kpis.:format', async (req, reply) => {
    const request = await tableRequest(deps, req, reply);
    if (!request) return;
    const { format } = request;
    // The page's filters, as the page sends them (`kpiExportUrls.overview`).
    const query = langQuery.extend(kpiOverviewFilters.shape).safeParse(req.query);
    if (!query.success) return sendInvalid(reply, query.error.issues);
    const { lang, ...filters } = query.data;
    const { items } = await readReport(deps, req, (db) => getKpiOverview(db, filters));
    const vi = lang === 'vi';
    const header = vi
      ? [
          'Mã',
          'Chỉ tiêu',
          'Kỳ gần nhất',
          'Giá trị (%)',
          'Tử số',
          'Mẫu số',
          'Số cơ quan đã báo cáo',
          'Số cơ quan phải báo cáo',
          'Độ bao phủ (%)',
          'Số cơ quan tính theo kỳ trước',
          'Hạn nộp của kỳ',
          'Kỳ tạm tính',
          'Giá trị tạm tính (%)',
          'Kỳ tạm tính: số cơ quan đã báo cáo',
          'Ngưỡng độ bao phủ (%)',
          'Mục tiêu 2027 (%)',
          'Mục tiêu 2030 (%)',
          'Mức đạt 2027 (%)',
          'Mức đạt 2030 (%)',
          'Dự báo 2027 (%)',
          'Dự báo 2030 (%)',
          'Trạng thái',
          'Lý do',
          'Phương pháp dự báo',
        ]
      : [
          'Code',
          'KPI',
          'Latest period',
          'Value (%)',
          'Numerator',
          'Denominator',
          'Agencies reported',
          'Agencies obliged',
          'Coverage (%)',
          'Agencies counted by an earlier period',
          'Period deadline',
          'Provisional period',
          'Provisional value (%)',
          'Provisional period: agencies reported',
          'Coverage floor (%)',
          'Target 2027 (%)',
          'Target 2030 (%)',
          'Attainment 2027 (%)',
          'Attainment 2030 (%)',
          'Forecast 2027 (%)',
          'Forecast 2030 (%)',
          'Status',
          'Reason',
          'Forecast method',
        ];
    const rows = items.map((k) => {
      const at = (year: number) => ({
        target: k.targets.find((t) => t.year === year)?.value,
        attainment: k.attainment.find((a) => a.year === year)?.ratio,
        forecast: k.forecast?.byTargetYear.find((f) => f.year === year)?.value,
      });
      const [y27, y30] = [at(2027), at(2030)];
      return [
        k.code,
        vi ? k.nameVi : k.nameEn,
        k.latest ? periodName(k.latest.periodKey, lang) : '',
        round(k.latest?.value),
        k.latest?.numerator ?? '',
        k.latest?.denominator ?? '',
        k.latest?.agencies ?? '',
        k.latest?.obliged ?? '',
        round(k.latest?.coverage),
        k.latest?.carriedForward ?? '',
        k.latest?.closesOn ?? '',
        k.provisional ? periodName(k.provisional.periodKey, lang) : '',
        round(k.provisional?.value),
        k.provisional?.agencies ?? '',
        k.source === 'system' ? '' : k.coverageFloor,
        y27.target ?? '',
        y30.target ?? '',
        percentCell(y27.attainment),
        percentCell(y30.attainment),
        round(y27.forecast),
        round(y30.forecast),
        KPI_STATUS_LABEL[lang][k.status],
        k.statusReason[lang],
        k.forecast?.method[lang] ?? '',
      ];
    });
    return download(
      reply,
      format,
      datedName('chi-tieu'),
      vi ? 'Chỉ tiêu' : 'KPIs',
      vi ? 'Mức độ đạt chỉ tiêu Chương trình Chính phủ số' : 'Digital Government Program KPI attainment',
      header,
      rows,
    );
  });

  app.get('/export/kpis/:code/ranking.:format', async (req, reply) => {
    const request = await tableRequest(deps, req, reply);
    if (!request) return;
    const { format, user } = request;
    const params = req.params as { code: string };
    if (!canReadKpiDetail(user)) return sendError(reply, 'FORBIDDEN');
    const input = kpiDetailInput.safeParse({
      code: params.code,
      borders: (req.query as { borders?: unknown }).borders,
    });
    const query = langQuery.safeParse(req.query);
    if (!input.success || !query.success)
      return sendInvalid(reply, [...(input.error?.issues ?? []), ...(query.error?.issues ?? [])]);
    const lang = query.data.lang;
    const vi = lang === 'vi';
    return guarded(reply, async () => {
      const detail = await readReport(deps, req, (db) =>
        getKpiDetail(db, input.data.code, new Date(), input.data.borders),
      );
      const header = vi
        ? [
            'Hạng',
            'Cơ quan',
            'Cấp',
            'Kỳ',
            'Giá trị (%)',
            'Tử số',
            'Mẫu số',
            'Kỳ trước (%)',
            'Xu hướng',
            'Số kỳ trước kỳ toàn quốc',
            'Giữ nguyên vào giá trị toàn quốc',
            'Gồm số liệu của đơn vị cũ',
            'Đơn vị đến ngày',
          ]
        : [
            'Rank',
            'Agency',
            'Level',
            'Period',
            'Value (%)',
            'Numerator',
            'Denominator',
            'Previous (%)',
            'Trend',
            'Periods before the national period',
            'Carried into the national value',
            'Former units included',
            'Unit until',
          ];
      const trend = { up: vi ? 'Tăng' : 'Up', down: vi ? 'Giảm' : 'Down', flat: vi ? 'Không đổi' : 'Flat' };
      const rows = detail.ranking.map((r, i) => [
        i + 1,
        vi ? r.nameVi : r.nameEn,
        LEVEL_LABEL[lang][r.level as AgencyLevel] ?? r.level,
        r.periodKey ? periodName(r.periodKey, lang) : '',
        round(r.value),
        r.numerator ?? '',
        r.denominator ?? '',
        round(r.previousValue),
        r.trend ? trend[r.trend] : '',
        r.age ?? '',
        r.carriedForward ? (vi ? 'Có' : 'Yes') : '',
        r.formerUnits || '',
        r.validTo ? formatVietnameseDate(r.validTo) : '',
      ]);
      const borders =
        detail.borders === 'current'
          ? vi
            ? 'theo đơn vị hiện nay'
            : "under today's units"
          : vi
            ? 'theo đơn vị tại thời điểm báo cáo'
            : 'under the units as recorded';
      return download(
        reply,
        format,
        datedName(`chi-tieu-${detail.code}-xep-hang`),
        detail.code,
        `${detail.code} — ${vi ? detail.nameVi : detail.nameEn} (${borders})`,
        header,
        rows,
      );
    });
  });

  app.get('/export/kpis/:code/agencies/:agencyId.:format', async (req, reply) => {
    const request = await tableRequest(deps, req, reply);
    if (!request) return;
    const { format, user } = request;
    const params = req.params as { code: string; agencyId: string };
    const input = kpiAgencyInput.safeParse({ code: params.code, agencyId: Number(params.agencyId) });
    const query = langQuery.safeParse(req.query);
    if (!input.success || !query.success)
      return sendInvalid(reply, [...(input.error?.issues ?? []), ...(query.error?.issues ?? [])]);
    const lang = query.data.lang;
    const vi = lang === 'vi';
    return guarded(reply, async () => {
      const result = await readReport(deps, req, (db) => getAgencyKpiSubmissions(db, user, input.data));
      const header = vi
        ? [
            'Mã báo cáo',
            'Kỳ',
            'Chế độ báo cáo',
            'Phiên bản mẫu',
            'Trạng thái',
            'Lần sửa',
            'Tử số',
            'Mẫu số',
            'Giá trị (%)',
            'Tiếp nhận lúc',
          ]
        : [
            'Submission',
            'Period',
            'Template',
            'Template version',
            'State',
            'Revision',
            'Numerator',
            'Denominator',
            'Value (%)',
            'Accepted at',
          ];
      const rows = result.rows.map((r) => [
        r.submissionId,
        periodName(r.periodKey, lang),
        r.templateCode,
        r.templateVersion,
        STATE_LABEL[lang][r.state] ?? r.state,
        r.revision,
        r.numerator ?? '',
        r.denominator ?? '',
        round(r.value),
        r.acceptedAt ? vietnamDateTime(r.acceptedAt) : '',
      ]);
      return download(
        reply,
        format,
        `chi-tieu-${result.kpi.code}-co-quan-${result.agency.id}`,
        result.kpi.code,
        `${result.kpi.code} — ${vi ? result.agency.nameVi : result.agency.nameEn}`,
        header,
        rows,
      );
    });
  });

  // The last levels of the drill-down: one submission's revisions (who wrote, approved and reviewed each,
  // when) and the audit entries of those writes. Same permission as opening the submission.
  app.get('/export/submissions/:id/history.:format', async (req, reply) => {
    const request = await tableRequest(deps, req, reply);
    if (!request) return;
    const { format, user } = request;
    const params = req.params as { id: string };
    const id = submissionIdInput.safeParse({ id: Number(params.id) });
    const query = langQuery.safeParse(req.query);
    if (!id.success || !query.success)
      return sendInvalid(reply, [...(id.error?.issues ?? []), ...(query.error?.issues ?? [])]);
    const lang = query.data.lang;
    const vi = lang === 'vi';
    return guarded(reply, async () => {
      const detail = await getSubmission(deps.database.db, user, id.data.id);
      const header = vi
        ? [
            'Loại',
            'Lần sửa',
            'Thời điểm (giờ Việt Nam)',
            'Người thực hiện',
            'Bước / thao tác',
            'Ghi chú',
            'Số liệu',
          ]
        : ['Kind', 'Revision', 'At (Vietnam time)', 'By', 'Step / action', 'Comment', 'Figures'];
      const rows: (string | number)[][] = [];
      for (const r of detail.revisions) {
        const step = (at: Date | null, by: string | null, label: string, comment = '', values = '') => {
          if (at)
            rows.push([
              vi ? 'Lần sửa' : 'Revision',
              r.revision,
              vietnamDateTime(at),
              by ?? '',
              label,
              comment,
              values,
            ]);
        };
        // The explanations of the warnings the figures raised go with them, as the reviewers read them.
        const explained = Object.entries(r.explanations)
          .map(([code, text]) => `${code}: ${text}`)
          .join('; ');
        step(
          r.submittedAt,
          r.authorName,
          vi ? 'Gửi báo cáo' : 'Submitted',
          explained,
          JSON.stringify(r.values),
        );
        step(r.approvedAt, r.approverName, vi ? 'Lãnh đạo duyệt' : 'Approved by the leader');
        const outcome = r.reviewOutcome ? (REVIEW_OUTCOME[lang][r.reviewOutcome] ?? r.reviewOutcome) : '';
        step(r.reviewedAt, r.reviewerName, outcome, r.reviewComment ?? '');
      }
      for (const a of [...detail.audit].reverse()) {
        rows.push([
          vi ? 'Nhật ký' : 'Audit',
          '',
          vietnamDateTime(a.at),
          `${a.username ?? ''} (${a.role ?? ''})`,
          a.action,
          '',
          '',
        ]);
      }
      const agency = vi ? detail.submission.agencyNameVi : detail.submission.agencyNameEn;
      return download(
        reply,
        format,
        `bao-cao-${detail.submission.id}-lich-su`,
        vi ? 'Lịch sử báo cáo' : 'Submission history', // "History" is reserved by Excel
        `${detail.template.code} ${periodName(detail.submission.periodKey, lang)} — ${agency}`,
        header,
        rows,
      );
    });
  });
}
