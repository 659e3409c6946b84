import { AppError } from '../../../shared/errors/app-error';
import type { Tx } from '../../store/open-store';

/** A card the services may attach records to: it exists and has no tombstone; else `patient.not_found`. */
export function requirePatient(tx: Tx, patientId: string): { birth_date: string } {
  const patient = tx.get<{ birth_date: string; deleted_at: string | null }>(
    'SELECT birth_date, deleted_at FROM patients WHERE id = ?',
    [patientId],
  );
  if (!patient || patient.deleted_at !== null) throw new AppError('patient.not_found', { field: 'patientId' });
  return patient;
}
