import type { ErrorCode } from '../../shared/errors/catalog';
import type { TableRule } from '../sync/table-rules';
import { refusal } from '../sync/table-rules';
import { appointmentRow } from './booking-rows';

/**
 * A referral or result a desk attaches to a booking (E2): to a booking of this clinic and of the
 * same patient, added at the desk; afterwards only removed.
 */
const stamps: readonly string[] = ['updated_at', 'updated_by', 'device_id', 'deleted_at'];

export const attachmentRule: TableRule = {
  table: 'appointment_attachments',
  permission: 'appointments.write',
  refuse: async (trx, mutation, current, scope) => {
    const refuse = (code: ErrorCode, field?: string) => refusal(mutation, code, field);
    const changed = mutation.changed;
    if (current !== undefined) {
      const fixed = Object.keys(changed).find(
        (field) => !stamps.includes(field) && (current.data[field] ?? null) !== changed[field],
      );
      return fixed === undefined ? null : refuse('appointments.field.fixed', fixed);
    }
    if (changed.added_via !== 'desk') return refuse('appointments.field.server_only', 'added_via');
    const booking = await appointmentRow(trx, scope.clinicId, String(changed.appointment_id ?? ''));
    if (!booking) return refuse('appointments.not_found', 'appointment_id');
    if (booking.data.patient_id !== changed.patient_id) return refuse('appointments.row.invalid', 'patient_id');
    return null;
  },
};
