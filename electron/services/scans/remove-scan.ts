import { AppError } from '../../../shared/errors/app-error';
import { updateRecord } from '../../store/record-door';
import type { ScanContext } from './accept-scan';
import { scanRowById } from './scan-row';

/**
 * A scan taken by mistake gets a tombstone with the clerk's reason (rule 5): the row, its files
 * and its history stay, the card no longer lists it. Removing it twice is refused.
 */
export function removeScan(ctx: ScanContext, input: { id: string; reason: string }): { id: string; deletedAt: string } {
  const at = ctx.clock.now().toISOString();
  return ctx.store.transaction((tx) => {
    const row = scanRowById(tx, input.id);
    if (!row || row.deleted_at !== null) throw new AppError('scan.not_found');
    updateRecord(
      { tx, actor: ctx.actor, at },
      'patients.write',
      'document_scans',
      input.id,
      { deleted_at: at, deleted_reason: input.reason },
      {
        action: 'scans.remove',
        patientId: row.patient_id,
        details: { scanId: input.id, reason: input.reason },
      },
    );
    return { id: input.id, deletedAt: at };
  });
}
