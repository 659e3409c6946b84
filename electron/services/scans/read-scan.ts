import { AppError } from '../../../shared/errors/app-error';
import type { ReadScanInput, ScanRecord } from '../../../shared/scans/scan-inputs';
import { recordRead } from '../../store/record-door';
import type { ScanContext } from './accept-scan';
import { toScanRecord, type ScanRow } from './scan-row';
import type { ScanVault } from './scan-vault';

/** A patient's scans, newest first, for the card's thumbnails; the read is audited (F1). */
export function listScans(ctx: ScanContext, patientId: string): ScanRecord[] {
  return ctx.store.transaction((tx) => {
    recordRead({ tx, actor: ctx.actor, at: ctx.clock.now().toISOString() }, 'patients.read', {
      action: 'scans.list',
      patientId,
    });
    return tx
      .all<ScanRow>('SELECT * FROM document_scans WHERE patient_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, id DESC', [patientId])
      .map(toScanRecord);
  });
}

/**
 * One scan's file or thumbnail, decrypted and checked against its SHA-256. The access is audited
 * before the file is opened, so an attempt on a damaged file is on record too.
 */
export async function readScan(ctx: ScanContext, vault: ScanVault, input: ReadScanInput): Promise<{ scan: ScanRecord; mime: string; bytes: Buffer }> {
  const { scanId, variant } = input;
  const row = ctx.store.transaction((tx) => {
    const found = tx.get<ScanRow>('SELECT * FROM document_scans WHERE id = ? AND deleted_at IS NULL', [scanId]);
    recordRead({ tx, actor: ctx.actor, at: ctx.clock.now().toISOString() }, 'patients.read', {
      action: 'scans.read',
      patientId: found?.patient_id ?? null,
      details: found ? { scanId, variant } : { scanId, variant, found: false },
    });
    return found;
  });
  // Thrown after the commit, so that the attempt stays in the audit log.
  if (!row) throw new AppError('scan.not_found');
  const sha256 = variant === 'original' ? row.sha256 : row.thumbnail_sha256;
  return { scan: toScanRecord(row), mime: variant === 'original' ? row.mime : 'image/jpeg', bytes: await vault.get(sha256) };
}
