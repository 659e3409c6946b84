import type { Knex } from 'knex';
import type { CabinetRecordFile, CabinetRecordRequest } from '../../../shared/cabinet/record-requests-api';
import { moscowDay } from '../../../shared/domain/application-deadline';
import {
  fileFormats,
  recordFormats,
  recordMaterialsSchema,
  recordRequestStatuses,
  type RecordMaterials,
} from '../../../shared/rights/record-requests';
import { toNumber, toRecord } from '../../db/values';
import { stored, type RecordRow, type StoredRow } from '../../sync/server-rows';
import { jsonField } from '../chart/chart-rows';

/**
 * The synced rows of record requests and their files as the server holds them (`records`, data
 * jsonb; `materials` and `formats` JSON text) and the views the cabinet answers with. Every read
 * is scoped by the clinic; the cabinet's reads also by the account that asked.
 */
type Data = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export async function requestRow(db: Knex, clinicId: string, id: string): Promise<StoredRow | undefined> {
  const row = await db('records')
    .where({ table_name: 'record_requests', clinic_id: clinicId, id })
    .first<RecordRow | undefined>('id', 'data', 'field_versions');
  return row ? stored(row) : undefined;
}

/** The account's requests, newest first. */
export async function accountRequests(db: Knex, clinicId: string, accountId: string): Promise<StoredRow[]> {
  const rows = await db('records')
    .where({ table_name: 'record_requests', clinic_id: clinicId })
    .whereRaw("data->>'account_id' = ?", [accountId])
    .orderByRaw("data->>'submitted_at' DESC, id DESC")
    .select<RecordRow[]>('id', 'data', 'field_versions');
  return rows.map(stored);
}

/** A request's files (record_request_files), in the product's order of formats. */
export async function requestFiles(db: Knex, clinicId: string, requestIds: readonly string[]): Promise<StoredRow[]> {
  if (requestIds.length === 0) return [];
  const rows = await db('records')
    .where({ table_name: 'record_request_files', clinic_id: clinicId })
    .whereRaw(`data->>'request_id' IN (${requestIds.map(() => '?').join(', ')})`, [...requestIds])
    .orderByRaw("data->>'created_at', id")
    .select<RecordRow[]>('id', 'data', 'field_versions');
  return rows.map(stored);
}

/** The request's materials (JSON text), or every section when unreadable. */
export function materialsOf(data: Data): RecordMaterials {
  const parsed = recordMaterialsSchema.safeParse(jsonField<unknown>(data.materials, null));
  return parsed.success ? parsed.data : { sections: ['all'] };
}

/** The request's formats (JSON text), the known ones only. */
export function formatsOf(data: Data): (typeof recordFormats)[number][] {
  const list = jsonField<unknown>(data.formats, []);
  return Array.isArray(list) ? recordFormats.filter((format) => list.includes(format)) : [];
}

/** Done and the download time over at `now`. */
export function downloadExpired(data: Data, now: Date): boolean {
  const until = text(data.available_until);
  return data.status === 'done' && until !== null && Date.parse(until) < now.getTime();
}

export function requestView(
  id: string,
  data: Data,
  extra: { filesReady: number; forPerson: string | null },
  now: Date,
): CabinetRecordRequest {
  const status = recordRequestStatuses.find((value) => value === data.status) ?? 'open';
  const dueOn = String(data.due_on ?? '');
  return {
    id,
    number: String(data.number ?? ''),
    patientId: String(data.patient_id ?? ''),
    forPerson: extra.forPerson,
    purpose: String(data.purpose ?? ''),
    materials: materialsOf(data),
    formats: formatsOf(data),
    status,
    submittedAt: String(data.submitted_at ?? ''),
    dueOn,
    overdue: status !== 'done' && dueOn !== '' && dueOn < moscowDay(now),
    filesReady: status === 'done' ? extra.filesReady : 0,
    paperHandedAt: text(data.paper_handed_at),
    fulfilledAt: text(data.fulfilled_at),
    availableUntil: text(data.available_until),
    expired: downloadExpired(data, now),
  };
}

export function fileView(row: StoredRow): CabinetRecordFile {
  const data = row.data;
  return {
    id: row.id,
    format: fileFormats.find((format) => format === data.format) ?? 'pdf',
    fileName: String(data.file_name ?? ''),
    mime: String(data.mime ?? 'application/octet-stream'),
    size: toNumber(data.size ?? 0),
    sha256: String(data.sha256 ?? ''),
    withheld: Boolean(toNumber(data.withheld ?? 0)),
  };
}

/** Names of the cards (surname name patronymic) by id, for requests made for a represented person. */
export async function cardNames(db: Knex, clinicId: string, ids: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db('records')
    .where({ table_name: 'patients', clinic_id: clinicId })
    .whereIn('id', wanted)
    .select<{ id: string; data: unknown }[]>('id', 'data');
  return new Map(
    rows.map((row) => {
      const data = toRecord(row.data);
      return [row.id, [data.surname, data.name, data.patronymic].filter((part) => text(part) !== null).join(' ')];
    }),
  );
}
