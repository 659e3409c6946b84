import type { Patient } from '../../../shared/domain/patient';
import { AppError } from '../../../shared/errors/app-error';
import type { ActorContext } from '../../core/context';
import { recordRead } from '../../store/record-door';
import { patientWithNames, toPatient, type NamedPatientRow } from './patient-row';

/** Opens a patient's card; the read is audited (F1) whether or not the card exists. */
export function getPatient(ctx: ActorContext, id: string): Patient {
  const row = ctx.store.transaction((tx) => {
    const found = tx.get<NamedPatientRow>(`${patientWithNames} WHERE p.id = ? AND p.deleted_at IS NULL`, [id]);
    recordRead({ tx, actor: ctx.actor, at: ctx.clock.now().toISOString() }, 'patients.read', {
      action: 'patients.read',
      patientId: id,
      details: found ? {} : { found: false },
    });
    return found;
  });
  // Thrown after the commit, so that the attempt stays in the audit log.
  if (!row) throw new AppError('patient.not_found');
  return toPatient(row);
}
