import { isoDay } from '../../../shared/domain/calendar-date';
import type { IdentityDocument } from '../../../shared/domain/documents/document-schema';
import type { IdentityDocumentView } from '../../../shared/domain/documents/identity-document';
import { AppError } from '../../../shared/errors/app-error';
import type { ZonedActorContext } from '../../core/context';
import type { Tx } from '../../store/open-store';
import { insertRecord, updateSyncedRow } from '../../store/record-door';
import { recordCardsNamed } from '../patients/create-patient';
import { documentColumns } from './document-row';
import {
  assertDatesValid,
  assertInsurerKnown,
  assertNoCurrentOfKind,
  numberTakenIssue,
  readHolder,
  type HolderRow,
} from './document-rules';
import { readDocumentView } from './read-documents';

/** Records an identity document for a patient (B3): every rule first, then one audited insert. */
export function addDocument(
  ctx: ZonedActorContext,
  input: { patientId: string; document: IdentityDocument },
): IdentityDocumentView {
  const now = ctx.clock.now();
  const today = isoDay(now, ctx.timeZone);
  assertInsurerKnown(ctx, input.document, today);
  const id = refusalsNamingCards(ctx, () =>
    ctx.store.transaction((tx) => {
      const holder = readHolder(tx, input.patientId);
      return insertDocument(tx, ctx, holder, input.document, { at: now.toISOString(), today, replacing: null });
    }),
  );
  return readDocumentView(ctx, id);
}

/**
 * One document inside the caller's transaction: the dates, one current document of a kind, the
 * hard stop, then the door. A document of a kind the patient was reminded to bring (a replaced
 * one still awaiting its successor) closes that reminder.
 */
export function insertDocument(
  tx: Tx,
  ctx: ZonedActorContext,
  holder: HolderRow,
  document: IdentityDocument,
  options: { at: string; today: string; replacing: string | null },
): string {
  assertDatesValid(document, holder, options.today);
  assertNoCurrentOfKind(tx, holder, document, options.replacing);
  const taken = numberTakenIssue(tx, holder, document);
  if (taken) throw new AppError(taken.code, { field: taken.field, params: taken.params, issues: [taken] });
  const door = { tx, actor: ctx.actor, at: options.at };
  const awaited = tx
    .all<{ id: string }>(
      'SELECT id FROM identity_documents WHERE patient_id = ? AND type = ? AND superseded_at IS NOT NULL AND replaced_by IS NULL AND deleted_at IS NULL AND id IS NOT ?',
      [holder.id, document.type, options.replacing],
    )
    .map((row) => row.id);
  const id = insertRecord(
    door,
    'patients.write',
    'identity_documents',
    { patient_id: holder.id, ...documentColumns(document) },
    {
      action: 'documents.added',
      patientId: holder.id,
      details: { type: document.type, ...(awaited.length > 0 ? { replaces: awaited } : {}) },
    },
  );
  for (const old of awaited) updateSyncedRow(door, 'identity_documents', old, { replaced_by: id });
  return id;
}

/**
 * Runs `write`; a hard-stop refusal names another card, which is a read of its data (F1),
 * recorded after the refused write rolled back.
 */
export function refusalsNamingCards<T>(ctx: ZonedActorContext, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof AppError) recordCardsNamed(ctx, error);
    throw error;
  }
}
