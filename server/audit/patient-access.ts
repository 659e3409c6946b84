import type { Knex } from 'knex';
import { accessPageReader, type AccessLogPage, type PatientAccessQuery } from '../../shared/rights/access-log';
import { namedAuditEvents, selectAuditEvents } from './clinic-audit';

/** The card and the cards merged into it, at any depth (B2: their history is the same person's). */
async function cardFamily(db: Knex, clinicId: string, patientId: string): Promise<string[]> {
  const family = [patientId];
  let frontier = [patientId];
  // A chain of merges is short; the bound keeps a corrupt cycle from looping.
  for (let depth = 0; depth < 8 && frontier.length > 0; depth++) {
    const rows = await db('records')
      .where({ table_name: 'patients', clinic_id: clinicId })
      .whereRaw("data->>'merged_into' IS NOT NULL")
      .whereRaw(`data->>'merged_into' IN (${frontier.map(() => '?').join(', ')})`, [...frontier])
      .select<{ id: string }[]>('id');
    frontier = rows.map((row) => row.id).filter((id) => !family.includes(id));
    family.push(...frontier);
  }
  return family;
}

/**
 * One page of «кто открывал карту» (F2) for one patient of the clinic: the clinic-wide events
 * (every desk's chain and the cabinet's), newest first, by keyset on `audit_events (clinic_id,
 * patient_id, position)` (server migration 0007), read in bounded chunks until the rules
 * (shared/rights/access-log.ts) can cut a page of lines. Names as the auditor's query has them.
 * The events of the cards merged into it are the same person's, and shown.
 */
export async function patientAccessPage(db: Knex, clinicId: string, query: PatientAccessQuery): Promise<AccessLogPage> {
  const family = await cardFamily(db, clinicId, query.patientId);
  const reader = accessPageReader(query);
  let step = reader.next();
  while (!step.done) {
    const { before, size } = step.value;
    let rows = namedAuditEvents(db, clinicId).whereIn('e.patient_id', family).orderBy('e.position', 'desc').limit(size);
    if (before !== undefined) rows = rows.where('e.position', '<', before);
    step = reader.next(await selectAuditEvents(db, rows));
  }
  return step.value;
}
