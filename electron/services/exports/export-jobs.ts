import { randomUUID } from 'node:crypto';
import type { ExportFile, ExportJob } from '../../../shared/api/export-calls';
import { AppError, toApiError } from '../../../shared/errors/app-error';
import { jobRegistry, type OwnedJob } from '../jobs/job-registry';
import { exportPatientRecord, type ExportContext, type ExportedFile, type ExportOptions } from './export-record';

/** A finished job's file waits this long for the dialog to take it. */
const keepMs = 30 * 60 * 1000;

interface Job extends OwnedJob {
  view: ExportJob;
  controller: AbortController;
  file: ExportedFile | null;
  /** The work, settled (never rejects): ends when the job has ended. */
  ended: Promise<void>;
}

/**
 * Exports in progress (long work shows progress and can be cancelled, H2), per open store; each
 * job is its owner's: another person's poll, cancel or take finds nothing.
 */
const registry = jobRegistry<Job>(keepMs);

function ownJob(ctx: ExportContext, jobId: string): Job {
  return registry.own(
    ctx.store,
    ctx.clock.now().getTime(),
    ctx.actor.staffId,
    jobId,
    () => new AppError('exports.job_not_found', { field: 'jobId' }),
  );
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
    ended: Promise.resolve(),
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
  registry.jobs(ctx.store, ctx.clock.now().getTime()).set(jobId, job);
  job.ended = work
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
    await job.ended;
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
  registry.jobs(ctx.store, ctx.clock.now().getTime()).delete(jobId);
  return fileView(job.file);
}
