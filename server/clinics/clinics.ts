import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { HttpError } from '../http/http-error';

/**
 * Clinics (issue 10, item 6): every device, staff member, patient and blob belongs to one. The
 * first is made by the migration (0004-clinics), so one clinic needs no step of its own.
 */
export interface ClinicRow {
  id: string;
  name: string;
  createdAt: Date;
  /** Whether the clinic has a portal token of its own (its digest; the token is shown once). */
  hasPortalToken: boolean;
}

interface ClinicDbRow {
  id: string;
  name: string;
  created_at: Date | string;
  portal_token_sha256: string | null;
}

function fromDb(row: ClinicDbRow): ClinicRow {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at instanceof Date ? row.created_at : new Date(row.created_at),
    hasPortalToken: row.portal_token_sha256 !== null,
  };
}

/** The clinic made with the schema: where an install with one clinic keeps everything. */
export async function defaultClinicId(db: Knex): Promise<string> {
  const row = await db('server_meta').where({ key: 'default_clinic_id' }).first<{ value: string } | undefined>('value');
  if (!row) throw new Error('The server database has no default clinic: were the migrations run?');
  return row.value;
}

export async function createClinic(db: Knex, name: string, now: Date): Promise<ClinicRow> {
  const rows = await db<ClinicDbRow>('clinics')
    .insert({ id: randomUUID(), name, created_at: now })
    .returning(['id', 'name', 'created_at', 'portal_token_sha256']);
  return fromDb(rows[0]!);
}

export async function listClinics(db: Knex): Promise<ClinicRow[]> {
  const rows = await db<ClinicDbRow>('clinics').orderBy('created_at');
  return rows.map(fromDb);
}

/** The clinic with this id, or a refusal naming it. */
export async function requireClinic(db: Knex, id: string): Promise<ClinicRow> {
  const row = await db<ClinicDbRow>('clinics').where({ id }).first();
  if (!row) throw new HttpError(404, 'clinic.unknown', { params: { id } });
  return fromDb(row);
}

/** SHA-256 (hex) of a portal token: what is stored and compared. */
export function portalTokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Gives the clinic a fresh portal token (replacing any earlier one) and returns it, to be shown once. */
export async function issuePortalToken(db: Knex, clinicId: string): Promise<string> {
  await requireClinic(db, clinicId);
  const token = randomBytes(32).toString('hex');
  await db('clinics')
    .where({ id: clinicId })
    .update({ portal_token_sha256: portalTokenDigest(token) });
  return token;
}

/** The clinic whose portal token has this digest, if any. */
export async function clinicByPortalToken(db: Knex, digest: string): Promise<string | undefined> {
  const row = await db('clinics').where({ portal_token_sha256: digest }).first<{ id: string } | undefined>('id');
  return row?.id;
}
