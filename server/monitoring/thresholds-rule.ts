import type { Knex } from 'knex';
import type { Mutation, MutationResult } from '../../shared/sync/protocol';
import { thresholdProblems } from '../../shared/health/thresholds';
import { refusal, type RowState, type RuleScope, type TableRule } from '../sync/table-rules';

/**
 * The clinic's health thresholds (issue 15, G5): an admin's (`ops.manage`), one row per clinic,
 * every limit a whole number above zero with amber before red. A change is judged as the row will
 * be once it is applied (what the server holds with the change over it); nonsense is refused
 * with `health.threshold_invalid` or `health.threshold_order`, naming the field.
 */
async function refuseThresholds(
  trx: Knex.Transaction,
  mutation: Mutation,
  current: RowState | undefined,
  scope: RuleScope,
): Promise<MutationResult | null> {
  if (current === undefined) {
    const other = await trx('records')
      .where({ table_name: 'health_thresholds', clinic_id: scope.clinicId })
      .whereNot({ id: mutation.rowId })
      .first('id');
    if (other) return refusal(mutation, 'health.thresholds_exist');
  }
  const problem = thresholdProblems({ ...current?.data, ...mutation.changed })[0];
  if (!problem) return null;
  const code = problem.problem === 'order' ? 'health.threshold_order' : 'health.threshold_invalid';
  return refusal(mutation, code, problem.field);
}

export const healthThresholdsRule: TableRule = {
  table: 'health_thresholds',
  permission: 'ops.manage',
  refuse: refuseThresholds,
};
