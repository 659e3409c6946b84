import { afterEach, describe, expect, it } from 'vitest';
import type { IdentityDocumentView } from '../../../../shared/domain/documents/identity-document';
import { enrolPatient, type TempDesk } from '../../../support/temp-desk';
import { openDocumentDesk, passport } from './document-desk';

let desk: TempDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

describe('a merge takes the identity documents along (B2, B3)', () => {
  it("moves the merged card's documents to the survivor, synced and counted in the merge's audit event", async () => {
    desk = await openDocumentDesk();
    const survivor = await enrolPatient(desk, { snils: null });
    const merged = await enrolPatient(desk, { surname: 'Семенова', snils: null });
    const added = await desk.dispatch('documents.add', { patientId: merged, document: passport() });
    const documentId = (added as { data: IdentityDocumentView }).data.id;

    expect(
      await desk.dispatch('patients.merge', { survivorId: survivor, mergedId: merged, reason: 'Одна пациентка' }),
    ).toMatchObject({ ok: true });
    expect(await desk.dispatch('documents.list', { patientId: survivor })).toMatchObject({
      ok: true,
      data: { items: [{ id: documentId, patientId: survivor }] },
    });
    const sent = desk.store.transaction((tx) =>
      tx.get<{ changed: string }>(
        "SELECT changed FROM sync_outbox WHERE table_name = 'identity_documents' ORDER BY seq DESC LIMIT 1",
      ),
    );
    expect(JSON.parse(sent!.changed)).toMatchObject({ patient_id: survivor });
    const event = desk.store.transaction((tx) =>
      tx.get<{ details: string }>("SELECT details FROM audit_events WHERE action = 'patients.merged'"),
    );
    expect(JSON.parse(event!.details)).toMatchObject({ documents: 1 });
  });
});
