import type { CallOutput } from '../../../shared/api/contract';
import type { ServiceContext } from '../../core/context';

/** Active doctors and anyone who wrote in a chart, by name. */
export function chartDoctors(ctx: ServiceContext): CallOutput<'chart.doctors'> {
  return ctx.store.read((tx) => ({
    items: tx
      .all<{ id: string; display_name: string }>(
        `SELECT id, display_name FROM staff
          WHERE (role = 'doctor' AND active = 1 AND kind = 'person')
             OR id IN (SELECT DISTINCT doctor_id FROM chart_entries WHERE doctor_id IS NOT NULL)
          ORDER BY display_name, id`,
      )
      .map((row) => ({ id: row.id, name: row.display_name })),
  }));
}
