import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
// libvips stays loaded in the main thread, so a worker's exit never unloads it under another one
// (sharp's documentation on worker threads).
import 'sharp';
import { AppError } from '../shared/errors/app-error';
import { isErrorCode } from '../shared/errors/catalog';
import type { ScanMime } from '../shared/scans/scan-checklist';
import type { Paper, ScanAnalysis } from './scan-analysis';
import { jobAnswerSchema, type JobOutcome, type ScanJob } from './scan-worker-protocol';

/**
 * Decoding runs here, never on the desk's main thread: one worker thread kept warm between scans
 * (starting one costs more than checking a scan), one job at a time, its JavaScript heap capped.
 * A job that outlives its time budget or the heap ends the thread with its own refusal; the next
 * job starts a new one. An idle thread is ended too, so a desk that scans rarely holds nothing.
 */
export interface ScanAnalyser {
  /** Decodes and measures every page (the caller has checked the size and a picture's header). */
  inspect(bytes: Buffer, mime: ScanMime, paper?: Paper): Promise<ScanAnalysis>;
  /** A PDF page as a picture for the viewer. */
  pdfPage(bytes: Buffer, page: number): Promise<Buffer>;
  /** Starts the thread ahead of a job (a file is on its way in), so the job does not wait for it. */
  warm(): void;
  close(): Promise<void>;
}

export interface ScanAnalyserOptions {
  /** A job still running after this is stopped with `scan.analysis.timeout`. */
  budgetMs?: number;
  idleMs?: number;
  /** The worker's old-generation heap, MiB (256 by default). */
  heapMb?: number;
  /** The worker's entry: the bundled `scan-worker.js` beside the Electron bundle, else the source shim. */
  workerFile?: URL;
}

const defaultBudgetMs = 30_000;
const defaultIdleMs = 120_000;
/**
 * The worker's own heap: pdf-lib's view of a 5 MB PDF and one page's pixels fit many times over.
 * Pixels decoded by libvips live outside it and are bounded by the pixel cap instead.
 */
const defaultHeapMb = 256;

function defaultWorkerFile(): URL {
  const bundled = new URL('./scan-worker.js', import.meta.url);
  return existsSync(fileURLToPath(bundled)) ? bundled : new URL('./scan-worker-from-source.mjs', import.meta.url);
}

export function createScanAnalyser(options: ScanAnalyserOptions = {}): ScanAnalyser {
  const budgetMs = options.budgetMs ?? defaultBudgetMs;
  const idleMs = options.idleMs ?? defaultIdleMs;
  const file = options.workerFile ?? defaultWorkerFile();
  const resourceLimits = {
    maxOldGenerationSizeMb: options.heapMb ?? defaultHeapMb,
    maxYoungGenerationSizeMb: 32,
    stackSizeMb: 4,
  };
  let worker: Worker | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let nextId = 0;
  let closed = false;

  const end = (thread: Worker) => {
    if (worker === thread) worker = undefined;
    void thread.terminate();
  };

  const start = () => {
    const thread = new Worker(file, { resourceLimits });
    // An idle thread that dies is simply forgotten; a job's own listeners report a death during it.
    thread
      .on('error', () => undefined)
      .on('exit', () => {
        if (worker === thread) worker = undefined;
      });
    return thread;
  };

  const run = (job: ScanJob): Promise<JobOutcome> => {
    const result = queue.then(() => perform(job)).then(toResult);
    queue = result.catch(() => undefined);
    return result;
  };

  const perform = (job: ScanJob): Promise<JobOutcome> =>
    new Promise((resolve, reject) => {
      if (closed) throw new AppError('scan.unavailable');
      clearTimeout(idleTimer);
      const thread = (worker ??= start());
      thread.ref();
      const id = (nextId += 1);
      const settle = (finish: () => void) => {
        clearTimeout(budget);
        thread.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (worker === thread) {
          thread.unref();
          idleTimer = setTimeout(() => end(thread), idleMs).unref();
        }
        finish();
      };
      const onMessage = (message: unknown) => {
        const answer = jobAnswerSchema.safeParse(message);
        if (!answer.success || answer.data.id !== id) return;
        settle(() => resolve(answer.data.outcome));
      };
      // Out of heap (ERR_WORKER_OUT_OF_MEMORY) or a crash: the thread is gone, the file refused.
      const onError = () => {
        if (worker === thread) worker = undefined;
        settle(() => reject(new AppError('scan.analysis.failed')));
      };
      const onExit = () => onError();
      const budget = setTimeout(() => {
        end(thread);
        settle(() =>
          reject(new AppError('scan.analysis.timeout', { params: { seconds: Math.ceil(budgetMs / 1000) } })),
        );
      }, budgetMs);
      thread.on('message', onMessage).on('error', onError).on('exit', onExit);
      thread.postMessage({ id, job });
    });

  return {
    warm() {
      if (closed || worker) return;
      const thread = (worker = start());
      thread.unref();
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => end(thread), idleMs).unref();
    },
    async inspect(bytes, mime, paper) {
      const outcome = await run({ kind: 'inspect', bytes, mime, ...(paper ? { paper } : {}) });
      if (outcome.kind !== 'inspect') throw new Error(`The scan worker answered ${outcome.kind} to inspect`);
      return { pages: outcome.pages, thumbnail: asBuffer(outcome.thumbnail) };
    },
    async pdfPage(bytes, page) {
      const outcome = await run({ kind: 'pdfPage', bytes, page });
      if (outcome.kind !== 'pdfPage') throw new Error(`The scan worker answered ${outcome.kind} to pdfPage`);
      return asBuffer(outcome.picture);
    },
    async close() {
      closed = true;
      clearTimeout(idleTimer);
      const thread = worker;
      worker = undefined;
      await thread?.terminate();
    },
  };
}

function toResult(outcome: JobOutcome): JobOutcome {
  if (outcome.kind === 'refused') {
    if (!isErrorCode(outcome.code)) throw new Error(`The scan worker answered an unknown code: ${outcome.code}`);
    throw new AppError(outcome.code, { params: outcome.params });
  }
  if (outcome.kind === 'failed') throw new Error(`The scan worker failed: ${outcome.message}`);
  return outcome;
}

/** The bytes the worker transferred, seen as a Buffer without copying them again. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
