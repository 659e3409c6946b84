import type { ContactUpdate } from '../../../shared/api/patient-calls';
import { contactFields, type ContactField } from '../../../shared/domain/contact-change';
import type { Patient } from '../../../shared/domain/patient';
import { AppError } from '../../../shared/errors/app-error';
import type { ActorContext } from '../../core/context';
import { insertSyncedRow, updateRecord, type DoorContext } from '../../store/record-door';
import { patientWithNames, toPatient, type NamedPatientRow } from './patient-row';

type ContactRow = Record<ContactField, string | null> & { deleted_at: string | null; merged_into: string | null };

/**
 * Changes a patient's phone, e-mail and address (B1) in one transaction: the card through the
 * door (its previous state to row_history, one audit event naming the fields, never the values),
 * and one `contact_changes` row per changed field with the old and new value, who and when —
 * both synced. Values equal to the card's are no change: nothing is written.
 */
export function updateContacts(ctx: ActorContext, input: ContactUpdate): { patient: Patient; changed: ContactField[] } {
  const at = ctx.clock.now().toISOString();
  return ctx.store.transaction((tx) => {
    const current = tx.get<ContactRow>(
      'SELECT phone, email, address, deleted_at, merged_into FROM patients WHERE id = ?',
      [input.id],
    );
    if (!current || current.deleted_at !== null) throw new AppError('patient.not_found');
    if (current.merged_into !== null) throw new AppError('patient.update.merged');
    const changed = contactFields.filter((field) => input[field] !== undefined && input[field] !== current[field]);
    if (changed.length > 0) {
      const door: DoorContext = { tx, actor: ctx.actor, at };
      const fields = Object.fromEntries(changed.map((field) => [field, input[field] ?? null]));
      updateRecord(door, 'patients.write', 'patients', input.id, fields, {
        action: 'patients.contacts.update',
        patientId: 'self',
      });
      for (const field of changed) {
        insertSyncedRow(door, 'contact_changes', {
          patient_id: input.id,
          field,
          old_value: current[field],
          new_value: input[field] ?? null,
          changed_at: at,
          changed_by: ctx.actor.staffId,
        });
      }
    }
    const row = tx.get<NamedPatientRow>(`${patientWithNames} WHERE p.id = ?`, [input.id]);
    if (!row) throw new Error('A patient row vanished inside its own transaction');
    return { patient: toPatient(row), changed };
  });
}
