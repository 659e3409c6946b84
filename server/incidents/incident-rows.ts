import type { Knex } from 'knex';
import { activeStatuses } from '../../shared/incidents/incident-words';
import { stored, type RecordRow, type StoredRow } from '../sync/server-rows';

/** The incident log's synced rows as the server holds them (`records`), always read within one clinic. */
export async function incidentRow(db: Knex, clinicId: string, id: string): Promise<StoredRow | undefined> {
  const row = await db('records')
    .where({ table_name: 'incidents', clinic_id: clinicId, id })
    .first<RecordRow | undefined>('id', 'data', 'field_versions');
  return row ? stored(row) : undefined;
}

/** The clinic's incident of this alert still open or being handled (along records_incidents_alert). */
export async function activeAlertIncident(db: Knex, clinicId: string, key: string): Promise<StoredRow | undefined> {
  const row = await db('records')
    .where({ table_name: 'incidents', clinic_id: clinicId })
    .whereRaw("data->>'alert_key' = ?", [key])
    .whereRaw(`data->>'status' IN (${activeStatuses.map(() => '?').join(', ')})`, [...activeStatuses])
    .orderByRaw("data->>'detected_at' DESC")
    .first<RecordRow | undefined>('id', 'data', 'field_versions');
  return row ? stored(row) : undefined;
}
