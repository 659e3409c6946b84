import type { Knex } from 'knex';
import type { Mutation, MutationResult } from '../../shared/sync/protocol';

/**
 * One account per login across the clinic. Two desks offline can each give someone the same
 * login; the second to reach the server is refused here, and the desk that made it renames its
 * own copy when the clinic's account arrives (electron/sync/apply-changes.ts).
 */
export async function refuseTakenLogin(trx: Knex.Transaction, mutation: Mutation): Promise<MutationResult | null> {
  const login = mutation.changed.login;
  if (mutation.table !== 'staff' || typeof login !== 'string') return null;
  const holder = await trx('records')
    .where({ table_name: 'staff' })
    .whereRaw("data->>'login' = ?", [login])
    .whereNot({ id: mutation.rowId })
    .first<{ id: string } | undefined>('id');
  return holder ? { mutationId: mutation.mutationId, status: 'refused', code: 'sync.staff_login_taken', field: 'login' } : null;
}
