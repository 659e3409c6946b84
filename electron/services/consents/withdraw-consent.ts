import type { CallOutput } from '../../../shared/api/contract';
import { formatRussianDate, isoDay } from '../../../shared/domain/calendar-date';
import { AppError } from '../../../shared/errors/app-error';
import type { ZonedActorContext } from '../../core/context';
import { updateRecord } from '../../store/record-door';
import { consentById, toConsentView } from './consent-row';

/**
 * Withdraws a consent (152-ФЗ art. 9): who, when and why, once. The row stays in the history;
 * from now on the patient's data does not go online until a new consent is accepted.
 */
export function withdrawConsent(
  ctx: ZonedActorContext,
  input: { consentId: string; reason: string },
): CallOutput<'consents.withdraw'> {
  const now = ctx.clock.now();
  return ctx.store.transaction((tx) => {
    const consent = consentById(tx, input.consentId);
    if (!consent) throw new AppError('consent.not_found', { field: 'consentId' });
    if (consent.withdrawn_at !== null) {
      throw new AppError('consent.already_withdrawn', {
        field: 'consentId',
        params: { date: formatRussianDate(isoDay(new Date(consent.withdrawn_at), ctx.timeZone)) },
      });
    }
    const door = { tx, actor: ctx.actor, at: now.toISOString() };
    updateRecord(
      door,
      'patients.write',
      'consents',
      consent.id,
      { withdrawn_at: door.at, withdrawn_by: ctx.actor.staffId, withdrawal_reason: input.reason },
      {
        action: 'consents.withdraw',
        patientId: consent.patient_id,
        details: { consentId: consent.id, reason: input.reason },
      },
    );
    const row = consentById(tx, consent.id);
    if (!row) throw new Error('A consent row vanished inside its own transaction');
    return toConsentView(row);
  });
}
