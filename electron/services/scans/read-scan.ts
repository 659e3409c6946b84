import { AppError } from '../../../shared/errors/app-error';
import type { ReadScanInput, ScanSummary } from '../../../shared/scans/scan-inputs';
import { recordRead } from '../../store/record-door';
import type { ScanContext } from './accept-scan';
import { scanRowById, scanRowsOf, toScanSummary } from './scan-row';
import type { ScanVault } from './scan-vault';

/** A patient's scans (of one row when `attachedTo` is given), newest first; the read is audited (F1). */
export function listScans(
  ctx: ScanContext,
  vault: Pick<ScanVault, 'has'>,
  patientId: string,
  attachedTo?: string,
): ScanSummary[] {
  return ctx.store.transaction((tx) => {
    recordRead({ tx, actor: ctx.actor, at: ctx.clock.now().toISOString() }, 'patients.read', {
      action: 'scans.list',
      patientId,
      ...(attachedTo === undefined ? {} : { details: { attachedTo } }),
    });
    return scanRowsOf(tx, patientId, attachedTo).map((row) => toScanSummary(row, (sha256) => vault.has(sha256)));
  });
}

export type ScanFileRead =
  { state: 'ready'; scan: ScanSummary; mime: string; bytes: Buffer } | { state: 'downloading'; scan: ScanSummary };

/**
 * One scan's file or thumbnail, decrypted and checked against its SHA-256; `downloading` while a
 * scan another desk took has not arrived yet. The access is audited before the file is opened,
 * so an attempt on a damaged file is on record too.
 */
export async function readScan(ctx: ScanContext, vault: ScanVault, input: ReadScanInput): Promise<ScanFileRead> {
  const { scanId, variant } = input;
  const row = ctx.store.transaction((tx) => {
    const found = scanRowById(tx, scanId);
    const live = found && found.deleted_at === null ? found : undefined;
    recordRead({ tx, actor: ctx.actor, at: ctx.clock.now().toISOString() }, 'patients.read', {
      action: 'scans.read',
      patientId: live?.patient_id ?? null,
      details: live ? { scanId, variant } : { scanId, variant, found: false },
    });
    return live;
  });
  // Thrown after the commit, so that the attempt stays in the audit log.
  if (!row) throw new AppError('scan.not_found');
  const scan = toScanSummary(row, (sha256) => vault.has(sha256));
  const sha256 = variant === 'original' ? row.sha256 : row.thumbnail_sha256;
  if (!vault.has(sha256)) return { state: 'downloading', scan };
  return {
    state: 'ready',
    scan,
    mime: variant === 'original' ? row.mime : 'image/jpeg',
    bytes: await vault.get(sha256),
  };
}
