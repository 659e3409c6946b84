import type { Knex } from 'knex';
import type { ClinicAuditEvent, ClinicAuditPage, clinicAuditQuerySchema } from '../../shared/audit/audit-chain';
import type { z } from 'zod';
import { toNumber, toRecord } from '../db/values';

interface EventRow {
  position: unknown;
  device_id: string;
  device_name: string | null;
  seq: unknown;
  at: string;
  action: string;
  actor_id: string;
  actor_name: string | null;
  actor_role: string;
  patient_id: string | null;
  details: string;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);
const likePattern = (text: string) => `%${escapeLike(text)}%`;
const startsWith = (text: string) => `${escapeLike(text)}%`;

/**
 * The clinic's audit, every desk's chain together, newest first, a page at a time (the auditor's
 * screen; the patient's "who opened my card" reads the same rows by `patient_id`). Only the asking
 * device's clinic is ever read. Names come from the clinic's synced staff rows and its devices.
 */
/** The clinic's audit events with the names of staff and desks: the auditor's and the patient's queries start here. */
export function namedAuditEvents(db: Knex, clinicId: string): Knex.QueryBuilder {
  return db('audit_events as e')
    .leftJoin('devices as d', 'd.id', 'e.device_id')
    .leftJoin('records as s', (join) =>
      join
        .on('s.id', '=', 'e.actor_id')
        .andOn('s.table_name', '=', db.raw('?', ['staff']))
        .andOn('s.clinic_id', '=', 'e.clinic_id'),
    )
    .where('e.clinic_id', clinicId);
}

/** Reads the rows of a `namedAuditEvents` query as the clinic's audit events. */
export async function selectAuditEvents(db: Knex, query: Knex.QueryBuilder): Promise<ClinicAuditEvent[]> {
  const found = await query.select<EventRow[]>(
    'e.position',
    'e.device_id',
    'd.name as device_name',
    'e.seq',
    'e.at',
    'e.action',
    'e.actor_id',
    db.raw(`s.data->>'display_name' as actor_name`),
    'e.actor_role',
    'e.patient_id',
    'e.details',
  );
  return found.map((row) => ({
    cursor: toNumber(row.position),
    deviceId: row.device_id,
    deviceName: row.device_name ?? row.device_id,
    seq: toNumber(row.seq),
    at: row.at,
    action: row.action,
    actorId: row.actor_id,
    actorName: row.actor_name ?? row.actor_id,
    actorRole: row.actor_role,
    patientId: row.patient_id,
    details: toRecord(row.details),
  }));
}

export async function clinicAudit(
  db: Knex,
  clinicId: string,
  query: z.output<typeof clinicAuditQuerySchema>,
): Promise<ClinicAuditPage> {
  let rows = namedAuditEvents(db, clinicId)
    .orderBy('e.position', 'desc')
    .limit(query.limit + 1);
  if (query.before !== undefined) rows = rows.where('e.position', '<', query.before);
  if (query.patientId !== undefined) rows = rows.where('e.patient_id', query.patientId);
  if (query.from !== undefined) rows = rows.where('e.at', '>=', new Date(query.from).toISOString());
  if (query.to !== undefined) rows = rows.where('e.at', '<=', new Date(query.to).toISOString());
  if (query.action !== undefined) {
    const action = query.action;
    rows = rows.where((where) => where.whereLike('e.action', startsWith(action)));
  }
  if (query.actions !== undefined) {
    const actions = query.actions;
    rows = rows.where((where) => {
      for (const action of actions) where.orWhereLike('e.action', startsWith(action));
    });
  }
  if (query.actor !== undefined) {
    const actor = query.actor;
    rows = rows.where((where) =>
      where.where('e.actor_id', actor).orWhereRaw(`s.data->>'display_name' ILIKE ?`, [likePattern(actor)]),
    );
  }
  if (query.device !== undefined) {
    const device = query.device;
    rows = rows.where((where) =>
      where.whereRaw('e.device_id::text = ?', [device]).orWhereRaw('d.name ILIKE ?', [likePattern(device)]),
    );
  }
  const found = await selectAuditEvents(db, rows);
  return {
    items: found.slice(0, query.limit),
    more: found.length > query.limit,
  };
}
