import { randomUUID } from 'node:crypto';
import { createDispatcher } from '../../../../../electron/core/dispatcher';
import { fixedActorContext } from '../../../../../electron/core/fixed-actor-context';
import type { ServiceContext } from '../../../../../electron/core/context';
import { enrolPatient, fixedClock, openTempDesk, type TempDesk } from '../../../../support/temp-desk';
import { call, pulled, type Envelope } from '../../applications/application-desk';

/** A real encrypted desk with one patient (enrolled by its clerk) and a doctor who reviews reports. */
export interface ReportDesk extends TempDesk {
  patientId: string;
  doctorCtx: ServiceContext;
  /** A call made by the doctor through the dispatcher. */
  asDoctor(name: string, input: unknown): Promise<Envelope>;
  /** A call made by the clerk (the desk's own actor). */
  asClerk(name: string, input: unknown): Promise<Envelope>;
}

export async function openReportDesk(): Promise<ReportDesk> {
  const desk = await openTempDesk();
  const patientId = await enrolPatient(desk, {});
  const doctorCtx = fixedActorContext({
    store: desk.store,
    clock: fixedClock,
    actor: { ...desk.ctx.actor, role: 'doctor' },
  });
  const doctor = createDispatcher(() => doctorCtx, { internal: () => undefined });
  return {
    ...desk,
    patientId,
    doctorCtx,
    asDoctor: async (name, input) => (await doctor(name, input)) as Envelope,
    asClerk: (name, input) => call(desk, name, input),
  };
}

/** A haemoglobin result of `value` г/л taken on 20.11.2026, as the doctor drafts it. */
export const labDraft = (value: number) => ({
  kind: 'lab_result' as const,
  body: { test: 'Гемоглобин', value, unit: 'г/л', referenceLow: 120, referenceHigh: 160, takenOn: '2026-11-20' },
});

/** A lab result recorded by the doctor; its id. */
export async function recordedLab(desk: ReportDesk, value = 95): Promise<string> {
  const recorded = await desk.asDoctor('chart.record', { patientId: desk.patientId, draft: labDraft(value) });
  if (!recorded.ok) throw new Error(JSON.stringify(recorded.error));
  return String((recorded.data as { entry: { id: string } }).entry.id);
}

/** A patient's report about `entryId` as the server's sync brings it; its id. */
export function pulledReport(
  desk: ReportDesk,
  entryId: string,
  fields: Partial<Record<string, string | number | null>> = {},
): string {
  const [id] = pulled(desk, 'chart_reports', 1, [
    {
      id: randomUUID(),
      patient_id: desk.patientId,
      entry_id: entryId,
      account_id: randomUUID(),
      kind: 'wrong_fact',
      text: 'Гемоглобин был 125, а не 95: анализ из другой лаборатории',
      submitted_at: '2026-11-20T10:00:00.000Z',
      due_on: '2026-12-04',
      status: 'open',
      ...fields,
    } as Record<string, string | number | null>,
  ]);
  return id!;
}
