import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * pdfmake's server-side API, set up once: the Roboto fonts it ships (they cover Vietnamese), read from
 * its own folder and nowhere else, and no URL fetched, so a document definition can never make the server
 * read a file or call out (pdfmake 0.3.6 / 0.3.8 access policies).
 */
const require = createRequire(import.meta.url);
const roboto = require('pdfmake/fonts/Roboto.js') as { Roboto: Record<string, string> };
const fontFolder = dirname(roboto.Roboto.normal ?? '');

pdfmake.setFonts(roboto);
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => dirname(path) === fontFolder);

/** The document as PDF bytes. */
export function renderPdf(document: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake.createPdf(document).getBuffer();
}

/**
 * The PDF and the page each node whose id is `marked` starts on, as laid out (pdfmake hands every
 * laid-out node to `pageBreakBefore`; this one only looks), for a document that must be laid out again
 * when a part fell badly.
 */
export async function renderPdfWithPages(
  document: TDocumentDefinitions,
  marked: (id: string) => boolean,
): Promise<{ pdf: Buffer; pages: Map<string, number> }> {
  const pages = new Map<string, number>();
  const pdf = await renderPdf({
    ...document,
    pageBreakBefore: (node) => {
      const page = node.pageNumbers[0];
      if (typeof node.id === 'string' && page !== undefined && marked(node.id)) pages.set(node.id, page);
      return false;
    },
  });
  return { pdf, pages };
}
