import { can } from '../../../shared/auth/permissions';
import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../../core/context';
import { appendAudit } from '../../store/audit-log';
import type { Tx } from '../../store/open-store';
import { updateSyncedRow, type DoorContext } from '../../store/record-door';

/**
 * The door for one chart action: `chart.write` checked before anything is written; the rows it
 * writes (the entry, the replaced version, an encounter's code, its entries' copied date) go
 * through the door's synced writers (`insertSyncedRow`, `updateSyncedRow`: row, history,
 * outbox), and the action is one audit event that names the entry — not one per row.
 */
export function chartDoor(ctx: Pick<ServiceContext, 'actor'>, tx: Tx, at: string): DoorContext {
  if (!can(ctx.actor.role, 'chart.write')) throw new AppError('forbidden');
  return { tx, actor: ctx.actor, at };
}

export function auditChartAction(
  door: DoorContext,
  action: 'chart.record' | 'chart.amend' | 'chart.remove',
  patientId: string,
  details: Record<string, unknown>,
): void {
  appendAudit(door.tx, door.actor, door.at, { action, patientId, details });
}

/**
 * An encounter's `code` is its main diagnosis's МКБ-10 code: the latest main diagnosis recorded in
 * it and not removed, or null. Called after a diagnosis in it is recorded, amended or removed.
 */
export function refreshEncounterCode(door: DoorContext, encounterId: string): void {
  const main = door.tx.get<{ code: string | null }>(
    `SELECT code FROM chart_entries
      WHERE encounter_id = ? AND kind = 'diagnosis' AND deleted_at IS NULL AND json_extract(body, '$.role') = 'main'
      ORDER BY created_at DESC, id DESC LIMIT 1`,
    [encounterId],
  );
  updateSyncedRow(door, 'chart_entries', encounterId, { code: main?.code ?? null });
}
