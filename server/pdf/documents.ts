import { renderKpiReportPdf } from '../modules/kpis/kpi-report-pdf';
import { renderMonthlyReportPdf } from '../modules/reports/monthly-pdf';
import { renderCompliancePdf } from '../modules/submissions/compliance-pdf';

/**
 * Every document the PDF worker lays out, by name (`renderInWorker`): like the app router, the one
 * place that lists the modules' printed reports. Only the worker thread loads this file; the request
 * threads import its types.
 */
export const PDF_DOCUMENTS = {
  monthly: renderMonthlyReportPdf,
  compliance: renderCompliancePdf,
  kpis: renderKpiReportPdf,
};

export type PdfDocuments = typeof PDF_DOCUMENTS;
export type PdfDocumentName = keyof PdfDocuments;
