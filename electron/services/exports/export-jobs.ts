import { randomUUID } from 'node:crypto';
import type { ExportFile, ExportJob } from '../../../shared/api/export-calls';
import { AppError, toApiError } from '../../../shared/errors/app-error';
import type { Store } from '../../store/open-store';
import { exportPatientRecord, type ExportContext, type ExportedFile, type ExportOptions } from './export-record';

/** A finished job's file waits this long for the dialog to take it. */
const keepMs = 30 * 60 * 1000;

interface Job {
  owner: string;
  view: ExportJob;
  controller: AbortController;
  file: ExportedFile | null;
  endedAt: number | null;
}

/**
 * Exports in progress (long work shows progress and can be cancelled, H2): one registry per
 * open store, so a desk's jobs live as long as its store and tests' desks never share one. Each
 * job is its owner's: another person's poll, cancel or take finds nothing.
 */
const registries = new WeakMap<Store, Map<string, Job>>();

function jobsOf(store: Store, now: number): Map<string, Job> {
  let jobs = registries.get(store);
  if (!jobs) {
    jobs = new Map();
    registries.set(store, jobs);
  }
  for (const [id, job] of jobs) if (job.endedAt !== null && now - job.endedAt > keepMs) jobs.delete(id);
  return jobs;
}

function ownJob(ctx: ExportContext, jobId: string): Job {
  const job = jobsOf(ctx.store, ctx.clock.now().getTime()).get(jobId);
  if (!job || job.owner !== ctx.actor.staffId) throw new AppError('exports.job_not_found', { field: 'jobId' });
  return job;
}

/**
 * Starts an export and answers at once with the job's id. The checks that need no work (the
 * format, the period, the patient) run first, so a bad request is refused here, not in a poll.
 */
export async function startExportJob(ctx: ExportContext, options: ExportOptions): Promise<{ jobId: string }> {
  const jobId = randomUUID();
  const controller = new AbortController();
  const job: Job = {
    owner: ctx.actor.staffId,
    controller,
    file: null,
    endedAt: null,
    view: { jobId, state: 'running', done: 0, total: 0, error: null, file: null },
  };
  let begin: () => void = () => undefined;
  const begun = new Promise<void>((resolve) => (begin = resolve));
  const work = exportPatientRecord(
    ctx,
    options,
    (done, total) => {
      job.view = { ...job.view, done, total };
      begin();
    },
    controller.signal,
  );
  // The first progress report comes once the record is read and the request checked: a refusal
  // (the format, the period, the patient) rejects before it, and the start call answers with it.
  await Promise.race([begun, work]);
  jobsOf(ctx.store, ctx.clock.now().getTime()).set(jobId, job);
  void work
    .then((file) => {
      job.file = file;
      job.view = {
        ...job.view,
        state: 'done',
        file: { fileName: file.fileName, size: file.bytes.length, withheld: file.withheld },
      };
    })
    .catch((error: unknown) => {
      const failure = error instanceof AppError ? error : new AppError('api.internal');
      job.view = {
        ...job.view,
        state: failure.code === 'exports.cancelled' ? 'cancelled' : 'failed',
        error: toApiError(failure),
      };
    })
    .finally(() => {
      job.endedAt = ctx.clock.now().getTime();
    });
  return { jobId };
}

export function exportJob(ctx: ExportContext, jobId: string): ExportJob {
  return ownJob(ctx, jobId).view;
}

/** Stops a running export: nothing is written but the cancel event (`exports.cancelled`). */
export async function cancelExportJob(ctx: ExportContext, jobId: string): Promise<ExportJob> {
  const job = ownJob(ctx, jobId);
  if (job.view.state === 'running') {
    job.controller.abort();
    // The renderer stops at its next turn; answer with the job as it ends.
    while (job.endedAt === null) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return job.view;
}

export function fileView(file: ExportedFile): ExportFile {
  return {
    fileName: file.fileName,
    mime: file.mime,
    data: file.bytes.toString('base64'),
    sha256: file.sha256,
    size: file.bytes.length,
    withheld: file.withheld,
  };
}

/** The finished file, once: the job is forgotten after it is taken. */
export function takeExportFile(ctx: ExportContext, jobId: string): ExportFile {
  const job = ownJob(ctx, jobId);
  if (!job.file) throw new AppError('exports.job_not_ready', { field: 'jobId' });
  jobsOf(ctx.store, ctx.clock.now().getTime()).delete(jobId);
  return fileView(job.file);
}
