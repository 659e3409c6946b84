import { afterEach, describe, expect, it } from 'vitest';
import type { IdentityDocumentView } from '../../../../shared/domain/documents/identity-document';
import { enrolPatient, type TempDesk } from '../../../support/temp-desk';
import { footprint, openDocumentDesk, passport } from './document-desk';

let desk: TempDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

describe('a document recorded by mistake (rule 5: a tombstone, never a DELETE)', () => {
  it('leaves the card but not the database, with the reason audited; its number is free for the right card', async () => {
    desk = await openDocumentDesk();
    const wrong = await enrolPatient(desk, { surname: 'Кузнецова', snils: null });
    const right = await enrolPatient(desk, {});
    const added = await desk.dispatch('documents.add', { patientId: wrong, document: passport() });
    const documentId = (added as { data: IdentityDocumentView }).data.id;

    const before = footprint(desk);
    expect(await desk.dispatch('documents.remove', { documentId, reason: ' ' })).toMatchObject({
      ok: false,
      error: { field: 'reason' },
    });
    expect(footprint(desk)).toEqual(before);

    expect(await desk.dispatch('documents.remove', { documentId, reason: 'Внесён не тому пациенту' })).toMatchObject({
      ok: true,
      data: { removed: true },
    });
    expect(await desk.dispatch('documents.list', { patientId: wrong })).toMatchObject({
      ok: true,
      data: { items: [] },
    });
    const row = desk.store.transaction((tx) =>
      tx.get<{ deleted_at: string | null }>('SELECT deleted_at FROM identity_documents WHERE id = ?', [documentId]),
    );
    expect(row?.deleted_at).toBe('2026-11-25T09:00:00.000Z');
    const event = desk.store.transaction((tx) =>
      tx.get<{ details: string }>("SELECT details FROM audit_events WHERE action = 'documents.removed'"),
    );
    expect(JSON.parse(event!.details)).toMatchObject({ type: 'passport', reason: 'Внесён не тому пациенту' });

    expect(await desk.dispatch('documents.add', { patientId: right, document: passport() })).toMatchObject({
      ok: true,
    });
    expect(await desk.dispatch('documents.remove', { documentId, reason: 'ещё раз' })).toMatchObject({
      ok: false,
      error: { code: 'document.not_found' },
    });
  });
});
