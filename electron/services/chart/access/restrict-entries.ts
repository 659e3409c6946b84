import type { z } from 'zod';
import type { CallOutput, Contract } from '../../../../shared/api/contract';
import { AppError } from '../../../../shared/errors/app-error';
import { rightsActions } from '../../../../shared/rights/access-actions';
import type { ActorContext } from '../../../core/context';
import { insertRecord, updateRecord } from '../../../store/record-door';
import { requireChartPatient } from '../entry-context';
import { restrictedEntryIds } from './restrictions-read';
import { requireRestriction } from './restriction-rows';
import { inTreatingTeam } from './treating-team';

type RestrictInput = z.output<Contract['chartAccess.restrict']['input']>;
type LiftInput = z.output<Contract['chartAccess.lift']['input']>;

/** Only the treating team decides on a patient's restrictions. */
function requireTeam(ctx: ActorContext, tx: Parameters<typeof inTreatingTeam>[0], patientId: string, at: string): void {
  if (!inTreatingTeam(tx, patientId, ctx.actor.staffId, at))
    throw new AppError('chart.access.outside_team', { field: 'patientId' });
}

/**
 * A restriction of one entry or of the whole chart (F4), for harm to the patient or by a court
 * order, with its basis document: decided by the treating team, through the door (`chart.write`,
 * audited `chart.restriction.added`), synced. An entry (or chart) already restricted is refused.
 */
export function restrictRecord(ctx: ActorContext, input: RestrictInput): CallOutput<'chartAccess.restrict'> {
  const at = ctx.clock.now().toISOString();
  return ctx.store.transaction((tx) => {
    requireChartPatient(tx, input.patientId);
    requireTeam(ctx, tx, input.patientId, at);
    if (input.entryId !== null) {
      const entry = tx.get<{ patient_id: string }>('SELECT patient_id FROM chart_entries WHERE id = ?', [
        input.entryId,
      ]);
      if (!entry) throw new AppError('chart.entry.not_found', { field: 'entryId' });
      if (entry.patient_id !== input.patientId)
        throw new AppError('chart.entry.patient_mismatch', { field: 'entryId' });
    }
    const current = restrictedEntryIds(tx, input.patientId);
    const already = input.entryId === null ? current.wholeChart : current.entries.get(input.entryId);
    if (already) throw new AppError('chart.restriction.exists', { field: 'entryId' });
    const id = insertRecord(
      { tx, actor: ctx.actor, at },
      'chart.write',
      'record_restrictions',
      {
        patient_id: input.patientId,
        entry_id: input.entryId,
        reason: input.reason,
        basis: input.basis,
        note: input.note === '' ? null : input.note,
        decided_at: at,
        decided_by: ctx.actor.staffId,
        lifted_at: null,
        lifted_by: null,
        lift_reason: null,
      },
      {
        action: rightsActions.restrictionAdded,
        patientId: input.patientId,
        details: { entry: input.entryId, reason: input.reason },
      },
    );
    return requireRestriction(tx, id);
  });
}

/** The restriction lifted, once, with why (`chart.restriction.lifted`); only the team lifts it. */
export function liftRestriction(ctx: ActorContext, input: LiftInput): CallOutput<'chartAccess.lift'> {
  const at = ctx.clock.now().toISOString();
  return ctx.store.transaction((tx) => {
    const current = requireRestriction(tx, input.id);
    requireTeam(ctx, tx, current.patientId, at);
    if (current.liftedAt !== null) throw new AppError('chart.restriction.lifted', { field: 'id' });
    updateRecord(
      { tx, actor: ctx.actor, at },
      'chart.write',
      'record_restrictions',
      input.id,
      { lifted_at: at, lifted_by: ctx.actor.staffId, lift_reason: input.reason },
      {
        action: rightsActions.restrictionLifted,
        patientId: current.patientId,
        details: { restriction: input.id, entry: current.entryId },
      },
    );
    return requireRestriction(tx, input.id);
  });
}
