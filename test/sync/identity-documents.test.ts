import { describe, expect, it } from 'vitest';
import type { IdentityDocumentView } from '../../shared/domain/documents/identity-document';
import { importDocumentDictionaries } from '../support/document-dictionaries';
import { draft, validEnp, validSnils } from '../support/fixtures';
import { createPatientAt, pendingOutbox, type SyncDesk } from './sync-harness';
import { useSyncServer } from './use-sync-server';

const harness = useSyncServer();

async function documentDesk(name: string): Promise<SyncDesk> {
  const desk = await harness.openDesk(name);
  importDocumentDictionaries(desk.ctx);
  return desk;
}

const documentsAt = async (desk: SyncDesk, patientId: string) =>
  ((await desk.dispatch('documents.list', { patientId })) as { ok: true; data: { items: IdentityDocumentView[] } }).data
    .items;

const passport = {
  type: 'passport',
  series: '4525',
  number: '778899',
  issuerCode: '770-001',
  issuer: 'ГУ МВД России по г. Москве',
  issueDate: '2025-04-01',
} as const;

describe('identity documents reach the other desks (B3, G1)', () => {
  it('a passport recorded at one desk and replaced at another arrives at both, superseded with its due day', async () => {
    const a = await documentDesk('documents-a');
    const b = await documentDesk('documents-b');
    const patientId = await createPatientAt(a, draft({ surname: 'Документова', snils: validSnils('300400500') }));
    const added = await a.dispatch('documents.add', { patientId, document: passport });
    expect(added.ok).toBe(true);
    await a.sync();
    await b.sync();
    const [seen] = await documentsAt(b, patientId);
    expect(seen).toMatchObject({ type: 'passport', series: '4525', number: '778899', status: 'active' });

    expect(await b.dispatch('documents.replace', { documentId: seen!.id })).toMatchObject({
      ok: true,
      data: { superseded: { updateDue: '2026-12-02' } },
    });
    await b.sync();
    expect(pendingOutbox(b)).toBe(0);
    await a.sync();
    expect(await documentsAt(a, patientId)).toMatchObject([
      { id: seen!.id, status: 'superseded', updateDue: '2026-12-02', replacedBy: null },
    ]);
    // The hard stop holds across desks: the number is this patient's on desk B too.
    const other = await createPatientAt(b, draft({ surname: 'Другова', snils: validSnils('300400501') }));
    expect(await b.dispatch('documents.add', { patientId: other, document: passport })).toMatchObject({
      ok: false,
      error: { code: 'document.number_taken' },
    });
  });

  it('two desks that decide differently on one policy get a conflict for staff, not a silent overwrite', async () => {
    const a = await documentDesk('policy-a');
    const b = await documentDesk('policy-b');
    const patientId = await createPatientAt(
      a,
      draft({ surname: 'Полисова', snils: null, enp: validEnp('770000000000555') }),
    );
    const added = await a.dispatch('documents.add', {
      patientId,
      document: {
        type: 'oms_policy',
        form: 'unified',
        number: validEnp('770000000000555'),
        insurerCode: '45001',
        issueDate: '2021-02-01',
      },
    });
    const policyId = (added as { data: IdentityDocumentView }).data.id;
    await a.sync();
    await b.sync();

    expect(await a.dispatch('documents.confirmPolicy', { documentId: policyId, decision: 'confirmed' })).toMatchObject({
      ok: true,
    });
    expect(
      await b.dispatch('documents.confirmPolicy', {
        documentId: policyId,
        decision: 'rejected',
        reason: 'insurer_refused',
      }),
    ).toMatchObject({ ok: true });
    await a.sync();
    await b.sync();
    const conflicts = (await b.dispatch('sync.conflicts', {})) as { ok: true; data: { items: { field: string }[] } };
    expect(conflicts.data.items.map((item) => item.field)).toEqual(expect.arrayContaining(['policy_status']));
  });
});
