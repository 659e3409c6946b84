import { AppError } from '../../../shared/errors/app-error';
import type { ActorContext } from '../../core/context';
import { updateRecord } from '../../store/record-door';
import { readDocumentRow } from './read-documents';

/**
 * A document recorded by mistake (the wrong card, a typing slip) leaves the card: a tombstone,
 * never a DELETE (rule 5), with the clerk's reason in the audit event. A changed document is
 * replaced instead (`documents.replace`), so that its history and due day stay.
 */
export function removeDocument(ctx: ActorContext, input: { documentId: string; reason: string }): { removed: true } {
  const at = ctx.clock.now().toISOString();
  ctx.store.transaction((tx) => {
    const row = readDocumentRow(tx, input.documentId);
    if (row.superseded_at !== null) throw new AppError('document.superseded', { field: 'documentId' });
    updateRecord(
      { tx, actor: ctx.actor, at },
      'patients.write',
      'identity_documents',
      row.id,
      { deleted_at: at },
      {
        action: 'documents.removed',
        patientId: row.patient_id,
        details: { type: row.type, reason: input.reason },
      },
    );
  });
  return { removed: true };
}
