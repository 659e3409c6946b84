import type { SyncConflictView } from '../../../shared/api/sync-status';
import { AppError } from '../../../shared/errors/app-error';
import type { ActorContext } from '../../core/context';
import { recordRead, updateRecord, type FieldValue } from '../../store/record-door';

/** Open conflicts, oldest first, with both values and who made each (D5, sync). */
export function listConflicts(ctx: ActorContext): { items: SyncConflictView[] } {
  return ctx.store.transaction((tx) => {
    const items = tx.all<SyncConflictView>(
      `SELECT c.id, c.table_name AS "table", c.row_id AS rowId, c.field,
              CASE WHEN p.id IS NULL THEN NULL ELSE p.surname || ' ' || p.name || COALESCE(' ' || p.patronymic, '') END AS patientName,
              c.server_value AS serverValue, COALESCE(ss.display_name, c.server_actor_id) AS serverActor, c.server_at AS serverAt,
              c.device_value AS deviceValue, COALESCE(ds.display_name, c.actor_id) AS deviceActor,
              COALESCE(d.name, c.device_id) AS deviceName, c.at
         FROM sync_conflicts c
         LEFT JOIN patients p ON c.table_name = 'patients' AND p.id = c.row_id
         LEFT JOIN staff ss ON ss.id = c.server_actor_id
         LEFT JOIN staff ds ON ds.id = c.actor_id
         LEFT JOIN devices d ON d.id = c.device_id
        WHERE c.resolved_at IS NULL
        ORDER BY c.at
        LIMIT 500`,
    );
    recordRead({ tx, actor: ctx.actor, at: ctx.clock.now().toISOString() }, 'patients.read', {
      action: 'sync.conflicts.read',
      details: { rows: [...new Set(items.map((item) => item.rowId))] },
    });
    return { items };
  });
}

interface ConflictRow {
  id: string;
  table_name: string;
  row_id: string;
  field: string;
  device_value: FieldValue;
  resolved_at: string | null;
}

/**
 * Staff choose which value stands. Keeping the other desk's value writes it through the door
 * (history, audit, outbox); either way the conflict is marked resolved, and that syncs too.
 */
export function resolveConflict(ctx: ActorContext, id: string, keep: 'server' | 'device'): { resolved: boolean } {
  return ctx.store.transaction((tx) => {
    const conflict = tx.get<ConflictRow>(
      'SELECT id, table_name, row_id, field, device_value, resolved_at FROM sync_conflicts WHERE id = ?',
      [id],
    );
    if (!conflict) throw new AppError('sync.conflict_not_found');
    if (conflict.resolved_at !== null) return { resolved: false };
    const door = { tx, actor: ctx.actor, at: ctx.clock.now().toISOString() };
    if (keep === 'device' && conflict.table_name === 'patients') {
      updateRecord(
        door,
        'patients.write',
        'patients',
        conflict.row_id,
        { [conflict.field]: conflict.device_value },
        {
          action: 'sync.conflict.kept_device_value',
          patientId: conflict.row_id,
        },
      );
    }
    updateRecord(
      door,
      'patients.write',
      'sync_conflicts',
      id,
      { resolved_at: door.at, resolved_by: ctx.actor.staffId, resolution: keep },
      {
        action: 'sync.conflict.resolved',
        patientId: conflict.table_name === 'patients' ? conflict.row_id : null,
        details: { field: conflict.field, keep },
      },
    );
    return { resolved: true };
  });
}
