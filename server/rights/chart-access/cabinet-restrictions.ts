import type { Knex } from 'knex';
import { restrictionReasons, type RestrictionReason } from '../../../shared/rights/restrictions';
import { toRecord } from '../../db/values';

/** What the patient is told of a restriction of the whole chart (the law: withheld, and why). */
export interface WithheldNotice {
  reason: RestrictionReason;
  basis: string;
}

/** The card's restrictions in force as the cabinet applies them: nothing restricted is shown to the patient. */
export interface CardRestrictions {
  wholeChart: WithheldNotice | null;
  entries: ReadonlySet<string>;
  /** Whether the entry is hidden from the patient (restricted itself, or the whole chart is). */
  hides(entryId: string): boolean;
}

/**
 * The card's restrictions not lifted (F4), from the synced `record_restrictions` rows the desks
 * pushed — read along `records_rights_patient` (server migration 0014).
 */
export async function cardRestrictions(
  db: Knex,
  card: { clinicId: string; patientId: string },
): Promise<CardRestrictions> {
  const rows = await db('records')
    .where({ table_name: 'record_restrictions', clinic_id: card.clinicId })
    .whereRaw("data->>'patient_id' = ?", [card.patientId])
    .whereRaw("coalesce(data->>'lifted_at', '') = ''")
    .orderByRaw("data->>'decided_at'")
    .select<{ data: unknown }[]>('data');
  let wholeChart: WithheldNotice | null = null;
  const entries = new Set<string>();
  for (const row of rows) {
    const data = toRecord(row.data);
    const entryId = typeof data.entry_id === 'string' && data.entry_id !== '' ? data.entry_id : null;
    if (entryId !== null) entries.add(entryId);
    else if (wholeChart === null) {
      const reason = restrictionReasons.find((word) => word === data.reason) ?? 'harm';
      wholeChart = { reason, basis: String(data.basis ?? '') };
    }
  }
  return { wholeChart, entries, hides: (entryId) => wholeChart !== null || entries.has(entryId) };
}
