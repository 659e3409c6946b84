import type { Knex } from 'knex';
import type { ErrorCode } from '../../shared/errors/catalog';
import { incidentEntryKinds, incidentTextLimits } from '../../shared/incidents/incident-words';
import { isInstant } from '../../shared/incidents/leak-deadlines';
import type { Mutation, MutationResult } from '../../shared/sync/protocol';
import { refusal, type RuleScope, type TableRule } from '../sync/table-rules';
import { clockSkewMs } from './incident-rule';
import { incidentRow } from './incident-rows';

/**
 * A step of an incident's timeline (issue 15, §6.2): append-only — written once, in the pusher's
 * name, for an incident of this clinic (pushed before, maybe earlier in the same push). Opening
 * is anyone's (`incidents.report`); every other entry a manager's, as the incident's own steps.
 */
async function refuseEntry(
  trx: Knex.Transaction,
  mutation: Mutation,
  current: unknown,
  scope: RuleScope,
): Promise<MutationResult | null> {
  const refuse = (code: ErrorCode, field?: string): MutationResult => refusal(mutation, code, field);
  if (current !== undefined) return refuse('incident.entry_fixed');
  const entry = mutation.changed;
  if (!incidentEntryKinds.some((kind) => kind === entry.kind)) return refuse('incident.entry_kind_unknown', 'kind');
  const incident = await incidentRow(trx, scope.clinicId, String(entry.incident_id ?? ''));
  if (!incident) return refuse('incident.not_found', 'incident_id');
  if (entry.author_id !== mutation.actorId) return refuse('incident.actor_mismatch', 'author_id');
  if (!isInstant(entry.at) || Date.parse(entry.at) > Date.now() + clockSkewMs) return refuse('incident.instant', 'at');
  for (const field of ['note', 'from_value', 'to_value'] as const) {
    const value = entry[field];
    if (value !== null && value !== undefined && (typeof value !== 'string' || value.length > incidentTextLimits.text))
      return refuse('incident.text_too_long', field);
  }
  if (entry.kind === 'note' && (typeof entry.note !== 'string' || entry.note.trim() === ''))
    return refuse('incident.note_required', 'note');
  return null;
}

/** Timeline entries: «opened» by anyone, the rest by a manager (auditor, admin). */
export const incidentEntryRule: TableRule = {
  table: 'incident_entries',
  permission: (mutation) => (mutation.changed.kind === 'opened' ? 'incidents.report' : 'incidents.manage'),
  refuse: refuseEntry,
};
