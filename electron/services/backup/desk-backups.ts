import { randomUUID } from 'node:crypto';
import type { BackupJob, DrillReport } from '../../../shared/api/backup-calls';
import { AppError, toApiError } from '../../../shared/errors/app-error';
import type { Clock } from '../../store/clock';
import type { Store } from '../../store/open-store';
import { defaultBackupDir } from './backup-files';
import { readBackupSettings } from './backup-settings-store';
import { lastBackupState } from './backup-state';
import { makeBackup } from './make-backup';
import { restoreDrill } from './restore-drill';

/** What the desk's backup calls need beyond a service context: the key and where files go. */
interface DeskBackups {
  key: Buffer;
  clock: Clock;
  outDir: string;
  jobs: Map<string, BackupJob>;
  running: Promise<unknown> | null;
}

/** Per open store (as the job registry keeps jobs): the host registers it when it opens the core. */
const desks = new WeakMap<Store, DeskBackups>();

/** A timer as the scheduler takes it: a test hands in its own, the host the real one. */
export type Every = (ms: number, tick: () => void) => { stop: () => void };
const realEvery: Every = (ms, tick) => {
  const timer = setInterval(tick, ms);
  timer.unref();
  return { stop: () => clearInterval(timer) };
};

/**
 * Registers the desk's backups for its calls and, when `schedule` is given, starts the daily
 * backup: every minute the timer asks whether the settings' time has passed today with no
 * backup made since; then one is made. Returns what stops the timer (the core's close).
 */
export function startDeskBackups(options: {
  store: Store;
  key: Buffer;
  clock: Clock;
  outDir?: string;
  schedule?: { every?: Every };
}): { stop: () => void } {
  const desk: DeskBackups = {
    key: options.key,
    clock: options.clock,
    outDir: options.outDir ?? defaultBackupDir(options.store.path),
    jobs: new Map(),
    running: null,
  };
  desks.set(options.store, desk);
  if (!options.schedule) return { stop: () => undefined };
  const every = options.schedule.every ?? realEvery;
  return every(60_000, () => {
    if (desk.running || !backupDue(options.store, options.clock.now())) return;
    void runBackup(options.store).catch(() => undefined);
  });
}

/** Whether today's scheduled backup is due: its time (desk's local time) passed and none made since. */
export function backupDue(store: Store, now: Date): boolean {
  const settings = store.read((tx) => readBackupSettings(tx));
  if (!settings.scheduled) return false;
  const [hours, minutes] = settings.time.split(':').map(Number) as [number, number];
  const due = new Date(now);
  due.setHours(hours, minutes, 0, 0);
  if (now < due) return false;
  const { lastBackupAt } = store.read((tx) => lastBackupState(tx));
  return lastBackupAt === null || new Date(lastBackupAt) < due;
}

function deskOf(store: Store): DeskBackups {
  const desk = desks.get(store);
  if (!desk) throw new AppError('backup.no_desk');
  return desk;
}

export function backupDirOf(store: Store): string {
  return deskOf(store).outDir;
}

/** Starts a backup in the background (one at a time) and answers with its job's id. */
export function runBackup(store: Store): Promise<{ jobId: string }> {
  const desk = deskOf(store);
  if (desk.running) throw new AppError('backup.running');
  const jobId = randomUUID();
  const job: BackupJob = { jobId, state: 'running', progress: null, error: null, file: null };
  desk.jobs.set(jobId, job);
  desk.running = makeBackup({
    store,
    clock: desk.clock,
    key: desk.key,
    outDir: desk.outDir,
    onProgress: (progress) => {
      job.progress = progress;
    },
  })
    .then((result) => {
      job.state = 'done';
      job.file = result.file;
    })
    .catch((error: unknown) => {
      job.state = 'failed';
      job.error = toApiError(error instanceof AppError ? error : new AppError('api.internal'));
    })
    .finally(() => {
      desk.running = null;
    });
  return Promise.resolve({ jobId });
}

export function backupJob(store: Store, jobId: string): BackupJob {
  const job = deskOf(store).jobs.get(jobId);
  if (!job) throw new AppError('backup.job_not_found', { field: 'jobId' });
  return { ...job };
}

export async function runDrill(store: Store): Promise<DrillReport> {
  const desk = deskOf(store);
  return restoreDrill({ store, clock: desk.clock, key: desk.key, dir: desk.outDir });
}
