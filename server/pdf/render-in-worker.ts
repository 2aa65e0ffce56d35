import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PdfDocumentName, PdfDocuments } from './documents';
import type { RenderReply, RenderRequest } from './render-worker';

/**
 * PDF layout off the request thread. pdfmake lays a document out synchronously: the monthly report at
 * national scale (3,300 agencies) held the event loop for seconds, and every request, live stream and
 * timer of the server waited. Each render runs in a worker thread instead: a few workers at most (one
 * core stays with the request thread), a job queued while all are busy, a worker kept for the next
 * render and ended after a while idle. A worker that fails fails its job only; the next job gets a new
 * worker. The worker lays the document out from plain data (its layout functions cannot cross threads).
 */

const MAX_WORKERS = Math.max(1, Math.min(4, availableParallelism() - 1));
/** A clerk who adjusts the signing details downloads again within minutes: the worker waits for them. */
const IDLE_MS = 5 * 60_000;
/** A .mjs entry that loads the TypeScript worker in any runtime (see the file). */
const WORKER_ENTRY = new URL('./render-worker.mjs', import.meta.url);

interface Job {
  request: RenderRequest;
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  idle: NodeJS.Timeout | null;
}

const slots = new Set<Slot>();
const queue: Job[] = [];

function start(): Slot {
  const slot: Slot = { worker: new Worker(WORKER_ENTRY), job: null, idle: null };
  slot.worker.on('message', (reply: RenderReply) => {
    const job = slot.job;
    slot.job = null;
    if (job) {
      if ('pdf' in reply)
        job.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
      else job.reject(new Error(`PDF layout failed: ${reply.error}`));
    }
    next(slot);
  });
  slot.worker.on('error', (error) => {
    slot.job?.reject(error);
    slot.job = null;
  });
  slot.worker.on('exit', (code) => {
    slots.delete(slot);
    if (slot.idle) clearTimeout(slot.idle);
    slot.job?.reject(new Error(`PDF worker stopped (exit code ${code})`));
    slot.job = null;
    dispatch();
  });
  slots.add(slot);
  return slot;
}

function assign(slot: Slot, job: Job) {
  if (slot.idle) clearTimeout(slot.idle);
  slot.idle = null;
  slot.job = job;
  // A busy worker keeps the process alive (a script awaiting its PDF); an idle one does not.
  slot.worker.ref();
  try {
    slot.worker.postMessage(job.request);
  } catch (error) {
    // Arguments that cannot be copied to another thread: this job's fault, not the worker's.
    slot.job = null;
    job.reject(error instanceof Error ? error : new Error(String(error)));
    next(slot);
  }
}

function next(slot: Slot) {
  const job = queue.shift();
  if (job) return assign(slot, job);
  slot.worker.unref();
  slot.idle = setTimeout(() => void slot.worker.terminate(), IDLE_MS);
  slot.idle.unref();
}

function dispatch() {
  while (queue.length > 0) {
    const free = [...slots].find((s) => s.job === null);
    if (!free && slots.size >= MAX_WORKERS) return;
    const job = queue.shift();
    if (job) assign(free ?? start(), job);
  }
}

/** One of the documents (`server/pdf/documents.ts`) laid out in a worker thread, as PDF bytes. */
export function renderInWorker<Name extends PdfDocumentName>(
  name: Name,
  ...args: Parameters<PdfDocuments[Name]>
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    queue.push({ request: { name, args }, resolve, reject });
    dispatch();
  });
}
