import type { SyncedTableName } from '../../shared/sync/protocol';
import { toNumber, toRecord } from '../db/values';
import type { ChangeLogWriter } from './change-log';

/**
 * The server's own writes to synced rows (`records`): made by no desk and no person
 * (`created_by`, `updated_by`, `device_id` null), through the change log like every synced
 * change, so every desk of the clinic pulls them. The cabinet writes cards made online, consents
 * signed by code, applications and their journal, and scans this way.
 */
export type RowData = Record<string, string | number | boolean | null>;

export interface StoredRow {
  id: string;
  data: RowData;
  fieldVersions: Record<string, number>;
}

export interface RecordRow {
  id: string;
  data: unknown;
  field_versions: unknown;
}

export function stored(row: RecordRow): StoredRow {
  const fieldVersions: Record<string, number> = {};
  for (const [field, seq] of Object.entries(toRecord(row.field_versions))) fieldVersions[field] = toNumber(seq);
  return { id: row.id, data: toRecord(row.data) as RowData, fieldVersions };
}

/**
 * Writes the server's change to a synced row (a new one when `current` is undefined): only the
 * fields whose value changes are stamped. Returns the change's seq, or null when nothing changed.
 */
export async function writeServerRow(
  log: ChangeLogWriter,
  table: SyncedTableName,
  rowId: string,
  current: StoredRow | undefined,
  fields: RowData,
  at: string,
): Promise<number | null> {
  const base: RowData = current?.data ?? { created_at: at, created_by: null };
  const changed = Object.keys(fields).filter((field) => (base[field] ?? null) !== fields[field]);
  if (current && changed.length === 0) return null;
  const stamp: RowData = { updated_at: at, updated_by: null, device_id: null };
  const data = { ...base, ...fields, ...stamp };
  return log.writeRow({
    table,
    rowId,
    data,
    fieldVersions: current?.fieldVersions ?? {},
    changedFields: current ? [...changed, ...Object.keys(stamp)] : Object.keys(data),
    deviceId: null,
    mutationId: null,
    actorId: null,
    actorAt: null,
  });
}
