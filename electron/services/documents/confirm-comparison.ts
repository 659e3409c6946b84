import { isoDay, validateBirthDate } from '../../../shared/domain/calendar-date';
import {
  compareWithRecord,
  isMismatch,
  recordCase,
  recordNumberField,
  type ComparedField,
  type DocumentReading,
  type FieldComparison,
  type MismatchResolution,
} from '../../../shared/domain/documents/compare';
import type { IdentityDocumentView } from '../../../shared/domain/documents/identity-document';
import type { Patient } from '../../../shared/domain/patient';
import { searchFold, validatePersonName } from '../../../shared/domain/person-name';
import { AppError, type FieldIssue } from '../../../shared/errors/app-error';
import type { ZonedActorContext } from '../../core/context';
import type { Tx } from '../../store/open-store';
import { updateRecord, type FieldValue } from '../../store/record-door';
import { refusalsNamingCards } from './add-document';
import { hardStopIssues } from '../patients/duplicate-candidates';
import { patientWithNames, toPatient, type NamedPatientRow } from '../patients/patient-row';
import { readDocumentRow, readDocumentView } from './read-documents';

export interface ComparisonInput {
  documentId: string;
  reading: DocumentReading;
  resolutions: Partial<Record<ComparedField, MismatchResolution>>;
}

/**
 * The comparison of the record with the document (B5), settled: every mismatch has the clerk's
 * answer — confirmed as it is, or the record corrected to the document (the same rules as
 * enrolment: the name's alphabet, the birth date, no other card's SNILS or ЕНП). The corrections
 * and the comparison are written through the door in one transaction, each audited.
 */
export function confirmComparison(
  ctx: ZonedActorContext,
  input: ComparisonInput,
): { document: IdentityDocumentView; patient: Patient } {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = isoDay(now, ctx.timeZone);
  const patient = refusalsNamingCards(ctx, () =>
    ctx.store.transaction((tx) => {
      const document = readDocumentRow(tx, input.documentId);
      const record = readRecord(tx, document.patient_id);
      const fields = compareWithRecord(
        {
          surname: record.surname,
          name: record.name,
          patronymic: record.patronymic,
          birthDate: record.birth_date,
          sex: record.sex,
          snils: record.snils,
          enp: record.enp,
        },
        { type: document.type, form: document.form, number: document.number },
        input.reading,
      ).map((field): FieldComparison =>
        isMismatch(field) ? { ...field, resolution: input.resolutions[field.field] ?? null } : field,
      );
      const unresolved = fields.filter((field) => isMismatch(field) && field.resolution === null);
      if (unresolved.length > 0) {
        const issues: FieldIssue[] = unresolved.map((field) => ({
          code: 'document.compare.unresolved',
          field: field.field,
        }));
        throw new AppError('document.compare.unresolved', { field: issues[0]!.field, issues });
      }
      const corrected = fields.filter((field) => field.resolution === 'corrected');
      const door = { tx, actor: ctx.actor, at };
      if (corrected.length > 0) {
        const changes = corrections(tx, record, corrected, document, today);
        updateRecord(door, 'patients.write', 'patients', record.id, changes, {
          action: 'patients.corrected_from_document',
          patientId: record.id,
          details: { documentId: document.id, corrected: corrected.map((field) => field.field) },
        });
      }
      updateRecord(
        door,
        'patients.write',
        'identity_documents',
        document.id,
        { comparison: JSON.stringify({ fields }), compared_by: ctx.actor.staffId, compared_at: at },
        {
          action: 'documents.compared',
          patientId: record.id,
          details: {
            mismatches: fields.filter(isMismatch).map((field) => field.field),
            confirmed: fields.filter((field) => field.resolution === 'confirmed').map((field) => field.field),
            corrected: corrected.map((field) => field.field),
          },
        },
      );
      const row = tx.get<NamedPatientRow>(`${patientWithNames} WHERE p.id = ?`, [record.id]);
      if (!row) throw new Error('A patient row vanished inside its own transaction');
      return toPatient(row);
    }),
  );
  return { document: readDocumentView(ctx, input.documentId), patient };
}

type RecordRow = Pick<
  NamedPatientRow,
  'id' | 'surname' | 'name' | 'patronymic' | 'birth_date' | 'sex' | 'snils' | 'enp' | 'foreign_citizen'
>;

function readRecord(tx: Tx, id: string): RecordRow {
  const row = tx.get<RecordRow>(
    'SELECT id, surname, name, patronymic, birth_date, sex, snils, enp, foreign_citizen FROM patients WHERE id = ? AND deleted_at IS NULL AND merged_into IS NULL',
    [id],
  );
  if (!row) throw new AppError('patient.not_found', { field: 'documentId' });
  return row;
}

/** The record's new values, checked as enrolment checks them; an invalid one refuses the whole comparison. */
function corrections(
  tx: Tx,
  record: RecordRow,
  corrected: readonly FieldComparison[],
  document: { type: string; form: string | null },
  today: string,
): Record<string, FieldValue> {
  const changes: Record<string, FieldValue> = {};
  const issues: FieldIssue[] = [];
  for (const { field, document: read } of corrected) {
    if (field === 'surname' || field === 'name' || field === 'patronymic') {
      const value = read === null ? null : recordCase(read);
      const code = value === null ? null : validatePersonName(value, { foreign: record.foreign_citizen === 1 });
      if (code) issues.push({ code, field });
      else if (field !== 'patronymic' && value === null) issues.push({ code: 'input.required', field });
      changes[field] = value;
      changes[`${field}_fold`] = searchFold(value ?? '');
    } else if (field === 'birthDate') {
      const value = read;
      const code = value === null ? 'input.required' : validateBirthDate(value, today);
      if (code) issues.push({ code, field });
      changes.birth_date = value;
    } else if (field === 'sex') {
      changes.sex = read;
    } else {
      const value = read;
      const column = recordNumberField(document);
      if (column === null) continue;
      const taken = hardStopIssues(tx, {
        snils: column === 'snils' ? value : null,
        enp: column === 'enp' ? value : null,
        inn: null,
      });
      issues.push(...taken.map((issue) => ({ ...issue, field: 'number' })));
      changes[column] = value;
    }
  }
  const first = issues[0];
  if (first) throw new AppError(first.code, { field: first.field, params: first.params, issues });
  return changes;
}
