import { stat, statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { HealthReport } from '../../../shared/health/report';
import type { Store } from '../../store/open-store';
import { lastBackupState } from '../backup/backup-state';
import { deskVersion } from './desk-version';

const mb = 1024 * 1024;

async function sizeOf(path: string): Promise<number> {
  return stat(path).then(
    (found) => found.size,
    () => 0,
  );
}

/** Free space of the volume that holds `path` (MB), or null where the system cannot say. */
async function freeMb(path: string): Promise<number | null> {
  try {
    const fs = await statfs(dirname(path));
    return Math.round(((fs.bavail * fs.bsize) / mb) * 10) / 10;
  } catch {
    return null;
  }
}

/**
 * This desk's health as it sends it to the server and shows it offline (G5): what waits in its
 * outbox, its open conflicts and refused changes, the database's size and its volume's free
 * space, the last backup and restore drill, its version. `lastSyncAt`: the sync worker's last
 * good cycle (the worker passes the cycle's own end).
 */
export async function ownHealthReport(store: Store, lastSyncAt: string | null, now: Date): Promise<HealthReport> {
  const counts = store.read((tx) => ({
    pending: tx.get<{ n: number }>("SELECT count(*) AS n FROM sync_outbox WHERE status = 'pending'")?.n ?? 0,
    refused: tx.get<{ n: number }>("SELECT count(*) AS n FROM sync_outbox WHERE status = 'refused'")?.n ?? 0,
    conflicts: tx.get<{ n: number }>('SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL')?.n ?? 0,
    backup: lastBackupState(tx),
  }));
  const bytes = (await sizeOf(store.path)) + (await sizeOf(`${store.path}-wal`));
  return {
    lastSyncAt,
    pendingOutbox: counts.pending,
    openConflicts: counts.conflicts,
    refusedChanges: counts.refused,
    freeDiskMb: await freeMb(store.path),
    databaseMb: Math.round((bytes / mb) * 10) / 10,
    lastBackupAt: counts.backup.lastBackupAt,
    lastDrillAt: counts.backup.lastDrillAt,
    appVersion: deskVersion,
    reportedAt: now.toISOString(),
  };
}
