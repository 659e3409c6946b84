import { applicationNumber, defaultDeadlineSettings, deskApplicationSource } from '../../../shared/domain/application';
import { applicationDueAt, moscowDay } from '../../../shared/domain/application-deadline';
import { AppError } from '../../../shared/errors/app-error';
import type { ActorContext } from '../../core/context';
import type { Tx } from '../../store/open-store';
import { insertRecord } from '../../store/record-door';
import { loadBusinessCalendar } from '../dictionaries/business-calendar';
import { consentInForce } from './application-checks';
import { appendApplicationEvent } from './application-events';

/**
 * The next number of this desk for the year: `З-YY-SOURCE-NNNNNN`, the counter one past the
 * largest this desk holds for its source and year (its own, and any that came back by sync).
 */
function nextNumber(tx: Tx, deviceId: string, at: string): string {
  const year = Number(moscowDay(at).slice(0, 4));
  const prefix = applicationNumber(year, deskApplicationSource(deviceId), 0).slice(0, -6);
  const last = tx.get<{ number: string | null }>(
    'SELECT max(number) AS number FROM applications WHERE number >= ? AND number < ?',
    [prefix, `${prefix}999999~`],
  )?.number;
  const counter = last ? Number(last.slice(-6)) + 1 : 1;
  return applicationNumber(year, deskApplicationSource(deviceId), counter);
}

/**
 * An application for online access taken at the desk for a patient in person (C1, channel
 * `desk`): the card must be in use and the patient must have a consent in force; one open
 * application per patient. Its deadline is counted from now on the desk's production calendar
 * (C2), its contacts are the card's.
 */
export function takeAtDesk(
  ctx: ActorContext,
  input: { patientId: string; urgent: boolean },
): { id: string; number: string; dueAt: string } {
  const calendar = loadBusinessCalendar(ctx);
  return ctx.store.transaction((tx) => {
    const at = ctx.clock.now().toISOString();
    const door = { tx, actor: ctx.actor, at };
    const patient = tx.get<{
      deleted_at: string | null;
      merged_into: string | null;
      email: string | null;
      phone: string | null;
    }>('SELECT deleted_at, merged_into, email, phone FROM patients WHERE id = ?', [input.patientId]);
    if (!patient) throw new AppError('patient.not_found', { field: 'patientId' });
    if (patient.deleted_at !== null || patient.merged_into !== null)
      throw new AppError('application.desk.patient_deleted', { field: 'patientId' });
    const open = tx.get<{ number: string }>(
      `SELECT number FROM applications WHERE patient_id = ? AND status IN ('submitted', 'in_review') LIMIT 1`,
      [input.patientId],
    );
    if (open) throw new AppError('application.already_open', { field: 'patientId', params: { number: open.number } });
    const consent = consentInForce(tx, input.patientId, at);
    if (!consent.met) throw new AppError('application.desk.consent_required', { field: 'patientId' });
    const number = nextNumber(tx, ctx.actor.deviceId, at);
    const dueAt = applicationDueAt(at, input.urgent, defaultDeadlineSettings, calendar);
    const id = insertRecord(
      door,
      'patients.write',
      'applications',
      {
        patient_id: input.patientId,
        account_id: null,
        number,
        channel: 'desk',
        urgent: input.urgent ? 1 : 0,
        status: 'submitted',
        submitted_at: at,
        due_at: dueAt,
        consent_id: consent.consentId,
        contact_email: patient.email,
        contact_phone: patient.phone,
      },
      { action: 'applications.taken_at_desk', patientId: input.patientId, details: { number, urgent: input.urgent } },
    );
    appendApplicationEvent(door, id, 'received', { channel: 'desk', urgent: input.urgent });
    return { id, number, dueAt };
  });
}
