import { isoDay } from '../../../shared/domain/calendar-date';
import type { IdentityDocument } from '../../../shared/domain/documents/document-schema';
import type { IdentityDocumentView } from '../../../shared/domain/documents/identity-document';
import { documentUpdateDue } from '../../../shared/domain/documents/update-deadline';
import { AppError } from '../../../shared/errors/app-error';
import type { ZonedActorContext } from '../../core/context';
import { updateRecord } from '../../store/record-door';
import { loadBusinessCalendar } from '../dictionaries/business-calendar';
import { insertDocument, refusalsNamingCards } from './add-document';
import { assertInsurerKnown, readHolder } from './document-rules';
import { readDocumentRow, readDocumentView } from './read-documents';

export interface ReplaceInput {
  documentId: string;
  /** The day the document changed (ISO); today when not given. */
  changedOn?: string | null;
  /** The new document, when the clerk has it in hand. */
  replacement?: IdentityDocument | null;
}

/**
 * The patient's document has changed (B3). The old one is kept, superseded, with the day the new
 * one must be in the system by: 5 business days after the change, by the production calendar.
 * With the new document in hand it is recorded at once (same rules as an addition); without it,
 * the card shows a reminder until it is added (overdue after the due day). One transaction.
 */
export function replaceDocument(
  ctx: ZonedActorContext,
  input: ReplaceInput,
): { superseded: IdentityDocumentView; replacement: IdentityDocumentView | null } {
  const now = ctx.clock.now();
  const today = isoDay(now, ctx.timeZone);
  const changedOn = input.changedOn ?? today;
  if (changedOn > today) throw new AppError('document.replace.changed_on', { field: 'changedOn' });
  const due = documentUpdateDue(loadBusinessCalendar(ctx), changedOn);
  const replacement = input.replacement ?? null;
  if (replacement) assertInsurerKnown(ctx, replacement, today);
  const at = now.toISOString();
  const newId = refusalsNamingCards(ctx, () =>
    ctx.store.transaction((tx) => {
      const old = readDocumentRow(tx, input.documentId);
      if (old.superseded_at !== null) throw new AppError('document.superseded', { field: 'documentId' });
      if (replacement && replacement.type !== old.type) throw new AppError('document.replace.type', { field: 'type' });
      const holder = readHolder(tx, old.patient_id);
      const id = replacement ? insertDocument(tx, ctx, holder, replacement, { at, today, replacing: old.id }) : null;
      updateRecord(
        { tx, actor: ctx.actor, at },
        'patients.write',
        'identity_documents',
        old.id,
        { superseded_at: at, update_due: due, replaced_by: id },
        {
          action: 'documents.replaced',
          patientId: holder.id,
          details: { type: old.type, changedOn, updateDue: due, ...(id ? { replacement: id } : {}) },
        },
      );
      return id;
    }),
  );
  return {
    superseded: readDocumentView(ctx, input.documentId),
    replacement: newId ? readDocumentView(ctx, newId) : null,
  };
}
