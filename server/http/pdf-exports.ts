import type { FastifyInstance } from 'fastify';
import { mayOpen } from '../../shared/page-access';
import { kpiPdfQuery } from '../../shared/schemas/kpis';
import { compliancePdfQuery, monthlyPdfQuery } from '../../shared/schemas/reports';
import type { ServerDeps } from '../context';
import { getKpiOverviewCached } from '../modules/kpis/service';
import { getMonthlyReport } from '../modules/reports/monthly';
import { getComplianceCached } from '../modules/submissions/queries';
import { signingOn } from '../pdf/administrative-document';
import { renderInWorker } from '../pdf/render-in-worker';
import { datedName, guarded, nulIssues, requireUser, sendDownload, sendError, sendInvalid } from './kit';
import { readReport } from './read-node';

/**
 * The printable reports as administrative documents to sign (Decree 30/2020/NĐ-CP), in Vietnamese
 * whatever the reader's language, each with exactly the figures of its page's procedure for the same
 * choice, for the roles that may open that page (`shared/page-access.ts`). The signing details are
 * `signingQuery`'s. The layout runs in a worker thread (`renderInWorker`), never on this one.
 */
export function registerPdfExports(app: FastifyInstance, deps: ServerDeps) {
  const sendPdf = (reply: Parameters<typeof sendDownload>[0], name: string, pdf: Buffer) =>
    sendDownload(reply, name, 'application/pdf', pdf);

  /** The monthly monitoring report: `reports.monthly` for the month. */
  app.get('/export/monthly.pdf', async (req, reply) => {
    const user = await requireUser(deps, req, reply);
    if (!user) return;
    if (!mayOpen(user.role, '/reports/monthly')) return sendError(reply, 'FORBIDDEN');
    const nul = nulIssues(req.query);
    if (nul.length) return sendInvalid(reply, nul);
    const input = monthlyPdfQuery.safeParse(req.query);
    if (!input.success) return sendInvalid(reply, input.error.issues);
    const { month, ...signing } = input.data;
    const now = new Date();
    const report = await readReport(deps, req, (db) => getMonthlyReport(db, month, now));
    const pdf = await renderInWorker('monthly', report, signingOn(signing, now));
    return sendPdf(reply, `bao-cao-thang-${month}.pdf`, pdf);
  });

  /**
   * Reporting compliance ("Báo cáo tình hình chấp hành chế độ báo cáo"): `submissions.compliance` for the
   * template and level, the CSV/Excel export's query. A document the Office signs, so for the roles of
   * the compliance page, though the figures themselves are open to every signed-in user.
   */
  app.get('/export/compliance.pdf', async (req, reply) => {
    const user = await requireUser(deps, req, reply);
    if (!user) return;
    if (!mayOpen(user.role, '/reports/compliance')) return sendError(reply, 'FORBIDDEN');
    const nul = nulIssues(req.query);
    if (nul.length) return sendInvalid(reply, nul);
    const input = compliancePdfQuery.safeParse(req.query);
    if (!input.success) return sendInvalid(reply, input.error.issues);
    const { templateId, level, ...signing } = input.data;
    const now = new Date();
    return guarded(reply, async () => {
      const report = await readReport(deps, req, (db) =>
        getComplianceCached(db, { templateId, ...(level ? { level } : {}) }, now),
      );
      const pdf = await renderInWorker('compliance', report, level, signingOn(signing, now));
      return sendPdf(
        reply,
        `${datedName(`tinh-hinh-chap-hanh-che-do-bao-cao-${report.template.code}`, now)}.pdf`,
        pdf,
      );
    });
  });

  /** The KPIs against their targets ("Báo cáo kết quả thực hiện các chỉ tiêu"): `kpis.overview`, filtered alike. */
  app.get('/export/kpis.pdf', async (req, reply) => {
    const user = await requireUser(deps, req, reply);
    if (!user) return;
    if (!mayOpen(user.role, '/kpis')) return sendError(reply, 'FORBIDDEN');
    const nul = nulIssues(req.query);
    if (nul.length) return sendInvalid(reply, nul);
    const input = kpiPdfQuery.safeParse(req.query);
    if (!input.success) return sendInvalid(reply, input.error.issues);
    const { pillar, status, ...signing } = input.data;
    const filters = { ...(pillar ? { pillar } : {}), ...(status ? { status } : {}) };
    const now = new Date();
    const { items } = await readReport(deps, req, (db) => getKpiOverviewCached(db, filters, now));
    const pdf = await renderInWorker('kpis', { items, filters, asOf: now }, signingOn(signing, now));
    return sendPdf(reply, `${datedName('ket-qua-thuc-hien-chi-tieu', now)}.pdf`, pdf);
  });
}
