import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { attachmentFromRow } from '../../../shared/appointments/rows';
import type { AttachmentKind } from '../../../shared/appointments/schedule';
import type { CabinetAttachment } from '../../../shared/cabinet/appointments-api';
import { moscowDay } from '../../../shared/domain/application-deadline';
import { appointmentOf, appointmentRow } from '../../appointments/booking-rows';
import { HttpError } from '../../http/http-error';
import { withChangeLog } from '../../sync/change-log';
import { stored, writeServerRow, type RecordRow } from '../../sync/server-rows';
import type { ChartCard } from '../chart/chart-card';
import { putUploadInChart } from '../chart/chart-labs';
import { attachmentView } from './appointment-views';

/**
 * A referral or result the patient attaches to a booking (E2): the file uploaded and checked first
 * (`POST /scans?purpose=chart_document`), then put in the chart as the patient's document — sent
 * to the booking's doctor when the specialist signs in as staff, so it is in the chart they open —
 * and named on the booking by an `appointment_attachments` row, both synced to every desk.
 */
const liveStatuses: readonly string[] = ['requested', 'booked', 'arrived'];

export async function attachToBooking(
  db: Knex,
  card: ChartCard,
  appointmentId: string,
  request: { kind: AttachmentKind; title: string; scanId: string },
  now: Date,
): Promise<CabinetAttachment> {
  const at = now.toISOString();
  const id = uuidv7();
  return withChangeLog(db, { now, clinicId: card.clinicId }, async (log) => {
    const row = await appointmentRow(log.trx, card.clinicId, appointmentId);
    if (!row || row.data.patient_id !== card.patientId) throw new HttpError(404, 'appointments.not_found');
    const appointment = appointmentOf(row);
    if (!liveStatuses.includes(appointment.status)) {
      throw new HttpError(409, 'appointments.not_active', { params: { status: appointment.status } });
    }
    const entry = await putUploadInChart(
      log,
      card,
      {
        type: request.kind === 'referral' ? 'referral' : 'lab_report',
        date: moscowDay(now),
        title: request.title,
        comment: '',
        scanId: request.scanId,
      },
      now,
    );
    const doctor = await specialistStaff(log.trx, card.clinicId, appointment.specialistId);
    if (doctor !== null) {
      const current = await log
        .trx('records')
        .where({ table_name: 'chart_entries', clinic_id: card.clinicId, id: entry.id })
        .first<RecordRow>('id', 'data', 'field_versions');
      await writeServerRow(log, 'chart_entries', entry.id, stored(current), { doctor_id: doctor, status: 'sent' }, at);
    }
    const fields = {
      appointment_id: appointment.id,
      patient_id: card.patientId,
      kind: request.kind,
      title: request.title,
      scan_id: request.scanId,
      chart_entry_id: entry.id,
      added_via: 'cabinet',
      deleted_at: null,
    };
    await writeServerRow(log, 'appointment_attachments', id, undefined, fields, at);
    return attachmentView(attachmentFromRow({ ...fields, id, created_at: at }));
  });
}

async function specialistStaff(trx: Knex.Transaction, clinicId: string, specialistId: string): Promise<string | null> {
  const row = await trx('records')
    .where({ table_name: 'specialists', clinic_id: clinicId, id: specialistId })
    .first<{ data: unknown } | undefined>('data');
  const staffId = (row?.data as Record<string, unknown> | undefined)?.staff_id;
  return typeof staffId === 'string' ? staffId : null;
}

/** The scan behind one of the patient's attachments (404 when it is not theirs or has no file). */
export async function attachmentScanId(
  db: Knex,
  card: ChartCard,
  appointmentId: string,
  attachmentId: string,
): Promise<string> {
  const row = await db('records')
    .where({ table_name: 'appointment_attachments', clinic_id: card.clinicId, id: attachmentId })
    .first<{ data: unknown } | undefined>('data');
  const data = (row?.data ?? {}) as Record<string, unknown>;
  const mine = data.appointment_id === appointmentId && data.patient_id === card.patientId;
  if (!mine || (data.deleted_at ?? null) !== null || typeof data.scan_id !== 'string') {
    throw new HttpError(404, 'appointments.attachment.not_found');
  }
  return data.scan_id;
}
