import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import {
  onlineIdentityStatuses,
  type OnlineIdentityCounters,
  type OnlineIdentityStatus,
} from '../../shared/domain/online-identity';
import type { ChangeLogWriter } from '../sync/change-log';
import { toNumber, toRecord } from '../db/values';

type RowData = Record<string, string | number | boolean | null>;

/** A patient's `online_identity` record as the server holds it. */
export interface StoredOnlineIdentity {
  id: string;
  data: RowData;
  fieldVersions: Record<string, number>;
  counters: OnlineIdentityCounters;
}

/** The state of a patient who never tried to confirm their identity online. */
export const noAttempts: OnlineIdentityCounters = { status: 'none', failedAttempts: 0, lockedAt: null };

function statusOf(value: unknown): OnlineIdentityStatus {
  const status = onlineIdentityStatuses.find((known) => known === value);
  if (!status) throw new TypeError(`online_identity has an unknown status: ${String(value)}`);
  return status;
}

/** The patient's row in the clinic, if any (unique per patient: 0003-portal-identity's index). */
export async function findOnlineIdentity(
  db: Knex,
  patientId: string,
  clinicId: string,
): Promise<StoredOnlineIdentity | undefined> {
  const row = await db('records')
    .where({ table_name: 'online_identity', clinic_id: clinicId })
    .whereRaw("data->>'patient_id' = ?", [patientId])
    .first<{ id: string; data: unknown; field_versions: unknown } | undefined>('id', 'data', 'field_versions');
  if (!row) return undefined;
  const data = toRecord(row.data) as RowData;
  const fieldVersions: Record<string, number> = {};
  for (const [field, seq] of Object.entries(toRecord(row.field_versions))) fieldVersions[field] = toNumber(seq);
  return {
    id: row.id,
    data,
    fieldVersions,
    counters: {
      status: statusOf(data.status),
      failedAttempts: toNumber(data.failed_attempts ?? 0),
      lockedAt: typeof data.locked_at === 'string' ? data.locked_at : null,
    },
  };
}

/** A patient of the clinic: not removed, not merged into another card. */
export async function patientExists(db: Knex, patientId: string, clinicId: string): Promise<boolean> {
  const row = await db('records')
    .where({ table_name: 'patients', id: patientId, clinic_id: clinicId })
    .whereRaw("coalesce(data->>'deleted_at', '') = ''")
    .whereRaw("coalesce(data->>'merged_into', '') = ''")
    .first<{ id: string } | undefined>('id');
  return row !== undefined;
}

/**
 * Writes the server's change to a patient's row (made by no desk and no person: `device_id`,
 * `updated_by` null), creating the row on the patient's first attempt. Only fields whose value
 * changes are stamped. Returns the change's seq, or null when nothing changed.
 */
export async function writeOnlineIdentity(
  log: ChangeLogWriter,
  patientId: string,
  current: StoredOnlineIdentity | undefined,
  fields: RowData,
  at: string,
): Promise<number | null> {
  const base: RowData = current?.data ?? {
    patient_id: patientId,
    status: noAttempts.status,
    failed_attempts: 0,
    locked_at: null,
    verified_at: null,
    verified_by: null,
    documents_seen: null,
    scan_ids: null,
    note: null,
    created_at: at,
    created_by: null,
  };
  const changed = Object.keys(fields).filter((field) => (base[field] ?? null) !== fields[field]);
  if (current && changed.length === 0) return null;
  const stamp: RowData = { updated_at: at, updated_by: null, device_id: null };
  const data = { ...base, ...fields, ...stamp };
  return log.writeRow({
    table: 'online_identity',
    rowId: current?.id ?? uuidv7(),
    data,
    fieldVersions: current?.fieldVersions ?? {},
    changedFields: current ? [...changed, ...Object.keys(stamp)] : Object.keys(data),
    deviceId: null,
    mutationId: null,
    actorId: null,
    actorAt: null,
  });
}
