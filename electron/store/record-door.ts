import { can, type Permission } from '../../shared/auth/permissions';
import { AppError } from '../../shared/errors/app-error';
import type { ErrorCode } from '../../shared/errors/catalog';
import { syncedFields, type SyncedTableName } from '../../shared/sync/protocol';
import type { Actor } from './actor';
import { appendAudit, appendReadAudit, type AuditEntry } from './audit-log';
import { canonicalJson } from '../../shared/canonical-json';
import { newId } from './ids';
import type { Tx } from './open-store';
import { rawTx } from './raw-tx';
import { appendOutbox } from './outbox';

export type FieldValue = string | number | null;

export interface DoorContext {
  tx: Tx;
  actor: Actor;
  /** ISO instant of the change. */
  at: string;
}

/** What `updateRecord` says when the row is not there: the table's own code, or the generic one naming it. */
const notFoundCodes: Record<SyncedTableName, ErrorCode | null> = {
  patients: 'patient.not_found',
  sync_conflicts: 'sync.conflict_not_found',
  staff: 'staff.not_found',
  staff_keys: 'auth.key.not_found',
  document_scans: 'scan.not_found',
  identity_documents: 'document.not_found',
  consents: 'consent.not_found',
  proxies: 'proxy.not_found',
  online_identity: null,
  applications: 'application.not_found',
  application_events: null,
  contact_changes: null,
  dictionary_releases: null,
  chart_entries: 'chart.entry.not_found',
  chart_revisions: null,
  chart_reports: 'chart.report.not_found',
  share_consents: 'chart.share.consent_not_found',
  chart_shares: null,
  specialists: 'schedules.not_found',
  rooms: 'schedules.not_found',
  service_types: 'schedules.not_found',
  work_patterns: 'schedules.not_found',
  schedule_exceptions: 'schedules.not_found',
  appointments: 'appointments.not_found',
  appointment_attachments: 'appointments.attachment.not_found',
  record_requests: 'records.request.not_found',
  record_request_files: null,
  record_restrictions: 'chart.restriction.not_found',
  emergency_access: 'chart.emergency.not_found',
  incidents: 'incident.not_found',
  incident_entries: null,
  health_thresholds: null,
};

function notFound(table: SyncedTableName): AppError {
  const code = notFoundCodes[table];
  return code === null ? new AppError('store.record.not_found', { params: { table } }) : new AppError(code);
}

type DoorAudit = Omit<AuditEntry, 'patientId'> & { patientId?: 'self' | string | null };

function assertAllowed(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new AppError('forbidden');
}

/** Only the fields the sync protocol lists for the table: SQL is never built from other names. */
function assertKnownFields(table: SyncedTableName, fields: Record<string, FieldValue>): void {
  const known: readonly string[] = syncedFields[table];
  for (const field of Object.keys(fields)) {
    if (!known.includes(field)) throw new Error(`Field ${table}.${field} is not a synced field`);
  }
}

/**
 * The one door for new records (ARCHITECTURE rule 4): checks the permission, writes the row with
 * its sync columns, appends the audit event and the outbox entry — all in the caller's
 * transaction. Returns the new row's id.
 */
export function insertRecord(
  door: DoorContext,
  permission: Permission,
  table: SyncedTableName,
  fields: Record<string, FieldValue>,
  audit: DoorAudit,
): string {
  assertAllowed(door.actor, permission);
  const id = insertSyncedRow(door, table, fields);
  appendAudit(door.tx, door.actor, door.at, {
    ...audit,
    patientId: audit.patientId === 'self' ? id : (audit.patientId ?? null),
  });
  return id;
}

/**
 * The one door for changes to a record: the row's previous state goes to `row_history` (rule 5),
 * then the change, its audit event and its outbox entry, all in the caller's transaction. Only
 * the fields that really change are written and sent.
 */
export function updateRecord(
  door: DoorContext,
  permission: Permission,
  table: SyncedTableName,
  id: string,
  fields: Record<string, FieldValue>,
  audit: DoorAudit,
): { changed: string[] } {
  assertAllowed(door.actor, permission);
  const changed = updateSyncedRow(door, table, id, fields);
  if (!changed) throw notFound(table);
  if (changed.length === 0) return { changed };
  appendAudit(door.tx, door.actor, door.at, {
    ...audit,
    patientId: audit.patientId === 'self' ? id : (audit.patientId ?? null),
    details: { ...audit.details, fields: changed },
  });
  return { changed };
}

/**
 * The door's write without its permission check and audit event, for callers that check rights
 * of their own and write one audit event per action rather than per row (staff accounts: one
 * event for a person and their ten recovery codes). The row and its outbox entry are written
 * together; `id` is given when the caller needs it first (a first admin who creates themself).
 */
export function insertSyncedRow(
  door: DoorContext,
  table: SyncedTableName,
  fields: Record<string, FieldValue>,
  id: string = newId(),
): string {
  const changed: Record<string, FieldValue> = {
    ...fields,
    created_at: door.at,
    created_by: door.actor.staffId,
    updated_at: door.at,
    updated_by: door.actor.staffId,
    device_id: door.actor.deviceId,
  };
  assertKnownFields(table, changed);
  const row: Record<string, FieldValue> = { ...changed, id, version: 0 };
  const columns = Object.keys(row);
  rawTx(door.tx).run(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    columns.map((column) => row[column]),
  );
  appendOutbox(door.tx, door.actor, door.at, { table, rowId: id, baseVersion: 0, changed });
  return id;
}

/**
 * `updateRecord` without its permission check and audit event (see `insertSyncedRow`). Returns
 * the fields that really changed, or undefined when there is no such row.
 */
export function updateSyncedRow(
  door: DoorContext,
  table: SyncedTableName,
  id: string,
  fields: Record<string, FieldValue>,
): string[] | undefined {
  assertKnownFields(table, fields);
  const current = door.tx.get<Record<string, FieldValue> & { version: number }>(`SELECT * FROM ${table} WHERE id = ?`, [
    id,
  ]);
  if (!current) return undefined;
  const delta = Object.fromEntries(Object.entries(fields).filter(([field, value]) => current[field] !== value));
  if (Object.keys(delta).length === 0) return [];
  const stamped = (syncedFields[table] as readonly string[]).includes('updated_at');
  const meta: Record<string, FieldValue> = stamped
    ? { updated_at: door.at, updated_by: door.actor.staffId, device_id: door.actor.deviceId }
    : {};
  const changed: Record<string, FieldValue> = { ...delta, ...meta };
  rawTx(door.tx).run(
    'INSERT INTO row_history (table_name, row_id, version, data, replaced_at, replaced_by) VALUES (?, ?, ?, ?, ?, ?)',
    [table, id, current.version, canonicalJson(current), door.at, `local:${door.actor.staffId}`],
  );
  const columns = Object.keys(changed);
  rawTx(door.tx).run(`UPDATE ${table} SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`, [
    ...columns.map((column) => changed[column]),
    id,
  ]);
  appendOutbox(door.tx, door.actor, door.at, { table, rowId: id, baseVersion: current.version, changed });
  return Object.keys(delta);
}

/**
 * Records a read of patient data (F1): with the caller's transaction, or — on a store that groups
 * read events (the desk's core) — within the next few milliseconds, by the rule in audit-log.ts.
 */
export function recordRead(door: DoorContext, permission: Permission, audit: AuditEntry): void {
  assertAllowed(door.actor, permission);
  appendReadAudit(door.tx, door.actor, door.at, audit);
}
