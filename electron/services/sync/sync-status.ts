import type { SyncStatus } from '../../../shared/api/sync-status';
import type { ServiceContext } from '../../core/context';

/** The worker's state plus what waits in this desk's database (G3: always visible). */
export function syncStatus(ctx: Pick<ServiceContext, 'store' | 'syncState'>): SyncStatus {
  return ctx.store.transaction((tx) => {
    const pending = tx.get<{ n: number }>("SELECT count(*) AS n FROM sync_outbox WHERE status = 'pending'")?.n ?? 0;
    const refused = tx.all<{ table: string; rowId: string; code: string; field: string | null; at: string }>(
      `SELECT table_name AS "table", row_id AS rowId, refused_code AS code, refused_field AS field, created_at AS at
         FROM sync_outbox WHERE status = 'refused' ORDER BY seq LIMIT 100`,
    );
    const conflicts =
      tx.get<{ n: number }>('SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL')?.n ?? 0;
    return { ...ctx.syncState(), pending, refused, conflicts };
  });
}
