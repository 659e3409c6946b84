import type { Knex } from 'knex';
import { pageAccessLog, type AccessLogPage, type PatientAccessQuery } from '../../shared/rights/access-log';
import { namedAuditEvents, selectAuditEvents } from './clinic-audit';

/** Raw rows read per round: the first small (most pages fill from it), then larger. */
const chunkRows = [200, 1_000] as const;
/** The most rows one answer reads; past it the page ends where it got to (its cursor continues). */
const maxRowsPerPage = 6_000;

/**
 * One page of «кто открывал карту» (F2) for one patient of the clinic: the clinic-wide events
 * (every desk's chain and the cabinet's), newest first, by keyset on `audit_events (clinic_id,
 * patient_id, position)` (server migration 0007), read in bounded chunks until the rules
 * (shared/rights/access-log.ts) can cut a page of lines. Names as the auditor's query has them.
 */
export async function patientAccessPage(
  db: Knex,
  clinicId: string,
  query: Omit<PatientAccessQuery, 'patientId'> & { patientId: string },
): Promise<AccessLogPage> {
  const events = [];
  let before = query.cursor;
  for (let round = 0; ; round++) {
    const size = chunkRows[Math.min(round, chunkRows.length - 1)]!;
    let rows = namedAuditEvents(db, clinicId)
      .where('e.patient_id', query.patientId)
      .orderBy('e.position', 'desc')
      .limit(size);
    if (before !== undefined) rows = rows.where('e.position', '<', before);
    const chunk = await selectAuditEvents(db, rows);
    events.push(...chunk);
    const exhausted = chunk.length < size;
    const end = exhausted ? 'exhausted' : events.length >= maxRowsPerPage ? 'capped' : 'open';
    const page = pageAccessLog(events, query, end);
    if (page) return page;
    before = chunk.at(-1)!.cursor;
  }
}
