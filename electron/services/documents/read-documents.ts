import { isoDay } from '../../../shared/domain/calendar-date';
import { documentTypes, type IdentityDocumentView } from '../../../shared/domain/documents/identity-document';
import { AppError } from '../../../shared/errors/app-error';
import type { ZonedActorContext } from '../../core/context';
import type { Tx } from '../../store/open-store';
import { recordRead } from '../../store/record-door';
import { lookup } from '../dictionaries/lookup';
import { documentWithNames, toDocumentView, type DocumentRow } from './document-row';

/** A live (not tombstoned) document, or `document.not_found`. */
export function readDocumentRow(tx: Tx, id: string): DocumentRow {
  const row = tx.get<DocumentRow>(`${documentWithNames} WHERE d.id = ? AND d.deleted_at IS NULL`, [id]);
  if (!row) throw new AppError('document.not_found', { field: 'documentId' });
  return row;
}

/** Insurers' names for the card; a desk without the dictionary shows the code alone. */
function insurerNames(ctx: ZonedActorContext, rows: readonly DocumentRow[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const code of new Set(rows.map((row) => row.insurer_code).filter((code) => code !== null))) {
    try {
      const entry = lookup(ctx, 'insurers', code);
      if (entry) names.set(code, entry.name);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'dictionary.not_found')) throw error;
    }
  }
  return names;
}

function views(ctx: ZonedActorContext, rows: readonly DocumentRow[]): IdentityDocumentView[] {
  const today = isoDay(ctx.clock.now(), ctx.timeZone);
  const names = insurerNames(ctx, rows);
  return rows.map((row) =>
    toDocumentView(row, today, row.insurer_code === null ? null : (names.get(row.insurer_code) ?? null)),
  );
}

/** The view of a document just written by this desk (the write itself was audited). */
export function readDocumentView(ctx: ZonedActorContext, id: string): IdentityDocumentView {
  return views(ctx, [ctx.store.transaction((tx) => readDocumentRow(tx, id))])[0]!;
}

const typeOrder = (type: DocumentRow['type']) => documentTypes.indexOf(type);

/**
 * A patient's documents (B3): current ones in the order of `documentTypes`, then replaced ones,
 * newest replacement first. Audited like opening the card (F1), whether or not the card exists.
 */
export function listDocuments(
  ctx: ZonedActorContext,
  patientId: string,
): { items: IdentityDocumentView[]; today: string } {
  const { rows, found } = ctx.store.transaction((tx) => {
    const exists = tx.get('SELECT 1 FROM patients WHERE id = ? AND deleted_at IS NULL', [patientId]) !== undefined;
    recordRead({ tx, actor: ctx.actor, at: ctx.clock.now().toISOString() }, 'patients.read', {
      action: 'documents.read',
      patientId,
      details: exists ? {} : { found: false },
    });
    return {
      found: exists,
      rows: tx.all<DocumentRow>(`${documentWithNames} WHERE d.patient_id = ? AND d.deleted_at IS NULL`, [patientId]),
    };
  });
  if (!found) throw new AppError('patient.not_found');
  const sorted = [...rows].sort((a, b) => {
    if ((a.superseded_at === null) !== (b.superseded_at === null)) return a.superseded_at === null ? -1 : 1;
    if (a.superseded_at !== null && b.superseded_at !== null && a.superseded_at !== b.superseded_at)
      return a.superseded_at < b.superseded_at ? 1 : -1;
    return typeOrder(a.type) - typeOrder(b.type) || a.created_at.localeCompare(b.created_at);
  });
  return { items: views(ctx, sorted), today: isoDay(ctx.clock.now(), ctx.timeZone) };
}
