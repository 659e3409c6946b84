import type { ErrorCode } from '../../shared/errors/catalog';
import { syncedFields, type Mutation, type MutationResult } from '../../shared/sync/protocol';
import { refusal } from './table-rules';

/**
 * What can be refused from the mutation alone, before touching the database: a table that does
 * not sync, a field a desk may not write, an empty change. Not stored — the same mutation gets
 * the same answer every time.
 */
export function refuseByShape(mutation: Mutation): MutationResult | null {
  const refuse = (code: ErrorCode, field?: string): MutationResult => refusal(mutation, code, field);
  if (!Object.hasOwn(syncedFields, mutation.table)) return refuse('sync.table_not_allowed', 'table');
  const allowed: readonly string[] = syncedFields[mutation.table as keyof typeof syncedFields];
  const fields = Object.keys(mutation.changed);
  if (fields.length === 0) return refuse('sync.mutation_empty');
  for (const field of fields) {
    if (!allowed.includes(field)) return refuse('sync.field_not_allowed', field);
  }
  return null;
}
