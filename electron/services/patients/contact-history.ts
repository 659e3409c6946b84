import type { ContactChange } from '../../../shared/api/patient-calls';
import type { ActorContext } from '../../core/context';
import { recordRead } from '../../store/record-door';

/** A patient's contact changes (B1), newest first, with who made each; reading them is audited (F1). */
export function contactHistory(ctx: ActorContext, patientId: string): { items: ContactChange[] } {
  return ctx.store.transaction((tx) => {
    const items = tx.all<ContactChange>(
      `SELECT c.id, c.field, c.old_value AS oldValue, c.new_value AS newValue, c.changed_at AS changedAt,
              c.changed_by AS changedBy, s.display_name AS changedByName
         FROM contact_changes c LEFT JOIN staff s ON s.id = c.changed_by
        WHERE c.patient_id = ?
        ORDER BY c.changed_at DESC, c.id DESC`,
      [patientId],
    );
    recordRead({ tx, actor: ctx.actor, at: ctx.clock.now().toISOString() }, 'patients.read', {
      action: 'patients.contact_history.read',
      patientId,
    });
    return { items };
  });
}
