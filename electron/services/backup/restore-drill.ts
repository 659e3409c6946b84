import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DrillReport } from '../../../shared/api/backup-calls';
import { AppError } from '../../../shared/errors/app-error';
import type { Clock } from '../../store/clock';
import { integrityPassed, type Store } from '../../store/open-store';
import { recordBackupLog } from '../../store/local-writers/backup-log';
import { listBackupFiles } from './backup-files';
import { openContainer, unpackContainer } from './backup-container';
import { deriveBackupKeys } from './backup-keys';
import type { ProgressSink } from './backup-progress';
import { deskIdOf } from './desk-id';
import { verifyCopy } from './verify-copy';

/**
 * The restore drill ("we have backups" checked, not assumed): the newest backup in `dir` is
 * checked, unpacked into a scratch folder, opened with the key and verified; the report is
 * recorded in the desk's backup log and the scratch folder removed. The working database is
 * only read (for the desk's id) and written to record the drill.
 */
export async function restoreDrill(options: {
  store: Store;
  clock: Clock;
  key: Buffer;
  dir: string;
  onProgress?: ProgressSink;
}): Promise<DrillReport> {
  const started = performance.now();
  const now = options.clock.now();
  const newest = listBackupFiles(options.dir)[0];
  if (!newest) throw new AppError('backup.none', { params: { dir: options.dir } });
  const scratch = mkdtempSync(join(tmpdir(), 'medcard-drill-'));
  const base = {
    file: newest.path,
    createdAt: newest.createdAt.toISOString(),
    ageSeconds: Math.round((now.getTime() - newest.createdAt.getTime()) / 1000),
    size: newest.size,
  };
  let report: DrillReport;
  try {
    const deskId = options.store.read((tx) => deskIdOf(tx));
    const opened = await openContainer(newest.path, deriveBackupKeys(options.key), deskId);
    const unpacked = await unpackContainer(newest.path, opened, scratch, options.onProgress ?? (() => undefined));
    const verdict = await verifyCopy(unpacked.dbPath, options.key);
    report = {
      ...base,
      ok: verdict.ok,
      patients: verdict.counts.patients,
      chartEntries: verdict.counts.chartEntries,
      scans: verdict.scans.checked,
      auditEvents: verdict.chain.events,
      chainOk: verdict.chain.ok,
      integrityOk: integrityPassed(verdict.integrity),
      failure: verdict.ok ? null : 'backup.restore_failed',
      durationMs: performance.now() - started,
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    report = {
      ...base,
      ok: false,
      patients: 0,
      chartEntries: 0,
      scans: 0,
      auditEvents: 0,
      chainOk: false,
      integrityOk: false,
      failure: error.code,
      durationMs: performance.now() - started,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  options.store.transaction((tx) =>
    recordBackupLog(tx, {
      kind: 'drill',
      file: report.file,
      at: now.toISOString(),
      ok: report.ok,
      size: report.size,
      durationMs: report.durationMs,
      report,
    }),
  );
  return report;
}
