import { documentDateIssues } from '../../../shared/domain/documents/document-validity';
import type { IdentityDocument } from '../../../shared/domain/documents/document-schema';
import { AppError, type FieldIssue } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../../core/context';
import type { Tx } from '../../store/open-store';
import { lookup, type DictionaryEntry } from '../dictionaries/lookup';
import { describePatient } from '../patients/duplicate-candidates';
import type { PatientRow } from '../patients/patient-row';
import { insurerInForce } from './oms-registry';

export type HolderRow = Pick<PatientRow, 'id' | 'surname' | 'name' | 'patronymic' | 'birth_date' | 'snils' | 'enp'>;

/** The live, unmerged card a document is recorded for. */
export function readHolder(tx: Tx, patientId: string): HolderRow {
  const row = tx.get<HolderRow>(
    'SELECT id, surname, name, patronymic, birth_date, snils, enp FROM patients WHERE id = ? AND deleted_at IS NULL AND merged_into IS NULL',
    [patientId],
  );
  if (!row) throw new AppError('patient.not_found', { field: 'patientId' });
  return row;
}

/** The date rules (B3): not issued in the future or before birth, not expired on `today`. */
export function assertDatesValid(document: IdentityDocument, holder: HolderRow, today: string): void {
  const issues = documentDateIssues(document, { today, birthDate: holder.birth_date });
  const first = issues[0];
  if (first) throw new AppError(first.code, { field: first.field, params: first.params, issues });
}

/** An OMS policy's insurer must be a current one of the insurers dictionary (B7). */
export function assertInsurerKnown(
  ctx: Pick<ServiceContext, 'store'>,
  document: IdentityDocument,
  today: string,
): void {
  if (document.type !== 'oms_policy') return;
  if (!insurerInForce(insurerEntry(ctx, document.insurerCode), today)) {
    throw new AppError('document.oms.insurer_unknown', {
      field: 'insurerCode',
      params: { code: document.insurerCode },
    });
  }
}

/** The insurer's dictionary entry; a desk without the dictionary refuses on the insurer's field. */
function insurerEntry(ctx: Pick<ServiceContext, 'store'>, code: string): DictionaryEntry | null {
  try {
    return lookup(ctx, 'insurers', code);
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, { field: 'insurerCode', params: error.params });
    throw error;
  }
}

/**
 * A person has one current document of each kind but "other photo ID": a second one is a
 * replacement (`documents.replace`), not an addition. `replacing` is the one being replaced.
 */
export function assertNoCurrentOfKind(
  tx: Tx,
  holder: HolderRow,
  document: IdentityDocument,
  replacing: string | null,
): void {
  if (document.type === 'other_photo_id') {
    const same = tx.get(
      `SELECT 1 FROM identity_documents WHERE patient_id = ? AND type = 'other_photo_id' AND number = ? AND superseded_at IS NULL AND deleted_at IS NULL AND id IS NOT ?`,
      [holder.id, document.number, replacing],
    );
    if (same) throw new AppError('document.active_exists', { field: 'number' });
    return;
  }
  const current = tx.get(
    'SELECT 1 FROM identity_documents WHERE patient_id = ? AND type = ? AND superseded_at IS NULL AND deleted_at IS NULL AND id IS NOT ?',
    [holder.id, document.type, replacing],
  );
  if (current) throw new AppError('document.active_exists', { field: 'type' });
}

type TakenRow = Pick<PatientRow, 'id' | 'surname' | 'name' | 'patronymic' | 'birth_date'>;

const holderColumns = 'p.id, p.surname, p.name, p.patronymic, p.birth_date';
const livePatient = 'p.deleted_at IS NULL AND p.merged_into IS NULL';

/**
 * The hard stop (B3, like B2's identifiers): a passport, driving licence, SNILS or ЕНП that another
 * live card holds — on a document, or as the card's own SNILS / ЕНП — is that person's, not this
 * one's. The issue names the card so the clerk can find it.
 */
export function numberTakenIssue(tx: Tx, holder: HolderRow, document: IdentityDocument): FieldIssue | null {
  if (document.type === 'other_photo_id' || (document.type === 'oms_policy' && document.form !== 'unified'))
    return null;
  const series = document.type === 'passport' ? document.series : null;
  let other = tx.get<TakenRow>(
    `SELECT ${holderColumns} FROM identity_documents d JOIN patients p ON p.id = d.patient_id
      WHERE d.type = ? AND d.number = ? AND d.series IS ? AND d.deleted_at IS NULL AND d.patient_id <> ? AND ${livePatient} LIMIT 1`,
    [document.type, document.number, series, holder.id],
  );
  const column = document.type === 'snils' ? 'snils' : document.type === 'oms_policy' ? 'enp' : null;
  if (!other && column) {
    other = tx.get<TakenRow>(
      `SELECT ${holderColumns} FROM patients p WHERE p.${column} = ? AND p.id <> ? AND ${livePatient} LIMIT 1`,
      [document.number, holder.id],
    );
  }
  return other
    ? {
        code: 'document.number_taken',
        field: 'number',
        params: { patient: describePatient(other), patientId: other.id },
      }
    : null;
}
