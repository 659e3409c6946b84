import type { z } from 'zod';
import type { CallOutput, Contract } from '../../../shared/api/contract';
import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../../core/context';
import { insertSyncedRow, updateSyncedRow, type DoorContext } from '../../store/record-door';
import { requireEntry, type ChartEntryRow } from './chart-row';
import { auditChartAction, chartDoor, refreshEncounterCode } from './chart-write';
import { deskNow, requireChartPatient } from './entry-context';
import { entryDetail } from './entry-detail';
import { planEntry } from './entry-rules';

/** An amendment; `reportId` links it to the patient's inaccuracy report it answers. */
export type AmendEntryInput = z.output<Contract['chart.amend']['input']> & { reportId?: string | null };
export type RemoveEntryInput = z.output<Contract['chart.remove']['input']>;

/** Only the version the doctor opened may be changed: a removed entry never, a moved-on one not blindly. */
function assertChangeable(current: ChartEntryRow, baseRevision: number): void {
  if (current.deleted_at !== null) throw new AppError('chart.entry.deleted', { field: 'id' });
  if (current.revision !== baseRevision) {
    throw new AppError('chart.entry.changed', {
      field: 'baseRevision',
      params: { current: current.revision, base: baseRevision },
    });
  }
}

/** The version being replaced, kept readable beside the new one (D4). */
function keepRevision(door: DoorContext, current: ChartEntryRow, reason: string, reportId: string | null): void {
  insertSyncedRow(door, 'chart_revisions', {
    entry_id: current.id,
    patient_id: current.patient_id,
    revision: current.revision,
    occurred_at: current.occurred_at,
    code: current.code,
    summary: current.summary,
    status: current.status,
    body: current.body,
    replaced_at: door.at,
    replaced_by: door.actor.staffId,
    reason,
    report_id: reportId,
  });
}

/** An encounter's entries carry its instant and type of visit: they follow an amended encounter. */
function carryToChildren(door: DoorContext, encounter: ChartEntryRow, occurredAt: string, visitType: string): void {
  if (encounter.occurred_at === occurredAt && encounter.visit_type === visitType) return;
  const children = door.tx.all<{ id: string }>('SELECT id FROM chart_entries WHERE encounter_id = ?', [encounter.id]);
  for (const child of children) {
    updateSyncedRow(door, 'chart_entries', child.id, { occurred_at: occurredAt, visit_type: visitType });
  }
}

/** Amends an entry: the previous version kept as a `chart_revisions` row; refused when `baseRevision` is stale. */
export function amendEntry(ctx: ServiceContext, input: AmendEntryInput): CallOutput<'chart.amend'> {
  return ctx.store.transaction((tx) => {
    const now = deskNow(ctx);
    const door = chartDoor(ctx, tx, now.at);
    const current = requireEntry(tx, input.id);
    if (current.deleted_at !== null) throw new AppError('chart.entry.deleted', { field: 'id' });
    if (input.draft.kind !== current.kind) throw new AppError('chart.entry.kind_mismatch', { field: 'draft.kind' });
    assertChangeable(current, input.baseRevision);
    const patient = requireChartPatient(tx, current.patient_id, 'id');
    const plan = planEntry(ctx, tx, {
      patient,
      draft: input.draft,
      encounterId: current.encounter_id,
      current,
      overrides: input.overrides,
      now,
    });
    const reportId = input.reportId ?? null;
    keepRevision(door, current, input.reason, reportId);
    updateSyncedRow(door, 'chart_entries', current.id, {
      ...plan.fields,
      revision: current.revision + 1,
      amended_at: now.at,
      amended_by: ctx.actor.staffId,
      amend_reason: input.reason,
      report_id: reportId,
    });
    if (current.kind === 'diagnosis' && current.encounter_id !== null) refreshEncounterCode(door, current.encounter_id);
    if (current.kind === 'encounter') {
      carryToChildren(door, current, String(plan.fields.occurred_at), String(plan.fields.visit_type));
    }
    auditChartAction(door, 'chart.amend', patient.id, {
      entry: current.id,
      kind: current.kind,
      revision: current.revision + 1,
      reason: input.reason,
      ...(reportId !== null ? { report: reportId } : {}),
      ...(plan.overrides.length > 0 ? { overrides: plan.overrides } : {}),
    });
    return entryDetail(tx, current.id, now.today);
  });
}

/** A tombstone with its reason (the previous version kept). */
export function removeEntry(ctx: ServiceContext, input: RemoveEntryInput): CallOutput<'chart.remove'> {
  return ctx.store.transaction((tx) => {
    const now = deskNow(ctx);
    const door = chartDoor(ctx, tx, now.at);
    const current = requireEntry(tx, input.id);
    assertChangeable(current, input.baseRevision);
    keepRevision(door, current, input.reason, null);
    updateSyncedRow(door, 'chart_entries', current.id, {
      revision: current.revision + 1,
      deleted_at: now.at,
      deleted_by: ctx.actor.staffId,
      deleted_reason: input.reason,
    });
    if (current.kind === 'diagnosis' && current.encounter_id !== null) refreshEncounterCode(door, current.encounter_id);
    auditChartAction(door, 'chart.remove', current.patient_id, {
      entry: current.id,
      kind: current.kind,
      revision: current.revision + 1,
      reason: input.reason,
    });
    return entryDetail(tx, current.id, now.today);
  });
}
