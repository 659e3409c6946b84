import { AppError, type FieldIssue } from '../../../shared/errors/app-error';
import type { ActorContext } from '../../core/context';
import type { Tx } from '../../store/open-store';
import { updateRecord, updateSyncedRow, type DoorContext } from '../../store/record-door';
import { describePatient } from './duplicate-candidates';
import type { PatientRow } from './patient-row';

export interface MergeInput {
  survivorId: string;
  mergedId: string;
  reason: string;
}

export interface MergeOutcome {
  survivorId: string;
  mergedId: string;
  /** Identifiers the survivor lacked and took from the merged card. */
  identifiers: Identifier[];
  /** Rows of other tables that now point at the survivor. */
  scans: number;
}

const identifiers = ['snils', 'enp', 'inn'] as const;
type Identifier = (typeof identifiers)[number];
const identifierNames = { snils: ['СНИЛС', 'SNILS'], enp: ['ЕНП', 'ENP'], inn: ['ИНН', 'INN'] } as const;

type MergeRow = Pick<
  PatientRow,
  'id' | 'surname' | 'name' | 'patronymic' | 'birth_date' | 'snils' | 'enp' | 'inn' | 'merged_into'
> & {
  deleted_at: string | null;
};

/**
 * Merges a duplicate card into the one that stays (B2), in one transaction through the door:
 * the survivor takes the identifiers it lacks (different values on both cards refuse the merge:
 * they may be two people), the merged card's scans move to the survivor, and the merged card
 * gets `merged_into`. The merged card is kept as it was, readable and out of search; its audit
 * events keep their patient (history is never rewritten) and show in the survivor's access log
 * through `merged_into`. One audit event, `patients.merged`, on the survivor.
 */
export function mergePatients(ctx: ActorContext, input: MergeInput): MergeOutcome {
  const door = (tx: Tx): DoorContext => ({ tx, actor: ctx.actor, at: ctx.clock.now().toISOString() });
  return ctx.store.transaction((tx) => {
    const { survivor, merged, taken, moved, rows } = planMerge(tx, input);
    const { document_scans: scanIds, identity_documents: documentIds } = rows;
    // The door's audited write first: it checks the permission before anything else is written.
    updateRecord(
      door(tx),
      'patients.write',
      'patients',
      merged.id,
      { merged_into: survivor.id },
      {
        action: 'patients.merged',
        patientId: survivor.id,
        details: {
          survivorId: survivor.id,
          mergedId: merged.id,
          reason: input.reason,
          identifiers: moved,
          scans: scanIds.length,
          documents: documentIds.length,
        },
      },
    );
    if (moved.length > 0) updateSyncedRow(door(tx), 'patients', survivor.id, taken);
    for (const id of scanIds) updateSyncedRow(door(tx), 'document_scans', id, { patient_id: survivor.id });
    // Identity documents are the same person's too (B2: every document moves to the survivor).
    for (const id of documentIds) updateSyncedRow(door(tx), 'identity_documents', id, { patient_id: survivor.id });
    // So are their consents (a withdrawn one stays withdrawn) and trusted persons (B8, B9).
    for (const table of ['consents', 'proxies'] as const) {
      for (const id of rows[table]) updateSyncedRow(door(tx), table, id, { patient_id: survivor.id });
    }
    return { survivorId: survivor.id, mergedId: merged.id, identifiers: moved, scans: scanIds.length };
  });
}

/** What a merge would move, or its refusal, without writing anything: for the clerk's confirmation. */
export function mergePlan(
  ctx: ActorContext,
  input: Omit<MergeInput, 'reason'>,
): Omit<MergeOutcome, 'survivorId' | 'mergedId'> & { documents: number; consents: number; proxies: number } {
  return ctx.store.transaction((tx) => {
    const { moved, rows } = planMerge(tx, input);
    return {
      identifiers: moved,
      scans: rows.document_scans.length,
      documents: rows.identity_documents.length,
      consents: rows.consents.length,
      proxies: rows.proxies.length,
    };
  });
}

/** The tables whose rows follow the patient to the surviving card. */
const movingTables = ['document_scans', 'identity_documents', 'consents', 'proxies'] as const;

/**
 * The two cards and what moves between them; the refusals (same card, merged, conflicting identifiers)
 * are thrown here.
 */
function planMerge(tx: Tx, input: Omit<MergeInput, 'reason'>) {
  if (input.survivorId === input.mergedId) throw new AppError('patient.merge.same', { field: 'mergedId' });
  const survivor = readCard(tx, input.survivorId, 'survivorId');
  const merged = readCard(tx, input.mergedId, 'mergedId');
  const taken = identifiersToTake(survivor, merged);
  const moved = identifiers.filter((field) => field in taken);
  const rows = Object.fromEntries(
    movingTables.map((table) => [
      table,
      tx.all<{ id: string }>(`SELECT id FROM ${table} WHERE patient_id = ?`, [merged.id]).map((row) => row.id),
    ]),
  ) as Record<(typeof movingTables)[number], string[]>;
  return { survivor, merged, taken, moved, rows };
}

function readCard(tx: Tx, id: string, field: 'survivorId' | 'mergedId'): MergeRow {
  const row = tx.get<MergeRow>(
    'SELECT id, surname, name, patronymic, birth_date, snils, enp, inn, merged_into, deleted_at FROM patients WHERE id = ?',
    [id],
  );
  if (!row || row.deleted_at !== null) throw new AppError('patient.not_found', { field });
  if (row.merged_into !== null)
    throw new AppError('patient.merge.merged', { field, params: { patient: describePatient(row) } });
  return row;
}

function identifiersToTake(survivor: MergeRow, merged: MergeRow): Partial<Record<Identifier, string>> {
  const taken: Partial<Record<Identifier, string>> = {};
  const conflicts: FieldIssue[] = [];
  for (const field of identifiers) {
    const [mine, theirs] = [survivor[field], merged[field]];
    if (theirs === null || mine === theirs) continue;
    if (mine === null) taken[field] = theirs;
    else conflicts.push({ code: 'patient.merge.identifier', field });
  }
  if (conflicts.length > 0) {
    const names = conflicts.map((issue) => identifierNames[issue.field as Identifier]);
    const params = { fieldsRu: names.map(([ru]) => ru).join(', '), fieldsEn: names.map(([, en]) => en).join(', ') };
    throw new AppError('patient.merge.identifiers', { field: conflicts[0]!.field, params, issues: conflicts });
  }
  return taken;
}
