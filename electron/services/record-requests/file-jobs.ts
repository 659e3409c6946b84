import { randomUUID } from 'node:crypto';
import type { RecordFileJob } from '../../../shared/api/record-request-calls';
import { AppError, toApiError } from '../../../shared/errors/app-error';
import type { FileFormat } from '../../../shared/rights/record-requests';
import { jobRegistry, type OwnedJob } from '../jobs/job-registry';
import type { Store } from '../../store/open-store';

/** A finished job is kept this long for the panel's last poll. */
const keepMs = 10 * 60 * 1000;

interface Job extends OwnedJob {
  view: RecordFileJob;
  controller: AbortController;
  /** The work, settled (never rejects): ends when the job has ended. */
  task: Promise<void>;
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

const registry = jobRegistry<Job>(keepMs);
const unknownJob = () => new AppError('records.request.job_unknown', { field: 'jobId' });

/** The file jobs of this desk's store (the calls of one desk share them; two desks in one process do not). */
export function fileJobsOf(store: Store, clock: { now(): Date }): FileJobs {
  const jobsNow = (now: Date) => registry.jobs(store, now.getTime());
  const ownJob = (owner: string, jobId: string, now: Date) =>
    registry.own(store, now.getTime(), owner, jobId, unknownJob);
  return {
    start(owner, requestId, format, work, now) {
      const jobs = jobsNow(now);
      for (const job of jobs.values())
        if (job.view.state === 'running' && job.view.requestId === requestId && job.view.format === format)
          throw new AppError('records.request.file_in_progress', { field: 'format' });
      const jobId = randomUUID();
      const controller = new AbortController();
      const view: RecordFileJob = {
        jobId,
        requestId,
        format,
        state: 'running',
        done: 0,
        total: 0,
        fileId: null,
        error: null,
      };
      const job: Job = { owner, controller, endedAt: null, view, task: Promise.resolve() };
      const progress = (done: number, total: number) => {
        if (job.view.state === 'running') job.view = { ...job.view, done, total };
      };
      job.task = work(progress, controller.signal)
        .then((fileId) => {
          if (job.view.state === 'running') job.view = { ...job.view, state: 'done', fileId };
        })
        .catch((error: unknown) => {
          if (job.view.state === 'running')
            job.view = { ...job.view, state: 'failed', error: toApiError(failureOf(error)) };
        })
        .finally(() => {
          job.endedAt = clock.now().getTime();
        });
      jobs.set(jobId, job);
      return jobId;
    },
    get: (owner, jobId, now) => ownJob(owner, jobId, now).view,
    cancel(owner, jobId, now) {
      const job = ownJob(owner, jobId, now);
      if (job.view.state === 'running') {
        job.view = { ...job.view, state: 'cancelled' };
        job.controller.abort(new AppError('records.request.file_cancelled'));
      }
      return job.view;
    },
    running: (owner, requestId) =>
      [...jobsNow(clock.now()).values()]
        .filter((job) => job.owner === owner && job.view.requestId === requestId && job.view.state === 'running')
        .map((job) => job.view),
    settled: async () => {
      await Promise.all([...jobsNow(clock.now()).values()].map((job) => job.task));
    },
  };
}
