import type { ServiceContext } from '../../electron/core/context';
import { fixedActorContext } from '../../electron/core/fixed-actor-context';
import { ensureWorkstation } from '../../electron/core/workstation';
import { syntheticPatients } from '../../electron/demo/synthetic-patients';
import { createPatients } from '../../electron/services/patients/create-patient';
import type { Store } from '../../electron/store/open-store';
import { isoDay } from '../../shared/domain/calendar-date';
import { patientDraftSchema, type PatientDraft } from '../../shared/domain/patient';

/**
 * Fills a store with `total` synthetic patients through the service layer (schema, door, audit
 * event, outbox) in 10,000-row transactions; `onDraft` sees each draft, to keep probes.
 */
export function fillPatients(
  store: Store,
  options: { total: number; seed: number; label: string; onDraft?: (draft: PatientDraft, index: number) => void },
): { ctx: ServiceContext; seconds: number } {
  const clock = { now: () => new Date() };
  const ctx: ServiceContext = fixedActorContext({
    store,
    clock,
    actor: ensureWorkstation(store, clock.now(), 'bench-desk'),
  });
  const today = isoDay(clock.now());
  let batch: PatientDraft[] = [];
  let done = 0;
  const started = performance.now();
  for (const input of syntheticPatients({ seed: options.seed, count: options.total, today })) {
    const draft = patientDraftSchema.parse(input);
    batch.push(draft);
    options.onDraft?.(draft, done);
    done += 1;
    if (batch.length === 10_000) {
      createPatients(ctx, batch);
      batch = [];
      if (done % 100_000 === 0) process.stderr.write(`\r${options.label}: ${done} / ${options.total}`);
    }
  }
  if (batch.length > 0) createPatients(ctx, batch);
  process.stderr.write('\n');
  return { ctx, seconds: (performance.now() - started) / 1000 };
}
