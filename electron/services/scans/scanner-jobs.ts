import { randomUUID } from 'node:crypto';
import { AppError, toApiError } from '../../../shared/errors/app-error';
import type { ScanJob } from '../../../shared/api/scan-calls';
import type { ScannerPort } from './scanner-port';
import type { ScanUploads } from './scan-uploads';

/** A finished job is kept this long for the dialog's last poll. */
const keepMs = 10 * 60 * 1000;

interface Job {
  owner: string;
  view: ScanJob;
  endedAt: number | null;
}

/**
 * Scans in progress (long work shows progress, UX): a scan starts a job and answers at once;
 * the dialog polls its percent. The page lands in the uploads, to be accepted like a file.
 */
export interface ScannerJobs {
  start(owner: string, deviceId: string, now: Date): string;
  get(owner: string, jobId: string, now: Date): ScanJob;
  /** Resolves when every running job has ended (tests, closing the desk). */
  settled(): Promise<void>;
}

export function createScannerJobs(options: {
  scanner: ScannerPort;
  uploads: ScanUploads;
  clock: { now(): Date };
  dpi?: number;
}): ScannerJobs {
  const jobs = new Map<string, Job>();
  const running = new Set<Promise<void>>();
  const sweep = (now: number) => {
    for (const [id, job] of jobs) if (job.endedAt !== null && now - job.endedAt > keepMs) jobs.delete(id);
  };

  return {
    start(owner, deviceId, now) {
      sweep(now.getTime());
      // One scanner does one page at a time; a second press would only get scanner.busy later.
      for (const job of jobs.values()) if (job.view.state === 'scanning') throw new AppError('scanner.busy');
      const jobId = randomUUID();
      const job: Job = {
        owner,
        endedAt: null,
        view: { jobId, state: 'scanning', percent: null, uploadId: null, error: null },
      };
      jobs.set(jobId, job);
      const work = options.scanner
        .scanPage({ deviceId, dpi: options.dpi ?? 300, onProgress: (percent) => (job.view = { ...job.view, percent }) })
        .then((page) => {
          job.view = {
            ...job.view,
            state: 'done',
            percent: 100,
            uploadId: options.uploads.stage(owner, page, options.clock.now()),
          };
        })
        .catch((error: unknown) => {
          const failure =
            error instanceof AppError
              ? error
              : new AppError('scanner.failed', { params: { detail: String(error).slice(0, 200) } });
          job.view = { ...job.view, state: 'failed', error: toApiError(failure) };
        })
        .finally(() => {
          job.endedAt = options.clock.now().getTime();
          running.delete(work);
        });
      running.add(work);
      return jobId;
    },
    get(owner, jobId, now) {
      sweep(now.getTime());
      const job = jobs.get(jobId);
      if (!job || job.owner !== owner) throw new AppError('scanner.job_unknown');
      return job.view;
    },
    settled: async () => {
      await Promise.all([...running]);
    },
  };
}
