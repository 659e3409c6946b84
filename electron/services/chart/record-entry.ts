import type { z } from 'zod';
import type { CallOutput, Contract } from '../../../shared/api/contract';
import type { ServiceContext } from '../../core/context';
import { newId } from '../../store/ids';
import { insertSyncedRow } from '../../store/record-door';
import { auditChartAction, chartDoor, refreshEncounterCode } from './chart-write';
import { deskNow, requireChartPatient } from './entry-context';
import { entryDetail } from './entry-detail';
import { planEntry } from './entry-rules';

export type RecordEntryInput = z.output<Contract['chart.record']['input']>;

/** A new chart entry through the door, checked against the НСИ and the prescription check. */
export function recordEntry(ctx: ServiceContext, input: RecordEntryInput): CallOutput<'chart.record'> {
  return ctx.store.transaction((tx) => {
    const now = deskNow(ctx);
    const door = chartDoor(ctx, tx, now.at);
    const patient = requireChartPatient(tx, input.patientId);
    const plan = planEntry(ctx, tx, {
      patient,
      draft: input.draft,
      encounterId: input.encounterId,
      current: null,
      overrides: input.overrides,
      now,
    });
    const id = newId();
    insertSyncedRow(
      door,
      'chart_entries',
      { patient_id: patient.id, kind: input.draft.kind, ...plan.fields, revision: 1, source: 'desk' },
      id,
    );
    if (input.draft.kind === 'diagnosis' && input.encounterId !== null) refreshEncounterCode(door, input.encounterId);
    auditChartAction(door, 'chart.record', patient.id, {
      entry: id,
      kind: input.draft.kind,
      encounter: input.encounterId,
      ...(plan.overrides.length > 0 ? { overrides: plan.overrides } : {}),
    });
    return entryDetail(tx, id, now.today);
  });
}
