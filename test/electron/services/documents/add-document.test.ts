import { afterEach, describe, expect, it } from 'vitest';
import type { IdentityDocumentView } from '../../../../shared/domain/documents/identity-document';
import { testInsurers } from '../../../support/document-dictionaries';
import { validEnp, validSnils, wrongSnils } from '../../../support/fixtures';
import { enrolPatient, openTempDesk, type TempDesk } from '../../../support/temp-desk';
import { auditActions, footprint, omsPolicy, openDocumentDesk, passport } from './document-desk';

let desk: TempDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

type Envelope =
  | { ok: true; data: unknown }
  | {
      ok: false;
      error: {
        code: string;
        field?: string;
        message: { ru: string; en: string };
        issues?: { code: string; field: string }[];
      };
    };

describe('recording an identity document (B3)', () => {
  it('records a passport through the door: the row, its audit event and its outbox entry; the list is audited as a read', async () => {
    desk = await openDocumentDesk();
    const patientId = await enrolPatient(desk, {});
    const added = (await desk.dispatch('documents.add', { patientId, document: passport() })) as Envelope;
    expect(added).toMatchObject({
      ok: true,
      data: {
        type: 'passport',
        series: '4525',
        number: '123456',
        issuerCode: '770-001',
        status: 'active',
        validUntil: null,
      },
    });
    const id = (added as { data: IdentityDocumentView }).data.id;
    const outbox = desk.store.transaction((tx) =>
      tx.all<{ table_name: string; row_id: string }>(
        "SELECT table_name, row_id FROM sync_outbox WHERE table_name = 'identity_documents'",
      ),
    );
    expect(outbox).toEqual([{ table_name: 'identity_documents', row_id: id }]);

    const list = (await desk.dispatch('documents.list', { patientId })) as Envelope;
    expect(list).toMatchObject({
      ok: true,
      data: { today: '2026-11-25', items: [{ id, status: 'active', createdByName: expect.any(String) }] },
    });
    expect(auditActions(desk).slice(-2)).toEqual(['documents.added', 'documents.read']);
  });

  it.each([
    ['a passport series of 3 digits', passport({ series: '452' }), 'document.passport.series', 'series'],
    ['a passport number of 5 digits', passport({ number: '12345' }), 'document.passport.number', 'number'],
    [
      'an issuing office code of 5 digits',
      passport({ issuerCode: '77000' }),
      'document.passport.issuer_code',
      'issuerCode',
    ],
    ['an issue date not in the calendar', passport({ issueDate: '2025-02-30' }), 'document.date.invalid', 'issueDate'],
    ['an issue date typed as ДД.ММ.ГГГГ', passport({ issueDate: '01.04.2025' }), 'document.date.format', 'issueDate'],
    ['an issue date in the future', passport({ issueDate: '2026-12-01' }), 'document.issue_date.future', 'issueDate'],
    [
      'a passport issued before 14',
      passport({ issueDate: '1993-03-14' }),
      'document.passport.issued_too_young',
      'issueDate',
    ],
    [
      'an expired passport (not replaced at 45)',
      passport({ issueDate: '2005-01-01' }),
      'document.expired',
      'issueDate',
    ],
    ['a damaged document', passport({ condition: 'damaged' }), 'document.damaged', 'condition'],
    [
      'a driving licence of 9 digits',
      { type: 'driving_licence', number: '99 01 12345', issueDate: '2020-01-01', expiryDate: '2030-01-01' },
      'document.driving_licence.number',
      'number',
    ],
    [
      'an expired driving licence',
      { type: 'driving_licence', number: '99 01 123456', issueDate: '2014-01-01', expiryDate: '2024-01-01' },
      'document.expired',
      'expiryDate',
    ],
    [
      'a licence that ends before it starts',
      { type: 'driving_licence', number: '99 01 123456', issueDate: '2020-01-01', expiryDate: '2019-01-01' },
      'document.expiry.before_issue',
      'expiryDate',
    ],
    ['a SNILS with a wrong check number', { type: 'snils', number: wrongSnils() }, 'patient.snils.checksum', 'number'],
    [
      'an ЕНП with a wrong check digit',
      omsPolicy({ number: validEnp().slice(0, 15) + String((Number(validEnp()[15]) + 1) % 10) }),
      'patient.enp.checksum',
      'number',
    ],
    ['an insurer code of 4 digits', omsPolicy({ insurerCode: '4500' }), 'document.oms.insurer', 'insurerCode'],
    [
      'an insurer not in the dictionary',
      omsPolicy({ insurerCode: '77777' }),
      'document.oms.insurer_unknown',
      'insurerCode',
    ],
    [
      'an insurer whose licence has ended',
      omsPolicy({ insurerCode: testInsurers.closed.code }),
      'document.oms.insurer_unknown',
      'insurerCode',
    ],
    [
      'an expired temporary certificate',
      omsPolicy({ form: 'temporary', number: '123456789', expiryDate: '2026-11-24' }),
      'document.expired',
      'expiryDate',
    ],
    [
      'a photo ID without a photo',
      {
        type: 'other_photo_id',
        title: 'Военный билет',
        number: 'АБ 1234567',
        issuer: 'Военкомат',
        issueDate: '2010-01-01',
        hasPhoto: false,
        hasSignature: true,
      },
      'document.other.photo',
      'hasPhoto',
    ],
    [
      'a photo ID without a signature',
      {
        type: 'other_photo_id',
        title: 'Военный билет',
        number: 'АБ 1234567',
        issuer: 'Военкомат',
        issueDate: '2010-01-01',
        hasPhoto: true,
        hasSignature: false,
      },
      'document.other.signature',
      'hasSignature',
    ],
  ])('refuses %s with its own error and leaves no rows', async (_what, document, code, field) => {
    desk = await openDocumentDesk();
    const patientId = await enrolPatient(desk, {});
    const before = footprint(desk);
    const audit = auditActions(desk).length;
    const result = (await desk.dispatch('documents.add', { patientId, document } as never)) as Envelope;
    expect(result.ok).toBe(false);
    const error = (result as Extract<Envelope, { ok: false }>).error;
    const issue = error.issues?.find((candidate) => candidate.code === code) ?? {
      code: error.code,
      field: error.field?.replace(/^document\./, ''),
    };
    expect(issue).toMatchObject({ code });
    expect(String(issue.field)).toMatch(new RegExp(`${field}$`));
    expect(footprint(desk)).toEqual(before);
    expect(auditActions(desk)).toHaveLength(audit);
  });

  it('refuses a passport whose number another patient holds (a hard stop naming that card), recording that card as shown', async () => {
    desk = await openDocumentDesk();
    const holder = await enrolPatient(desk, { surname: 'Кузнецова', name: 'Ольга', snils: validSnils('123456789') });
    await desk.dispatch('documents.add', { patientId: holder, document: passport() });
    const other = await enrolPatient(desk, {});
    const before = footprint(desk);
    const result = (await desk.dispatch('documents.add', {
      patientId: other,
      document: passport({ series: '4525', number: '123 456' }),
    })) as Envelope;
    expect(result).toMatchObject({ ok: false, error: { code: 'document.number_taken', field: 'number' } });
    expect((result as Extract<Envelope, { ok: false }>).error.message.ru).toContain(
      'Кузнецова Ольга Петровна, 15.03.1980',
    );
    expect(footprint(desk)).toEqual(before);
    const shown = desk.store.transaction((tx) =>
      tx.all<{ patient_id: string }>("SELECT patient_id FROM audit_events WHERE action = 'patients.duplicate_shown'"),
    );
    expect(shown).toEqual([{ patient_id: holder }]);
    // Another series with the same number is another passport.
    expect(
      await desk.dispatch('documents.add', { patientId: other, document: passport({ series: '4526' }) }),
    ).toMatchObject({ ok: true });
  });

  it("refuses a SNILS notice whose number is another patient's SNILS", async () => {
    desk = await openDocumentDesk();
    await enrolPatient(desk, { surname: 'Кузнецова', snils: validSnils('123456789') });
    const patientId = await enrolPatient(desk, { snils: null });
    const result = await desk.dispatch('documents.add', {
      patientId,
      document: { type: 'snils', number: validSnils('123456789') },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'document.number_taken', field: 'number' } });
  });

  it('refuses a second current passport: the change of a passport is a replacement', async () => {
    desk = await openDocumentDesk();
    const patientId = await enrolPatient(desk, {});
    await desk.dispatch('documents.add', { patientId, document: passport() });
    const before = footprint(desk);
    const result = await desk.dispatch('documents.add', { patientId, document: passport({ number: '654321' }) });
    expect(result).toMatchObject({ ok: false, error: { code: 'document.active_exists', field: 'type' } });
    expect(footprint(desk)).toEqual(before);
  });

  it('refuses a document for a card that does not exist, and a doctor may read but not add', async () => {
    desk = await openDocumentDesk();
    const patientId = await enrolPatient(desk, {});
    expect(
      await desk.dispatch('documents.add', { patientId: '0190f3a0-0000-7000-8000-000000000000', document: passport() }),
    ).toMatchObject({
      ok: false,
      error: { code: 'patient.not_found' },
    });
    desk.ctx.actor.role = 'doctor';
    expect(await desk.dispatch('documents.add', { patientId, document: passport() })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await desk.dispatch('documents.list', { patientId })).toMatchObject({ ok: true, data: { items: [] } });
  });

  it('refuses an OMS policy on a desk that has no insurers dictionary yet, on the insurer field', async () => {
    desk = await openTempDesk({ role: 'clerk' });
    const patientId = await enrolPatient(desk, {});
    expect(await desk.dispatch('documents.add', { patientId, document: omsPolicy() })).toMatchObject({
      ok: false,
      error: { code: 'dictionary.not_found', field: 'insurerCode' },
    });
    expect(desk.count('sync_outbox')).toBe(1);
  });
});
