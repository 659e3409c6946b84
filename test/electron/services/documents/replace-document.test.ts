import { afterEach, describe, expect, it } from 'vitest';
import { listDocuments } from '../../../../electron/services/documents/read-documents';
import { replaceDocument } from '../../../../electron/services/documents/replace-document';
import type { IdentityDocumentView } from '../../../../shared/domain/documents/identity-document';
import { expectAppError } from '../../../shared/errors/app-error-expect';
import { enrolPatient, type TempDesk } from '../../../support/temp-desk';
import { auditActions, footprint, on, openDocumentDesk, passport } from './document-desk';

let desk: TempDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

async function withPassport(d: TempDesk): Promise<{ patientId: string; passportId: string }> {
  const patientId = await enrolPatient(d, {});
  const added = await d.dispatch('documents.add', { patientId, document: passport() });
  if (!added.ok) throw new Error(JSON.stringify(added.error));
  return { patientId, passportId: (added.data as IdentityDocumentView).id };
}

describe('replacing a changed document (B3: updated within 5 business days)', () => {
  it('supersedes the old passport and reminds until the new one is in: due 5 business days later by the production calendar', async () => {
    desk = await openDocumentDesk();
    const { patientId, passportId } = await withPassport(desk);
    // Wednesday 25.11.2026 → Thu 26, Fri 27, Mon 30, Tue 1, Wed 2 December.
    const replaced = await desk.dispatch('documents.replace', { documentId: passportId });
    expect(replaced).toMatchObject({
      ok: true,
      data: {
        superseded: {
          id: passportId,
          status: 'superseded',
          updateDue: '2026-12-02',
          replacedBy: null,
          updateOverdue: false,
        },
        replacement: null,
      },
    });
    expect(auditActions(desk).at(-1)).toBe('documents.replaced');

    // The reminder turns overdue the day after the due day, and stays until the new passport is added.
    expect(listDocuments(on(desk, '2026-12-02'), patientId).items[0]).toMatchObject({ updateOverdue: false });
    expect(listDocuments(on(desk, '2026-12-03'), patientId).items[0]).toMatchObject({ updateOverdue: true });

    const added = await desk.dispatch('documents.add', {
      patientId,
      document: passport({ series: '4526', number: '000111' }),
    });
    expect(added).toMatchObject({ ok: true, data: { status: 'active' } });
    const items = listDocuments(on(desk, '2026-12-03'), patientId).items;
    expect(items.map((item) => [item.status, item.updateOverdue])).toEqual([
      ['active', false],
      ['superseded', false],
    ]);
    expect(items[1]).toMatchObject({ id: passportId, replacedBy: items[0]!.id });
  });

  it('skips the May holidays: a passport changed on 30.04.2026 is due on 08.05.2026', async () => {
    desk = await openDocumentDesk();
    const { passportId } = await withPassport(desk);
    // Friday 1 May is off, then Mon 4 … Thu 7 and Friday 8 May (a shortened working day).
    const replaced = await desk.dispatch('documents.replace', { documentId: passportId, changedOn: '2026-04-30' });
    expect(replaced).toMatchObject({
      ok: true,
      data: { superseded: { updateDue: '2026-05-08', updateOverdue: true } },
    });
  });

  it('records the new passport at once when the patient has it, closing the reminder in the same change', async () => {
    desk = await openDocumentDesk();
    const { patientId, passportId } = await withPassport(desk);
    const result = await desk.dispatch('documents.replace', {
      documentId: passportId,
      replacement: passport({ series: '4526', number: '000111' }),
    });
    expect(result).toMatchObject({
      ok: true,
      data: {
        replacement: { series: '4526', number: '000111', status: 'active' },
        superseded: { updateDue: '2026-12-02' },
      },
    });
    const { replacement, superseded } = (
      result as { data: { replacement: IdentityDocumentView; superseded: IdentityDocumentView } }
    ).data;
    expect(superseded.replacedBy).toBe(replacement.id);
    expect(auditActions(desk).slice(-2)).toEqual(['documents.added', 'documents.replaced']);
    expect(listDocuments(desk.ctx, patientId).items.map((item) => item.id)).toEqual([replacement.id, passportId]);
  });

  it('refuses a bad replacement and leaves the old document current, with no rows written', async () => {
    desk = await openDocumentDesk();
    const { passportId } = await withPassport(desk);
    const before = footprint(desk);
    expect(
      await desk.dispatch('documents.replace', {
        documentId: passportId,
        replacement: passport({ issueDate: '2005-01-01' }),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'document.expired', field: 'issueDate' },
    });
    expect(
      await desk.dispatch('documents.replace', {
        documentId: passportId,
        replacement: { type: 'snils', number: '11223344595' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'document.replace.type', field: 'type' },
    });
    expect(await desk.dispatch('documents.replace', { documentId: passportId, changedOn: '2026-11-26' })).toMatchObject(
      {
        ok: false,
        error: { code: 'document.replace.changed_on', field: 'changedOn' },
      },
    );
    // 2025 is not imported on this desk: no deadline can be computed, so nothing is replaced.
    const missing = expectAppError(
      () => replaceDocument(desk!.ctx, { documentId: passportId, changedOn: '2025-12-30' }),
      'calendar.year_missing',
      { year: 2025 },
    );
    expect(missing.ru).toContain('не загружен');
    expect(footprint(desk)).toEqual(before);
  });

  it('refuses to replace a document twice', async () => {
    desk = await openDocumentDesk();
    const { passportId } = await withPassport(desk);
    await desk.dispatch('documents.replace', { documentId: passportId });
    expect(await desk.dispatch('documents.replace', { documentId: passportId })).toMatchObject({
      ok: false,
      error: { code: 'document.superseded' },
    });
  });
});
