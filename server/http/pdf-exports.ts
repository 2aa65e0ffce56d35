import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { mayOpen, type PagePath } from '../../shared/page-access';
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
  /**
   * One report's route: a signed-in user whose role may open `page` (else 401/403), a valid query
   * (else 400, nothing read), then the report read and laid out (`build`), sent as a PDF download.
   */
  function pdfRoute<Q extends z.ZodType>(
    url: string,
    page: PagePath,
    query: Q,
    build: (input: z.infer<Q>, req: FastifyRequest, now: Date) => Promise<{ name: string; pdf: Buffer }>,
  ) {
    app.get(url, async (req, reply) => {
      const user = await requireUser(deps, req, reply);
      if (!user) return;
      if (!mayOpen(user.role, page)) return sendError(reply, 'FORBIDDEN');
      const nul = nulIssues(req.query);
      if (nul.length) return sendInvalid(reply, nul);
      const input = query.safeParse(req.query);
      if (!input.success) return sendInvalid(reply, input.error.issues);
      return guarded(reply, async () => {
        const { name, pdf } = await build(input.data, req, new Date());
        return sendDownload(reply, name, 'application/pdf', pdf);
      });
    });
  }

  /** The monthly monitoring report: `reports.monthly` for the month. */
  pdfRoute(
    '/export/monthly.pdf',
    '/reports/monthly',
    monthlyPdfQuery,
    async ({ month, ...signing }, req, now) => {
      const report = await readReport(deps, req, (db) => getMonthlyReport(db, month, now));
      const pdf = await renderInWorker('monthly', report, signingOn(signing, now));
      return { name: `bao-cao-thang-${month}.pdf`, pdf };
    },
  );

  /**
   * Reporting compliance ("Báo cáo tình hình chấp hành chế độ báo cáo"): `submissions.compliance` for the
   * template and level, the CSV/Excel export's query. A document the Office signs, so for the roles of
   * the compliance page, though the figures themselves are open to every signed-in user.
   */
  pdfRoute(
    '/export/compliance.pdf',
    '/reports/compliance',
    compliancePdfQuery,
    async ({ templateId, level, ...signing }, req, now) => {
      const report = await readReport(deps, req, (db) =>
        getComplianceCached(db, { templateId, ...(level ? { level } : {}) }, now),
      );
      const pdf = await renderInWorker('compliance', report, level, signingOn(signing, now));
      const name = `${datedName(`tinh-hinh-chap-hanh-che-do-bao-cao-${report.template.code}`, now)}.pdf`;
      return { name, pdf };
    },
  );

  /** The KPIs against their targets ("Báo cáo kết quả thực hiện các chỉ tiêu"): `kpis.overview`, filtered alike. */
  pdfRoute('/export/kpis.pdf', '/kpis', kpiPdfQuery, async ({ pillar, status, ...signing }, req, now) => {
    const filters = { ...(pillar ? { pillar } : {}), ...(status ? { status } : {}) };
    const { items } = await readReport(deps, req, (db) => getKpiOverviewCached(db, filters, now));
    const pdf = await renderInWorker('kpis', { items, filters, asOf: now }, signingOn(signing, now));
    return { name: `${datedName('ket-qua-thuc-hien-chi-tieu', now)}.pdf`, pdf };
  });
}
