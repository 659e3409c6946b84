import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { systemClock } from '../store/clock';
import { deskKey, processKeyPorts } from '../core/desk-key';
import { deskPaths } from '../core/desk-paths';
import { ensureWorkstation } from '../core/workstation';
import { applyKey, openStore, type Store } from '../store/open-store';
import { defaultBackupDir } from '../services/backup/backup-files';
import type { BackupProgress, DrillReport } from '../../shared/api/backup-calls';
import { makeBackup } from '../services/backup/make-backup';
import { restoreBackup } from '../services/backup/restore-backup';
import { restoreDrill } from '../services/backup/restore-drill';
import { refuseDamagedDatabase } from '../services/backup/startup-integrity';
import type { Output } from './commands';

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** One progress line, rewritten in place on a terminal. */
function progressLine(io: Output): (progress: BackupProgress) => void {
  let last = '';
  return (progress) => {
    const line =
      progress.bytesTotal > 0
        ? `${progress.phase}: ${mib(progress.bytesDone)} of ${mib(progress.bytesTotal)}, part ${Math.min(progress.partsDone + 1, progress.partsTotal)} of ${progress.partsTotal}`
        : `${progress.phase}…`;
    if (line === last) return;
    last = line;
    if (process.stderr.isTTY) io.err(`\r${line}   `);
  };
}

async function openForBackup(db: string | undefined): Promise<{ store: Store; key: Buffer; dbPath: string }> {
  const paths = deskPaths(process.env, db);
  const { key } = await deskKey(paths, process.env, { mayCreate: false, ports: processKeyPorts() });
  refuseDamagedDatabase(paths.dbPath, key);
  const store = await openStore({ path: paths.dbPath, key, create: false, cacheMiB: 32 });
  ensureWorkstation(store, systemClock.now());
  return { store, key, dbPath: paths.dbPath };
}

/** `medcard backup [--db PATH] [--out DIR]`: one verified, encrypted backup file. */
export async function backupCommand(db: string | undefined, out: string | undefined, io: Output): Promise<number> {
  const { store, key, dbPath } = await openForBackup(db);
  try {
    const result = await makeBackup({
      store,
      clock: systemClock,
      key,
      outDir: resolve(out ?? defaultBackupDir(dbPath)),
      onProgress: progressLine(io),
    });
    if (process.stderr.isTTY) io.err('\n');
    io.out(`Backup: ${result.file}`);
    io.out(
      `Size: ${mib(result.size)}; verified: integrity ok, audit chain ok (${result.verdict.chain.events} events), ${result.verdict.scans.checked} scans`,
    );
    io.out(
      `Patients: ${result.verdict.counts.patients}; chart entries: ${result.verdict.counts.chartEntries}; took ${(result.durationMs / 1000).toFixed(1)} s`,
    );
    for (const name of result.removed) io.out(`Rotated out: ${name}`);
    return 0;
  } finally {
    await store.close();
  }
}

/** `medcard restore FILE [--db PATH]`: verify, keep the current database aside, swap. */
export async function restoreCommand(file: string, db: string | undefined, io: Output): Promise<number> {
  const paths = deskPaths(process.env, db);
  const { key } = await deskKey(paths, process.env, { mayCreate: false, ports: processKeyPorts() });
  const result = await restoreBackup({
    file: resolve(file),
    dbPath: paths.dbPath,
    key,
    deskId: readDeskId(paths.dbPath, key),
    now: systemClock.now(),
    onProgress: progressLine(io),
  });
  if (process.stderr.isTTY) io.err('\n');
  io.out(`Restored ${resolve(file)} into ${paths.dbPath}`);
  io.out(`The database it replaced is kept as ${result.keptAs}`);
  io.out(
    `Patients: ${result.verdict.counts.patients}; audit chain ok (${result.verdict.chain.events} events); the desk catches up from the server at its next sync`,
  );
  return 0;
}

/** `medcard restore-drill [--db PATH] [--out DIR]`: the newest backup restored into a scratch place and reported. */
export async function restoreDrillCommand(
  db: string | undefined,
  dir: string | undefined,
  io: Output,
): Promise<number> {
  const { store, key, dbPath } = await openForBackup(db);
  try {
    const report = await restoreDrill({
      store,
      clock: systemClock,
      key,
      dir: resolve(dir ?? defaultBackupDir(dbPath)),
      onProgress: progressLine(io),
    });
    if (process.stderr.isTTY) io.err('\n');
    for (const line of drillLines(report)) io.out(line);
    return report.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

export function drillLines(report: DrillReport): string[] {
  return [
    `Restore drill: ${report.ok ? 'OK' : `FAILED (${report.failure})`}`,
    `File: ${report.file}`,
    `Made: ${report.createdAt} (${(report.ageSeconds / 3600).toFixed(1)} h ago); size ${mib(report.size)}`,
    `Patients: ${report.patients}; chart entries: ${report.chartEntries}; scans: ${report.scans}; audit events: ${report.auditEvents}`,
    `Integrity: ${report.integrityOk ? 'ok' : 'FAILED'}; audit chain: ${report.chainOk ? 'ok' : 'BROKEN'}`,
    `Duration: ${(report.durationMs / 1000).toFixed(1)} s`,
  ];
}

/** The current database's desk id, or null when it cannot be read (then the key alone vouches for the file). */
function readDeskId(dbPath: string, key: Buffer): string | null {
  if (!existsSync(dbPath)) return null;
  try {
    const db = new Database(dbPath, { fileMustExist: true });
    try {
      applyKey(db, key);
      const row = db.prepare('SELECT id FROM devices WHERE is_self = 1').get() as { id: string } | undefined;
      return row?.id ?? null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}
