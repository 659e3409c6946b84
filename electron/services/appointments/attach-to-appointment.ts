import type { z } from 'zod';
import type { Contract } from '../../../shared/api/contract';
import { appointmentFromRow, attachmentFromRow, type Row } from '../../../shared/appointments/rows';
import type { AppointmentAttachment } from '../../../shared/appointments/schedule';
import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../../core/context';
import type { Tx } from '../../store/open-store';
import { insertRecord } from '../../store/record-door';
import { requireAppointmentRow } from './appointment-reads';

type AttachInput = z.output<Contract['appointments.attach']['input']>;

/** The patient's own record in `table`, not removed, or `appointments.attachment.not_found` on `field`. */
function requirePatientsRow(
  tx: Tx,
  table: 'document_scans' | 'chart_entries',
  id: string,
  patientId: string,
  field: string,
) {
  const row = tx.get<{ patient_id: string; deleted_at: string | null }>(
    `SELECT patient_id, deleted_at FROM ${table} WHERE id = ?`,
    [id],
  );
  if (!row || row.patient_id !== patientId || row.deleted_at !== null)
    throw new AppError('appointments.attachment.not_found', { field });
}

/**
 * A referral or a result for the doctor (E2): a checked scan of this patient (accepted through the
 * scan checks) or an entry of the patient's chart, linked to a booking that is still to happen or
 * happening — exactly one of the two.
 */
export function attachToAppointment(
  ctx: Pick<ServiceContext, 'store' | 'clock' | 'actor'>,
  input: AttachInput,
): AppointmentAttachment {
  return ctx.store.transaction((tx) => {
    const at = ctx.clock.now().toISOString();
    const appointment = appointmentFromRow(requireAppointmentRow(tx, input.appointmentId));
    if (!['requested', 'booked', 'arrived'].includes(appointment.status))
      throw new AppError('appointments.not_active', { field: 'appointmentId', params: { status: appointment.status } });
    if ((input.scanId === null) === (input.chartEntryId === null))
      throw new AppError('appointments.attachment.source', { field: 'scanId' });
    if (input.scanId !== null) requirePatientsRow(tx, 'document_scans', input.scanId, appointment.patientId, 'scanId');
    if (input.chartEntryId !== null)
      requirePatientsRow(tx, 'chart_entries', input.chartEntryId, appointment.patientId, 'chartEntryId');
    const id = insertRecord(
      { tx, actor: ctx.actor, at },
      'appointments.write',
      'appointment_attachments',
      {
        appointment_id: appointment.id,
        patient_id: appointment.patientId,
        kind: input.kind,
        title: input.title,
        scan_id: input.scanId,
        chart_entry_id: input.chartEntryId,
        added_via: 'desk',
      },
      { action: 'appointments.attach', patientId: appointment.patientId, details: { appointment: appointment.id } },
    );
    return attachmentFromRow(tx.get<Row>('SELECT * FROM appointment_attachments WHERE id = ?', [id])!);
  });
}
