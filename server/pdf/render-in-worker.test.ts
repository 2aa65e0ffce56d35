import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { MonthlyReport } from '../../shared/schemas/reports';
import { renderMonthlyReportPdf } from '../modules/reports/monthly-pdf';
import { renderInWorker } from './render-in-worker';

const figures: MonthlyReport['totals'] = {
  assigned: 10,
  assignedInPeriod: 2,
  completedOnTime: 3,
  completedLate: 1,
  completedInPeriodOnTime: 1,
  completedInPeriodLate: 0,
  inProgress: 4,
  overdue: 1,
  noDeadline: 1,
  withdrawn: 0,
  ofDue: 0.8,
  ofAssigned: 0.4,
  overdueUnexplained: 1,
  remindersInPeriod: 2,
  explanationsInPeriod: 1,
  reportsUnexplained: 2,
  reportRemindersInPeriod: 1,
  reportExplanationsInPeriod: 1,
};

/** A monthly report of `n` communes: the largest document the server prints, at national scale. */
const report = (n: number): MonthlyReport => ({
  month: '2026-11',
  periodStart: '2026-10-16',
  cutoff: '2026-11-15',
  source: 'live',
  frozen: false,
  frozenAt: null,
  asOf: new Date('2026-11-10T03:00:00Z'),
  totals: figures,
  byAgency: Array.from({ length: n }, (_, i) => ({
    ...figures,
    agencyId: i + 1,
    nameVi: `Ủy ban nhân dân xã Thử nghiệm số ${i + 1}`,
    nameEn: '',
    level: 'commune' as const,
  })),
});

const signing = {
  office: 'Văn phòng Chính phủ',
  officeCode: 'VPCP',
  place: 'Hà Nội',
  date: '2026-12-06',
  signerTitle: 'Bộ trưởng, Chủ nhiệm',
  signerName: '',
};

/** Each page's text, its white space (line breaks of wrapped cells included) folded to single spaces. */
const textOf = async (pdf: Uint8Array) =>
  (await extractText(await getDocumentProxy(pdf))).text.map((page) => page.replace(/\s+/g, ' ').trim());

describe('PDF layout in a worker thread', () => {
  it('keeps the event loop turning while a national-scale report is laid out', async () => {
    // A timer that can only fire when the request thread is free: laid out on this thread (as before),
    // a 1,500-row report let it fire 0 times in ~2 s; in a worker it fires all along.
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 10);
    const started = performance.now();
    const pdf = await renderInWorker('monthly', report(1500), signing);
    const took = performance.now() - started;
    clearInterval(timer);
    console.info(
      `[pdf worker] 1,500 rows: ${Math.round(took)} ms, the event loop turned ${ticks} times (${Math.floor(took / 10)} if never held)`,
    );
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(ticks).toBeGreaterThanOrEqual(20);
  }, 60_000);

  it('gives the very document laid out in the thread itself, dates and all', async () => {
    const sample = report(40);
    const [inWorker, here] = await Promise.all([
      renderInWorker('monthly', sample, signing),
      renderMonthlyReportPdf(sample, signing),
    ]);
    expect(await textOf(new Uint8Array(inWorker))).toEqual(await textOf(new Uint8Array(here)));
  }, 60_000);

  it('answers every render when more are asked at once than there are workers', async () => {
    const pdfs = await Promise.all(
      Array.from({ length: 5 }, (_, i) => renderInWorker('monthly', report(i + 1), signing)),
    );
    const texts = await Promise.all(pdfs.map((pdf) => textOf(new Uint8Array(pdf))));
    for (const [i, pages] of texts.entries()) expect(pages.join(' ')).toContain(`Thử nghiệm số ${i + 1}`);
  }, 60_000);

  it('fails the one render whose layout fails, and lays out the next', async () => {
    const broken = { ...report(3), byAgency: null } as unknown as MonthlyReport;
    await expect(renderInWorker('monthly', broken, signing)).rejects.toThrow(/PDF layout failed/);
    const pdf = await renderInWorker('monthly', report(3), signing);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
  }, 60_000);
});
