import { randomBytes } from 'node:crypto';
import { chartCalls } from '../../shared/api/chart-calls';
import type { ChartOverride } from '../../shared/chart/chart-views';
import type { PrescriptionProblemCode } from '../../shared/chart/prescription-check';
import { AppError } from '../../shared/errors/app-error';
import { hashPassword } from '../../node-common/password-hash';
import { insertPerson } from '../auth/person-rows';
import type { ServiceContext, ZonedActorContext } from '../core/context';
import { fixedActorContext } from '../core/fixed-actor-context';
import { amendEntry } from '../services/chart/amend-entry';
import { checkPrescriptionFor } from '../services/chart/check-prescription';
import { recordEntry } from '../services/chart/record-entry';
import type { Actor } from '../store/actor';
import { appendAudit } from '../store/audit-log';
import { syntheticChart, type ChartCatalogue, type ChartPatient, type SyntheticChartOptions } from './synthetic-charts';

/** The demo's doctors, made on a desk that has none to write as. */
export const demoDoctors = [
  { login: 'demo.terapevt', displayName: 'Иванова Мария Сергеевна' },
  { login: 'demo.kardiolog', displayName: 'Петров Алексей Николаевич' },
  { login: 'demo.nevrolog', displayName: 'Смирнова Ольга Викторовна' },
] as const;

/** Why a demo doctor overrides a warning of the prescription check (kept with the entry). */
const overrideReasons: Partial<Record<PrescriptionProblemCode, string>> = {
  'chart.prescription.not_in_formulary': 'Аналога в формуляре клиники нет, назначено по клиническим показаниям',
  'chart.alert.allergy_class': 'Препарат этой группы ранее переносил без реакции, пациент предупрежден',
  'chart.alert.duplicate_prescription': 'Продолжение терапии, предыдущее назначение завершается',
};

export interface SeedChartsTotals {
  patients: number;
  entries: number;
  amendments: number;
  /** Writes the services refused, by error code (an entry of a refused encounter counts under its encounter's). */
  refused: Record<string, number>;
}

/**
 * The demo doctors as actors of this desk: existing accounts of these logins, or new ones made by
 * `by` (the desk's setup account, on a desk with no server). Their passwords are random: an
 * admin sets one (`staff.resetPassword`) before anyone signs in as them.
 */
export async function ensureDemoDoctors(ctx: ZonedActorContext, by: Actor = ctx.actor): Promise<Actor[]> {
  const hashes = await Promise.all(demoDoctors.map(() => hashPassword(randomBytes(24).toString('base64url'))));
  const at = ctx.clock.now().toISOString();
  return ctx.store.transaction((tx) =>
    demoDoctors.map((doctor, i) => {
      const existing = tx.get<{ id: string; role: string; active: number }>(
        "SELECT id, role, active FROM staff WHERE kind = 'person' AND login = ?",
        [doctor.login],
      );
      if (existing && existing.active !== 1)
        throw new AppError('cli.as.inactive', { field: 'as', params: { login: doctor.login } });
      if (existing && existing.role !== 'doctor')
        throw new AppError('cli.as.forbidden', {
          field: 'as',
          params: { login: doctor.login, role: existing.role, permission: 'chart.write' },
        });
      let id = existing?.id;
      if (id === undefined) {
        id = insertPerson(tx, by, at, {
          login: doctor.login,
          displayName: doctor.displayName,
          role: 'doctor',
          passwordHash: hashes[i]!,
          mustChangePassword: true,
        });
        appendAudit(tx, by, at, {
          action: 'staff.created',
          details: { staffId: id, login: doctor.login, role: 'doctor' },
        });
      }
      return { ...ctx.actor, staffId: id, kind: 'person', displayName: doctor.displayName, role: 'doctor' };
    }),
  );
}

/**
 * Writes demo charts for `patients` through the chart's services (`recordEntry`, `amendEntry`):
 * every code checked against the dictionaries, every prescription through the check (a warning
 * overridden with a reason, an error skipped), each write audited and queued for sync as the
 * doctor's. Deterministic in `seed` (each patient's chart from `seed` and the patient's place).
 */
export function seedCharts(
  ctx: ZonedActorContext,
  doctors: readonly Actor[],
  patients: Iterable<ChartPatient & { id: string }>,
  catalogue: ChartCatalogue,
  options: SyntheticChartOptions & { seed: number; onPatient?: (totals: SeedChartsTotals) => void },
): SeedChartsTotals {
  if (doctors.length === 0) throw new RangeError('seedCharts needs at least one doctor');
  const contexts: ServiceContext[] = doctors.map((actor) =>
    fixedActorContext({ store: ctx.store, clock: ctx.clock, actor }),
  );
  const totals: SeedChartsTotals = { patients: 0, entries: 0, amendments: 0, refused: {} };
  const refuse = (error: unknown) => {
    if (!(error instanceof AppError)) throw error;
    totals.refused[error.code] = (totals.refused[error.code] ?? 0) + 1;
  };
  let index = 0;
  for (const patient of patients) {
    const steps = syntheticChart(options.seed * 1_000_003 + index, patient, catalogue, {
      ...options,
      doctors: doctors.length,
    });
    index += 1;
    const ids = new Map<number, { id: string; revision: number }>();
    for (const step of steps) {
      const doctor = contexts[step.doctor % contexts.length]!;
      try {
        if (step.op === 'record') {
          const encounterId = step.encounterRef === null ? null : ids.get(step.encounterRef)?.id;
          if (encounterId === undefined) continue; // its encounter was refused
          const input = chartCalls['chart.record'].input.parse({
            patientId: patient.id,
            encounterId,
            draft: step.draft,
            overrides: [],
          });
          if (input.draft.kind === 'prescription') {
            const { problems } = checkPrescriptionFor(doctor, {
              patientId: patient.id,
              draft: input.draft.body,
              selfId: null,
            });
            const error = problems.find((problem) => problem.severity === 'error');
            if (error) throw new AppError(error.code, { params: error.params });
            input.overrides = problems.map((problem): ChartOverride => ({
              code: problem.code,
              reason: overrideReasons[problem.code] ?? 'Назначено по клиническим показаниям после беседы с пациентом',
            }));
          }
          const written = recordEntry(doctor, input);
          ids.set(step.ref, { id: written.entry.id, revision: written.entry.revision });
          totals.entries += 1;
        } else {
          const target = ids.get(step.ref);
          if (!target) continue;
          const input = chartCalls['chart.amend'].input.parse({
            id: target.id,
            baseRevision: target.revision,
            draft: step.draft,
            reason: step.reason,
          });
          const written = amendEntry(doctor, input);
          ids.set(step.ref, { id: target.id, revision: written.entry.revision });
          totals.amendments += 1;
        }
      } catch (error) {
        refuse(error);
      }
    }
    totals.patients += 1;
    options.onPatient?.(totals);
  }
  return totals;
}
