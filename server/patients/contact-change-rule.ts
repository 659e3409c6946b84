import { isContactField } from '../../shared/domain/contact-change';
import type { ErrorCode } from '../../shared/errors/catalog';
import type { Mutation, MutationResult } from '../../shared/sync/protocol';
import { refusal, type RowState, type TableRule } from '../sync/table-rules';

function isInstant(value: unknown): boolean {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

/**
 * A desk's contact history row (B1): created once and never changed, for one of the contact
 * fields, by the person who made the change — the entry's actor, whose proof the push carries.
 * The writer needs `patients.write` (the registry's default), as for the card it changes.
 */
function refuseContactChange(mutation: Mutation, current: RowState | undefined): MutationResult | null {
  const refuse = (code: ErrorCode, field?: string): MutationResult => refusal(mutation, code, field);
  if (current !== undefined) return refuse('patient.contact_change.immutable');
  const { changed } = mutation;
  if (typeof changed.patient_id !== 'string' || changed.patient_id === '')
    return refuse('api.bad_request', 'patient_id');
  if (!isContactField(changed.field)) return refuse('patient.contact_change.field', 'field');
  if (changed.changed_by !== mutation.actorId) return refuse('patient.contact_change.author', 'changed_by');
  if (!isInstant(changed.changed_at)) return refuse('api.bad_request', 'changed_at');
  return null;
}

/** Contact history rows (B1): written once by a desk, never changed. */
export const contactChangeRules: readonly TableRule[] = [
  { table: 'contact_changes', refuse: (_trx, mutation, current) => refuseContactChange(mutation, current) },
];
