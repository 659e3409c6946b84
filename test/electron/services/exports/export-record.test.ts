import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPatientRecord } from '../../../../electron/services/exports/export-record';
import { rawTx } from '../../../../electron/store/raw-tx';
import { enrolAnother } from '../../../support/chart-fixtures';
import {
  clinicName,
  openExportDesk,
  pdfText,
  secretText,
  validateBundle,
  xmllint,
  xmllintMissing,
  type Bundle,
  type ExportDesk,
} from './export-fixtures';

let desk: ExportDesk;

beforeAll(async () => {
  desk = await openExportDesk();
});
afterAll(async () => {
  await desk.cleanup();
});

const auditOf = (action: string) =>
  desk.store.read((tx) =>
    tx.all<{ details: string; patient_id: string }>('SELECT details, patient_id FROM audit_events WHERE action = ?', [
      action,
    ]),
  );

describe('PDF export (issue 14, F3)', () => {
  it('is a tagged PDF whose extracted text reads in order, in Russian, with the withheld notice', async () => {
    const file = await exportPatientRecord(desk.ctx, { patientId: desk.patientId, format: 'pdf' });
    expect(file.mime).toBe('application/pdf');
    const head = file.bytes.subarray(0, 9).toString('latin1');
    expect(head).toBe('%PDF-1.7\n');
    const raw = file.bytes.toString('latin1');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toMatch(/\/Lang \(ru-RU\)|\/Lang <[0-9a-f]+>/i);
    expect(raw).toContain('/MarkInfo');

    const pages = await pdfText(file.bytes);
    const text = pages.join('\n');
    const at = (needle: string) => {
      const index = text.indexOf(needle);
      expect(index, `«${needle}» in the PDF's text`).toBeGreaterThanOrEqual(0);
      return index;
    };
    // The heading, then the patient, then the notice, then the encounters oldest first.
    expect(at('Выписка из медицинской карты')).toBeLessThan(at('Семёнова Анна Петровна'));
    expect(at('Семёнова Анна Петровна')).toBeLessThan(at('Часть сведений не включена'));
    expect(at('Часть сведений не включена')).toBeLessThan(at('Приём 05.10.2026'));
    expect(at('Приём 05.10.2026')).toBeLessThan(at('Приём 20.11.2026'));
    expect(at('по решению суда')).toBeGreaterThan(0);
    expect(text).toContain('Решение Тверского суда');
    expect(text).not.toContain(secretText);
    expect(text).toContain('<script>');
    // The clinic and the date of issue, and «стр. N из M», on every page.
    for (const [index, page] of pages.entries()) {
      expect(page).toContain(clinicName);
      expect(page).toContain('выдано 25.11.2026');
      expect(page).toContain(`стр. ${index + 1} из ${pages.length}`);
    }
    expect(file.withheld).toBe(1);
  });
});

describe('FHIR R4 export', () => {
  it('is a Bundle every resource of which @medplum/core validates, with RuCore identifier systems', async () => {
    const file = await exportPatientRecord(desk.ctx, { patientId: desk.patientId, format: 'fhir' });
    const bundle = JSON.parse(file.bytes.toString('utf8')) as Bundle;
    expect(() => validateBundle(bundle)).not.toThrow();
    const types = (bundle.entry ?? []).map((entry) => entry.resource.resourceType);
    for (const type of [
      'Patient',
      'Encounter',
      'Condition',
      'Procedure',
      'MedicationRequest',
      'AllergyIntolerance',
      'Observation',
      'DocumentReference',
      'Provenance',
    ])
      expect(types).toContain(type);
    const patient = bundle.entry?.find((entry) => entry.resource.resourceType === 'Patient')?.resource;
    expect(patient?.identifier).toContainEqual({
      system: 'http://fhir.ru/core/systems/snils',
      value: expect.any(String),
    });
    const condition = bundle.entry?.find((entry) => entry.resource.resourceType === 'Condition')?.resource;
    expect(JSON.stringify(condition)).toContain('urn:oid:1.2.643.5.1.13.13.11.1005');
    const text = file.bytes.toString('utf8');
    expect(text).not.toContain(secretText);
    expect(types.filter((type) => type === 'Encounter')).toHaveLength(2);
    expect(text).toContain('Часть сведений не включена в выписку');
    expect(text).toContain('Решение Тверского суда');
  });

  it('exports only the chosen sections and period', async () => {
    const file = await exportPatientRecord(desk.ctx, {
      patientId: desk.patientId,
      format: 'fhir',
      sections: ['diagnoses'],
      from: '2026-11-01',
      to: '2026-11-30',
    });
    const bundle = JSON.parse(file.bytes.toString('utf8')) as Bundle;
    validateBundle(bundle);
    const types = (bundle.entry ?? []).map((entry) => entry.resource.resourceType);
    expect(types.filter((type) => type === 'Condition')).toHaveLength(1);
    expect(types).not.toContain('Encounter');
    expect(types).not.toContain('MedicationRequest');
    // The restricted entry is an encounter, not a diagnosis: nothing of the chosen is withheld.
    expect(file.withheld).toBe(0);
  });
});

describe('СЭМД export (CDA, НСИ 1522 kind 58)', () => {
  it('is valid against the official XSD set, escapes every text and says what is withheld', async (context) => {
    const file = await exportPatientRecord(desk.ctx, { patientId: desk.patientId, format: 'semd' });
    const text = file.bytes.toString('utf8');
    expect(text).toContain('codeSystem="1.2.643.5.1.13.13.11.1522"');
    expect(text).toContain('codeSystem="1.2.643.5.1.13.13.11.1040"');
    expect(text).toContain('codeSystem="1.2.643.5.1.13.13.11.1005"');
    expect(text).toContain('codeSystem="1.2.643.5.1.13.13.11.1070"');
    expect(text).not.toContain(secretText);
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;script&gt;');
    expect(text).toContain('Часть сведений не включена в выписку');
    const verdict = xmllint(desk.dir, file.bytes);
    if (verdict === null) {
      context.skip(xmllintMissing);
      return;
    }
    expect(verdict.output).toContain('validates');
    expect(verdict.ok).toBe(true);
  });
});

describe('audit and cancel', () => {
  it('records exports.created with the SHA-256 of the file', async () => {
    const file = await exportPatientRecord(desk.ctx, { patientId: desk.patientId, format: 'fhir', requestId: 'req-1' });
    expect(file.sha256).toBe(createHash('sha256').update(file.bytes).digest('hex'));
    const event = auditOf('exports.created').find((row) => JSON.parse(row.details).requestId === 'req-1');
    expect(event?.patient_id).toBe(desk.patientId);
    expect(JSON.parse(event?.details ?? '{}')).toMatchObject({
      format: 'fhir',
      sha256: file.sha256,
      size: file.bytes.length,
      sections: ['all'],
      withheld: 1,
    });
  });

  it('stops when cancelled: no file, no exports.created, only the cancel event', async () => {
    const created = auditOf('exports.created').length;
    const controller = new AbortController();
    const run = exportPatientRecord(
      desk.ctx,
      { patientId: desk.patientId, format: 'pdf' },
      (done) => {
        if (done > 0) controller.abort();
      },
      controller.signal,
    );
    controller.abort();
    await expect(run).rejects.toMatchObject({ code: 'exports.cancelled' });
    expect(auditOf('exports.created')).toHaveLength(created);
    expect(auditOf('exports.cancelled').length).toBeGreaterThan(0);
  });
});

describe('bad input (nothing written)', () => {
  const writtenEvents = () => desk.count('audit_events');

  it('refuses an unknown format', async () => {
    const before = writtenEvents();
    await expect(
      exportPatientRecord(desk.ctx, { patientId: desk.patientId, format: 'docx' as never }),
    ).rejects.toMatchObject({ code: 'exports.format_unknown' });
    expect(writtenEvents()).toBe(before);
  });

  it('refuses a patient unknown to this clinic, or merged into another card', async () => {
    const before = writtenEvents();
    await expect(
      exportPatientRecord(desk.ctx, { patientId: '0193b0a0-0000-7000-8000-000000000000', format: 'pdf' }),
    ).rejects.toMatchObject({ code: 'exports.patient_not_found' });
    const other = enrolAnother(desk);
    desk.store.transaction((tx) =>
      rawTx(tx).run('UPDATE patients SET merged_into = ? WHERE id = ?', [desk.patientId, other]),
    );
    const afterEnrol = writtenEvents();
    await expect(exportPatientRecord(desk.ctx, { patientId: other, format: 'semd' })).rejects.toMatchObject({
      code: 'exports.patient_not_found',
    });
    expect(writtenEvents()).toBe(afterEnrol);
    expect(afterEnrol).toBeGreaterThan(before);
  });

  it('refuses a period that ends before it starts, and a role without records.release', async () => {
    await expect(
      exportPatientRecord(desk.ctx, { patientId: desk.patientId, format: 'pdf', from: '2026-12-01', to: '2026-01-01' }),
    ).rejects.toMatchObject({ code: 'exports.dates_reversed' });
    const auditor = { ...desk.ctx, actor: { ...desk.ctx.actor, role: 'auditor' as const } };
    await expect(exportPatientRecord(auditor, { patientId: desk.patientId, format: 'pdf' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
