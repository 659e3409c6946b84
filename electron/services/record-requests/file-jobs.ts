import { randomUUID } from 'node:crypto';
import type { RecordFileJob } from '../../../shared/api/record-request-calls';
import { AppError, toApiError } from '../../../shared/errors/app-error';
import type { FileFormat } from '../../../shared/rights/record-requests';
import type { Store } from '../../store/open-store';

/** A finished job is kept this long for the panel's last poll. */
const keepMs = 10 * 60 * 1000;

interface Job {
  owner: string;
  view: RecordFileJob;
  controller: AbortController;
  endedAt: number | null;
}

/** The work of a job: makes the file, reporting progress, and answers the new file's row id. */
export type FileWork = (progress: (done: number, total: number) => void, signal: AbortSignal) => Promise<string>;

/**
 * Files being made for record requests (long work shows progress and can be cancelled): a call
 * starts a job and answers at once; the panel polls it. One job per request and format at a time.
 */
export interface FileJobs {
  start(owner: string, requestId: string, format: FileFormat, work: FileWork, now: Date): string;
  /** The job as its owner sees it; another person's or an unknown one is `records.request.job_unknown`. */
  get(owner: string, jobId: string, now: Date): RecordFileJob;
  /** Stops the job: it writes nothing after this, and says `cancelled` at once. */
  cancel(owner: string, jobId: string, now: Date): RecordFileJob;
  /** The owner's jobs of the request still running. */
  running(owner: string, requestId: string): RecordFileJob[];
  /** Resolves when every running job has ended (tests, closing the desk). */
  settled(): Promise<void>;
}

function failureOf(error: unknown): AppError {
  return error instanceof AppError
    ? error
    : new AppError('records.request.file_failed', { params: { detail: String(error).slice(0, 200) } });
}

export function createFileJobs(clock: { now(): Date }): FileJobs {
  const jobs = new Map<string, Job>();
  const running = new Set<Promise<void>>();
  const sweep = (now: number) => {
    for (const [id, job] of jobs) if (job.endedAt !== null && now - job.endedAt > keepMs) jobs.delete(id);
  };
  const ownJob = (owner: string, jobId: string): Job => {
    const job = jobs.get(jobId);
    if (!job || job.owner !== owner) throw new AppError('records.request.job_unknown', { field: 'jobId' });
    return job;
  };

  return {
    start(owner, requestId, format, work, now) {
      sweep(now.getTime());
      for (const job of jobs.values())
        if (job.view.state === 'running' && job.view.requestId === requestId && job.view.format === format)
          throw new AppError('records.request.file_in_progress', { field: 'format' });
      const jobId = randomUUID();
      const job: Job = {
        owner,
        controller: new AbortController(),
        endedAt: null,
        view: { jobId, requestId, format, state: 'running', done: 0, total: 0, fileId: null, error: null },
      };
      jobs.set(jobId, job);
      const signal = job.controller.signal;
      const progress = (done: number, total: number) => {
        if (job.view.state === 'running') job.view = { ...job.view, done, total };
      };
      const task = work(progress, signal)
        .then((fileId) => {
          if (job.view.state === 'running') job.view = { ...job.view, state: 'done', fileId };
        })
        .catch((error: unknown) => {
          if (job.view.state === 'running')
            job.view = { ...job.view, state: 'failed', error: toApiError(failureOf(error)) };
        })
        .finally(() => {
          job.endedAt = clock.now().getTime();
          running.delete(task);
        });
      running.add(task);
      return jobId;
    },
    get(owner, jobId, now) {
      sweep(now.getTime());
      return ownJob(owner, jobId).view;
    },
    cancel(owner, jobId, now) {
      sweep(now.getTime());
      const job = ownJob(owner, jobId);
      if (job.view.state === 'running') {
        job.view = { ...job.view, state: 'cancelled' };
        job.controller.abort(new AppError('records.request.file_cancelled'));
      }
      return job.view;
    },
    running: (owner, requestId) =>
      [...jobs.values()]
        .filter((job) => job.owner === owner && job.view.requestId === requestId && job.view.state === 'running')
        .map((job) => job.view),
    settled: async () => {
      await Promise.all([...running]);
    },
  };
}

// One set of jobs per open desk store: the calls of one desk share it, two desks in one process
// (tests) do not, and it goes with the store.
const byStore = new WeakMap<Store, FileJobs>();

/** The file jobs of this desk's store. */
export function fileJobsOf(store: Store, clock: { now(): Date }): FileJobs {
  let jobs = byStore.get(store);
  if (!jobs) {
    jobs = createFileJobs(clock);
    byStore.set(store, jobs);
  }
  return jobs;
}
