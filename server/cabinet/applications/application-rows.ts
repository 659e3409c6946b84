import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import type { ApplicationEventKind, EventActorKind } from '../../../shared/domain/application';
import { toRecord } from '../../db/values';
import type { ChangeLogWriter } from '../../sync/change-log';
import { stored, writeServerRow, type RecordRow, type RowData, type StoredRow } from '../../sync/server-rows';

export { writeServerRow, type RowData, type StoredRow } from '../../sync/server-rows';

/**
 * Applications and their journal as the server holds them (synced rows in `records`), and the
 * server's own writes to them: made by no desk (`device_id`, `updated_by` null), through the
 * change log like every synced change (server/portal/online-identity-row.ts does the same).
 */
export async function findApplication(db: Knex, clinicId: string, id: string): Promise<StoredRow | undefined> {
  const row = await db('records')
    .where({ table_name: 'applications', clinic_id: clinicId, id })
    .first<RecordRow | undefined>('id', 'data', 'field_versions');
  return row && stored(row);
}

/** A cabinet account's applications, newest first. */
export async function applicationsOfAccount(db: Knex, clinicId: string, accountId: string): Promise<StoredRow[]> {
  const rows = await db('records')
    .where({ table_name: 'applications', clinic_id: clinicId })
    .whereRaw("data->>'account_id' = ?", [accountId])
    .orderByRaw("data->>'submitted_at' DESC")
    .select<RecordRow[]>('id', 'data', 'field_versions');
  return rows.map(stored);
}

/** The journals of `applicationIds`, each in the order it was written (time, then seq). */
export async function eventsOf(db: Knex, clinicId: string, applicationIds: readonly string[]): Promise<RowData[]> {
  if (applicationIds.length === 0) return [];
  const rows = await db('records')
    .where({ table_name: 'application_events', clinic_id: clinicId })
    .whereRaw(`data->>'application_id' IN (${applicationIds.map(() => '?').join(', ')})`, [...applicationIds])
    .orderByRaw("data->>'at'")
    .orderBy('version')
    .select<{ data: unknown }[]>('data');
  return rows.map((row) => toRecord(row.data) as RowData);
}

export interface JournalEntry {
  applicationId: string;
  kind: ApplicationEventKind;
  actorKind: EventActorKind;
  actorId: string | null;
  detail?: RowData;
}

/** Appends one event to an application's journal (a new row, never changed). */
export async function appendEvent(log: ChangeLogWriter, entry: JournalEntry, at: string): Promise<void> {
  await writeServerRow(
    log,
    'application_events',
    uuidv7(),
    undefined,
    {
      application_id: entry.applicationId,
      kind: entry.kind,
      at,
      actor_kind: entry.actorKind,
      actor_id: entry.actorId,
      detail: JSON.stringify(entry.detail ?? {}),
    },
    at,
  );
}

/** `urgent` as the server writes it (true) or a desk does (1). */
export function isUrgent(value: unknown): boolean {
  return value === true || value === 1;
}

/** A JSON array column (`scan_ids`) as a list of strings. */
export function jsonList(value: unknown): string[] {
  if (typeof value !== 'string' || value === '') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** A JSON object column (`detail`) as plain values. */
export function jsonDetail(value: unknown): Record<string, string | number | boolean | null> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as RowData;
  if (typeof value !== 'string' || value === '') return {};
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as RowData) : {};
  } catch {
    return {};
  }
}
