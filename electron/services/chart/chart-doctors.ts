import type { CallOutput } from '../../../shared/api/contract';
import type { ServiceContext } from '../../core/context';

/**
 * Active doctors and anyone who wrote in a chart (a doctor since gone, one known only by sync), by
 * name. The second part reads every entry's doctor: no index leads with `doctor_id`.
 */
export function chartDoctors(ctx: ServiceContext): CallOutput<'chart.doctors'> {
  return ctx.store.read((tx) => ({
    items: tx
      .all<{ id: string; display_name: string }>(
        `SELECT d.id, coalesce(s.display_name, d.id) AS display_name
           FROM (SELECT id FROM staff WHERE role = 'doctor' AND active = 1 AND kind = 'person'
                 UNION SELECT doctor_id FROM chart_entries WHERE doctor_id IS NOT NULL) d
           LEFT JOIN staff s ON s.id = d.id
          ORDER BY d.id`,
      )
      .map((row) => ({ id: row.id, name: row.display_name }))
      // Russian alphabetical order (ё beside е): SQLite compares code points.
      .sort((a, b) => a.name.localeCompare(b.name, 'ru')),
  }));
}
