import { parentPort } from 'node:worker_threads';
import { AppError } from '../shared/errors/app-error';
import { pdfPagePicture } from './pdf-page-picture';
import { analyseScan } from './scan-analysis';
import { jobRequestSchema, type JobAnswer, type JobOutcome } from './scan-worker-protocol';

/**
 * The scan worker thread: decodes and measures scans away from the desk's main thread, one job at
 * a time, under the heap limits its starter (`scan-analyser.ts`) sets. Bundled as `scan-worker.js`
 * under Electron; from source, `scan-worker-from-source.mjs` runs it.
 */
async function perform(message: unknown): Promise<JobAnswer> {
  const { id, job } = jobRequestSchema.parse(message);
  const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  let outcome: JobOutcome;
  try {
    if (job.kind === 'inspect') {
      const { pages, thumbnail } = await analyseScan(bytes, job.mime, job.paper);
      outcome = { kind: 'inspect', pages, thumbnail };
    } else outcome = { kind: 'pdfPage', picture: await pdfPagePicture(bytes, job.page) };
  } catch (error) {
    outcome =
      error instanceof AppError
        ? { kind: 'refused', code: error.code, params: error.params }
        : { kind: 'failed', message: String(error).slice(0, 500) };
  }
  return { id, outcome };
}

const port = parentPort;
if (!port) throw new Error('scan-worker-main runs as a worker thread');
port.on('message', (message: unknown) => {
  void perform(message).then((answer) => port.postMessage(answer));
});
