import { afterEach, describe, expect, it } from 'vitest';
import { compareWithRecord, documentReadingSchema, recordCase } from '../../../../shared/domain/documents/compare';
import type { IdentityDocumentView } from '../../../../shared/domain/documents/identity-document';
import { validSnils } from '../../../support/fixtures';
import { enrolPatient, type TempDesk } from '../../../support/temp-desk';
import { auditActions, footprint, openDocumentDesk, passport } from './document-desk';

let desk: TempDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

const record = {
  surname: 'Семёнова',
  name: 'Анна',
  patronymic: 'Петровна',
  birthDate: '1980-03-15',
  sex: 'female' as const,
  snils: validSnils(),
  enp: null,
};
const reading = (overrides: Record<string, unknown> = {}) =>
  documentReadingSchema.parse({
    surname: 'СЕМЁНОВА',
    name: 'АННА',
    patronymic: 'ПЕТРОВНА',
    birthDate: '1980-03-15',
    sex: 'female',
    ...overrides,
  });
const passportDoc = { type: 'passport', form: null, number: '123456' };

describe('comparing the record with the document (B5)', () => {
  it('sees no mismatch where only the case differs (passports print capitals)', () => {
    expect(compareWithRecord(record, passportDoc, reading()).filter((field) => field.kind !== 'equal')).toEqual([]);
  });

  it('lists each mismatch field by field, telling an ё/е spelling from a different value', () => {
    const fields = compareWithRecord(
      record,
      passportDoc,
      reading({ surname: 'Семенова', patronymic: null, birthDate: '1980-03-16' }),
    );
    expect(fields.filter((field) => field.kind !== 'equal')).toEqual([
      { field: 'surname', record: 'Семёнова', document: 'Семенова', kind: 'yo', resolution: null },
      { field: 'patronymic', record: 'Петровна', document: null, kind: 'different', resolution: null },
      { field: 'birthDate', record: '1980-03-15', document: '1980-03-16', kind: 'different', resolution: null },
    ]);
  });

  it('keeps a corrected name in the record’s case, not in the document’s capitals', () => {
    expect(recordCase('СЕМЁНОВА-ЩЕРБА')).toBe('Семёнова-Щерба');
    expect(recordCase("Д'АРТАНЬЯН")).toBe("Д'Артаньян");
    expect(recordCase('ван дер Берг')).toBe('ван дер Берг');
  });

  it("compares a SNILS notice's number with the record's SNILS, and skips the sex a document does not state", () => {
    const fields = compareWithRecord(
      { ...record, snils: null },
      { type: 'snils', form: null, number: validSnils() },
      reading({ sex: null }),
    );
    expect(fields.map((field) => field.field)).toEqual(['surname', 'name', 'patronymic', 'birthDate', 'number']);
    expect(fields.at(-1)).toMatchObject({ field: 'number', record: null, document: validSnils(), kind: 'different' });
  });

  it('stores the comparison only when every mismatch is answered; a correction changes the record through the door, audited', async () => {
    desk = await openDocumentDesk();
    const patientId = await enrolPatient(desk, {});
    const added = await desk.dispatch('documents.add', { patientId, document: passport() });
    const documentId = (added as { data: IdentityDocumentView }).data.id;
    const typed = {
      surname: 'Семенова',
      name: 'Анна',
      patronymic: 'Петровна',
      birthDate: '1980-03-16',
      sex: 'female' as const,
    };

    const before = footprint(desk);
    expect(
      await desk.dispatch('documents.confirmComparison', {
        documentId,
        reading: { ...typed, birthDate: '16.03.1980', surname: ' ' },
        resolutions: {},
      }),
    ).toMatchObject({
      ok: false,
      error: {
        issues: expect.arrayContaining([
          expect.objectContaining({ field: 'reading.birthDate', code: 'document.date.format' }),
          expect.objectContaining({ field: 'reading.surname', code: 'input.required' }),
        ]),
      },
    });
    const unresolved = await desk.dispatch('documents.confirmComparison', {
      documentId,
      reading: typed,
      resolutions: { surname: 'confirmed' },
    });
    expect(unresolved).toMatchObject({
      ok: false,
      error: { code: 'document.compare.unresolved', field: 'birthDate', issues: [{ field: 'birthDate' }] },
    });
    expect(footprint(desk)).toEqual(before);

    const saved = await desk.dispatch('documents.confirmComparison', {
      documentId,
      reading: typed,
      resolutions: { surname: 'confirmed', birthDate: 'corrected' },
    });
    expect(saved).toMatchObject({
      ok: true,
      data: {
        patient: { surname: 'Семёнова', birthDate: '1980-03-16' },
        document: {
          comparedAt: '2026-11-25T09:00:00.000Z',
          comparison: {
            fields: expect.arrayContaining([
              { field: 'surname', record: 'Семёнова', document: 'Семенова', kind: 'yo', resolution: 'confirmed' },
              {
                field: 'birthDate',
                record: '1980-03-15',
                document: '1980-03-16',
                kind: 'different',
                resolution: 'corrected',
              },
            ]),
          },
        },
      },
    });
    expect(auditActions(desk).slice(-2)).toEqual(['patients.corrected_from_document', 'documents.compared']);
    const details = desk.store.transaction((tx) =>
      tx.get<{ details: string }>("SELECT details FROM audit_events WHERE action = 'documents.compared'"),
    );
    expect(JSON.parse(details!.details)).toMatchObject({
      mismatches: ['surname', 'birthDate'],
      confirmed: ['surname'],
      corrected: ['birthDate'],
    });
    // The record's previous state is kept (rule 5).
    const history = desk.store.transaction((tx) =>
      tx.all<{ data: string }>("SELECT data FROM row_history WHERE table_name = 'patients' AND row_id = ?", [
        patientId,
      ]),
    );
    expect(JSON.parse(history[0]!.data)).toMatchObject({ birth_date: '1980-03-15' });
  });

  it('refuses a correction that enrolment would refuse (a Latin name on a Russian citizen), writing nothing', async () => {
    desk = await openDocumentDesk();
    await enrolPatient(desk, { surname: 'Кузнецова', snils: validSnils('123456789') });
    const patientId = await enrolPatient(desk, { snils: null });
    const added = await desk.dispatch('documents.add', {
      patientId,
      document: { type: 'snils', number: validSnils('987654321') },
    });
    const documentId = (added as { data: IdentityDocumentView }).data.id;
    const typed = {
      surname: 'Semenova',
      name: 'Анна',
      patronymic: 'Петровна',
      birthDate: '1980-03-15',
      sex: 'female' as const,
    };
    const before = footprint(desk);
    expect(
      await desk.dispatch('documents.confirmComparison', {
        documentId,
        reading: typed,
        resolutions: { surname: 'corrected', number: 'corrected' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'patient.name.alphabet', field: 'surname' },
    });
    expect(footprint(desk)).toEqual(before);
    const corrected = await desk.dispatch('documents.confirmComparison', {
      documentId,
      reading: { ...typed, surname: 'Семёнова' },
      resolutions: { number: 'corrected' },
    });
    expect(corrected).toMatchObject({ ok: true, data: { patient: { snils: validSnils('987654321') } } });
  });
});
