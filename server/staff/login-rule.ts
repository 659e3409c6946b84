import type { Knex } from 'knex';
import type { Mutation, MutationResult } from '../../shared/sync/protocol';
import { refusal, type RuleScope, type TableRule } from '../sync/table-rules';

/**
 * One account per login across the clinic. Two desks offline can each give someone the same
 * login; the second to reach the server is refused here, and the desk that made it renames its
 * own copy when the clinic's account arrives (electron/sync/apply-changes.ts).
 */
async function refuseTakenLogin(
  trx: Knex.Transaction,
  mutation: Mutation,
  scope: RuleScope,
): Promise<MutationResult | null> {
  const login = mutation.changed.login;
  if (typeof login !== 'string') return null;
  const holder = await trx('records')
    .where({ table_name: 'staff', clinic_id: scope.clinicId })
    .whereRaw("data->>'login' = ?", [login])
    .whereNot({ id: mutation.rowId })
    .first<{ id: string } | undefined>('id');
  return holder ? refusal(mutation, 'sync.staff_login_taken', 'login') : null;
}

/** Staff accounts' own rule; who may write them at all is the actor's check (server/sync/actor-rules.ts). */
export const staffLoginRule: TableRule = {
  table: 'staff',
  refuse: (trx, mutation, _current, scope) => refuseTakenLogin(trx, mutation, scope),
};
