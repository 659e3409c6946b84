import type { OnlineIdentityView } from '../../../shared/api/verification-calls';
import { AppError } from '../../../shared/errors/app-error';
import type { ActorContext } from '../../core/context';
import { recordRead } from '../../store/record-door';
import { onlineIdentityWithNames, toOnlineIdentityView, type OnlineIdentityRow } from './online-identity-row';

/** A patient's online identity (the card's "Online access" tab); the read is audited (F1). */
export function getOnlineIdentity(ctx: ActorContext, patientId: string): OnlineIdentityView {
  const found = ctx.store.transaction((tx) => {
    const patient = tx.get<{ id: string }>('SELECT id FROM patients WHERE id = ? AND deleted_at IS NULL', [patientId]);
    recordRead({ tx, actor: ctx.actor, at: ctx.clock.now().toISOString() }, 'patients.read', {
      action: 'verification.read',
      patientId,
      details: patient ? {} : { found: false },
    });
    return patient
      ? { row: tx.get<OnlineIdentityRow>(`${onlineIdentityWithNames} WHERE o.patient_id = ?`, [patientId]) }
      : undefined;
  });
  // Thrown after the commit, so that the attempt stays in the audit log.
  if (!found) throw new AppError('patient.not_found');
  return toOnlineIdentityView(patientId, found.row);
}
