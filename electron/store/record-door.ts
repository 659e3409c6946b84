import { can, type Permission } from '../../shared/auth/permissions';
import { AppError } from '../../shared/errors/app-error';
import type { Actor } from '../core/context';
import { appendAudit, type AuditEntry } from './audit-log';
import { newId } from './ids';
import type { Tx } from './open-store';
import { appendOutbox } from './outbox';

/** Tables whose rows sync; the door refuses any other name, so SQL is never built from input. */
export const syncedTables = ['patients', 'staff'] as const;
export type SyncedTable = (typeof syncedTables)[number];

export interface DoorContext {
  tx: Tx;
  actor: Actor;
  /** ISO instant of the change. */
  at: string;
}

function assertAllowed(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new AppError('forbidden');
}

/**
 * The one door for new records (ARCHITECTURE rule 4): checks the permission, writes the row with
 * its sync columns, appends the audit event and the outbox entry — all in the caller's
 * transaction. Returns the new row's id.
 */
export function insertRecord(
  door: DoorContext,
  permission: Permission,
  table: SyncedTable,
  fields: Record<string, string | number | null>,
  audit: Omit<AuditEntry, 'patientId'> & { patientId?: 'self' | string | null },
): string {
  assertAllowed(door.actor, permission);
  const id = newId();
  const row: Record<string, string | number | null> = {
    ...fields,
    id,
    version: 0,
    created_at: door.at,
    created_by: door.actor.staffId,
    updated_at: door.at,
    updated_by: door.actor.staffId,
    device_id: door.actor.deviceId,
  };
  const columns = Object.keys(row);
  door.tx.run(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    columns.map((column) => row[column]),
  );
  appendAudit(door.tx, door.actor, door.at, { ...audit, patientId: audit.patientId === 'self' ? id : (audit.patientId ?? null) });
  appendOutbox(door.tx, door.actor, door.at, { table, rowId: id, baseVersion: 0, changed: fields });
  return id;
}

/** Records a read of patient data (F1) in the caller's transaction. */
export function recordRead(door: DoorContext, permission: Permission, audit: AuditEntry): void {
  assertAllowed(door.actor, permission);
  appendAudit(door.tx, door.actor, door.at, audit);
}
