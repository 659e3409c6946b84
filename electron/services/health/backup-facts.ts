import type { ReadTx } from '../../store/open-store';

/**
 * The last backup and restore drill as the health report says them. The backups' own record
 * (electron/services/backup/backup-state.ts, `lastBackupState`) is read here once it is part of
 * the desk; until then both are unknown, which the thresholds judge as never (red, amber).
 */
export function lastBackupFacts(_tx: ReadTx): { lastBackupAt: string | null; lastDrillAt: string | null } {
  return { lastBackupAt: null, lastDrillAt: null };
}
