import type { z } from 'zod';
import type { OnlineIdentityView } from '../../../shared/api/verification-calls';
import type { inPersonVerificationSchema, DocumentSeen } from '../../../shared/domain/online-identity';
import { AppError } from '../../../shared/errors/app-error';
import { canonicalJson } from '../../../shared/canonical-json';
import type { ActorContext } from '../../core/context';
import type { Tx } from '../../store/open-store';
import { updateRecord } from '../../store/record-door';
import { requirePatient } from '../patients/require-patient';
import { onlineIdentityWithNames, toOnlineIdentityView, type OnlineIdentityRow } from './online-identity-row';

export type CompleteVerificationInput = z.output<typeof inPersonVerificationSchema> & { patientId: string };

/**
 * A document chosen from the card is recorded as the card has it (type and number), so what the
 * clerk saw and what the card holds cannot drift apart; one typed in is taken as typed.
 */
function documentsAsRecorded(tx: Tx, patientId: string, documents: readonly DocumentSeen[]): DocumentSeen[] {
  return documents.map((document, index) => {
    if (document.documentId === null) return document;
    const stored = tx.get<{ type: string; series: string | null; number: string }>(
      'SELECT type, series, number FROM identity_documents WHERE id = ? AND patient_id = ? AND deleted_at IS NULL',
      [document.documentId, patientId],
    );
    if (!stored || stored.type !== document.type) {
      throw new AppError('verification.document_unknown', {
        field: `documentsSeen.${index}.documentId`,
        params: { id: document.documentId },
      });
    }
    return { ...document, number: [stored.series, stored.number].filter(Boolean).join(' ') };
  });
}

function assertScansOfPatient(tx: Tx, patientId: string, scanIds: readonly string[]): void {
  scanIds.forEach((id, index) => {
    const scan = tx.get<{ id: string }>(
      'SELECT id FROM document_scans WHERE id = ? AND patient_id = ? AND deleted_at IS NULL',
      [id, patientId],
    );
    if (!scan) throw new AppError('verification.scan_unknown', { field: `scanIds.${index}`, params: { id } });
  });
}

/**
 * The clerk checked the patient's originals at the desk (B6): the documents seen, the scans taken
 * and who checked — the signed-in clerk — go through the record door (history, audit, outbox) in
 * one transaction. Only a locked patient can be verified; the server checks the same rules,
 * clears the failures and unlocks online access.
 */
export function completeVerification(ctx: ActorContext, input: CompleteVerificationInput): OnlineIdentityView {
  return ctx.store.transaction((tx) => {
    requirePatient(tx, input.patientId);
    const row = tx.get<OnlineIdentityRow>('SELECT * FROM online_identity WHERE patient_id = ?', [input.patientId]);
    if (!row) throw new AppError('verification.not_found', { field: 'patientId' });
    if (row.status !== 'locked') throw new AppError('verification.not_locked', { field: 'patientId' });
    const documents = documentsAsRecorded(tx, input.patientId, input.documentsSeen);
    assertScansOfPatient(tx, input.patientId, input.scanIds);
    const at = ctx.clock.now().toISOString();
    updateRecord(
      { tx, actor: ctx.actor, at },
      'patients.write',
      'online_identity',
      row.id,
      {
        status: 'verified_in_person',
        verified_at: at,
        verified_by: ctx.actor.staffId,
        documents_seen: canonicalJson(documents),
        scan_ids: canonicalJson(input.scanIds),
        note: input.note,
      },
      {
        action: 'verification.completed',
        patientId: input.patientId,
        details: {
          documents: documents.map((document) => document.type),
          scans: input.scanIds.length,
          failedAttempts: row.failed_attempts,
        },
      },
    );
    return toOnlineIdentityView(
      input.patientId,
      tx.get<OnlineIdentityRow>(`${onlineIdentityWithNames} WHERE o.id = ?`, [row.id]),
    );
  });
}
