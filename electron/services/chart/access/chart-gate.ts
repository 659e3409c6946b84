import { AppError } from '../../../../shared/errors/app-error';
import type { Actor } from '../../../store/actor';
import type { ReadTx } from '../../../store/open-store';
import { liveGrants, type LiveGrant } from './emergency-grants';
import { restrictedEntryIds, type PatientRestrictions } from './restrictions-read';
import { chartHasEntries, inTreatingTeam } from './treating-team';

/**
 * What one person may see of one patient's chart now (F4): the treating team sees everything
 * (restricted entries marked); anyone else needs a live break-the-glass grant — the card's grant
 * opens the chart but not the restricted entries, each of which needs its own grant (a grant for
 * the card also covers a restriction of the whole chart). An empty chart has nothing to guard.
 */
export interface ChartGate {
  patientId: string;
  inTeam: boolean;
  empty: boolean;
  cardGrant: LiveGrant | null;
  entryGrants: Map<string, LiveGrant>;
  restrictions: PatientRestrictions;
}

export function openChartGate(tx: ReadTx, actor: Actor, patientId: string, at: string): ChartGate {
  const grants = liveGrants(tx, actor.staffId, patientId, at);
  const entryGrants = new Map<string, LiveGrant>();
  for (const grant of grants)
    if (grant.entryId !== null && !entryGrants.has(grant.entryId)) entryGrants.set(grant.entryId, grant);
  return {
    patientId,
    inTeam: inTreatingTeam(tx, patientId, actor.staffId, at),
    empty: !chartHasEntries(tx, patientId),
    cardGrant: grants.find((grant) => grant.entryId === null) ?? null,
    entryGrants,
    restrictions: restrictedEntryIds(tx, patientId),
  };
}

/** The chart as a whole may be read (history, reports of it): team, a card grant, or nothing in it yet. */
export function requireChartRead(gate: ChartGate): void {
  if (gate.inTeam || gate.empty || gate.cardGrant !== null) return;
  throw new AppError('chart.access.outside_team', { field: 'patientId' });
}

/** Whether this entry is shown to the person (an entry of a restricted chart or itself restricted needs a grant). */
export function entryVisible(gate: ChartGate, entryId: string): boolean {
  if (gate.inTeam) return true;
  if (gate.entryGrants.has(entryId)) return true;
  if (gate.cardGrant === null) return false;
  return !gate.restrictions.entries.has(entryId);
}

/**
 * An entry opened by its id: a restricted one the person may not see is "not found" (no hint
 * that it exists); any other one outside the team without a grant is refused as outside the team.
 */
export function requireEntryRead(gate: ChartGate, entryId: string): void {
  if (entryVisible(gate, entryId)) return;
  if (gate.restrictions.entries.has(entryId)) throw new AppError('chart.entry.not_found', { field: 'id' });
  requireChartRead(gate);
}

/** The restricted entries the person may not see, for the history's query to leave out. */
export function hiddenEntryIds(gate: ChartGate): string[] {
  if (gate.inTeam) return [];
  return [...gate.restrictions.entries.keys()].filter((id) => !gate.entryGrants.has(id));
}

/**
 * The grant a read was let through by, for its audit event's `details.emergencyAccessId`: none
 * for the team (nor for an empty chart); the entry's own grant before the card's.
 */
export function grantDetails(gate: ChartGate, entryId: string | null = null): { emergencyAccessId?: string } {
  if (gate.inTeam) return {};
  const grant = (entryId === null ? undefined : gate.entryGrants.get(entryId)) ?? gate.cardGrant;
  return grant ? { emergencyAccessId: grant.id } : {};
}
