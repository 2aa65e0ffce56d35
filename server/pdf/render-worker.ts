import { parentPort } from 'node:worker_threads';
import { PDF_DOCUMENTS, type PdfDocumentName } from './documents';

/** One render asked of a worker: the document's name and its layout function's arguments. */
export interface RenderRequest {
  name: PdfDocumentName;
  args: unknown[];
}

/** The PDF's bytes, or why the layout failed. */
export type RenderReply = { pdf: Uint8Array } | { error: string };

const port = parentPort;
if (!port) throw new Error('render-worker.ts runs in a worker thread (server/pdf/render-in-worker.ts)');

port.on('message', async ({ name, args }: RenderRequest) => {
  try {
    const render = PDF_DOCUMENTS[name] as (...args: unknown[]) => Promise<Buffer>;
    const pdf = await render(...args);
    // A copy of its own: a small Buffer shares Node's pool, which must not be transferred away.
    const bytes = new Uint8Array(pdf);
    port.postMessage({ pdf: bytes } satisfies RenderReply, [bytes.buffer]);
  } catch (error) {
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    port.postMessage({ error: reason } satisfies RenderReply);
  }
});
