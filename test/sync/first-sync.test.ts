import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticPatients } from '../../electron/demo/synthetic-patients';
import { createPatients } from '../../electron/services/patients/create-patient';
import { firstSync } from '../../electron/sync/pull-changes';
import { pushOutbox } from '../../electron/sync/push-outbox';
import { patientDraftSchema } from '../../shared/domain/patient';
import { editPatient, openSyncDesk, patientsOf, startSyncServer, type SyncDesk, type SyncServer } from './sync-harness';

const total = 2_600;
let server: SyncServer;
let source: SyncDesk;
beforeAll(async () => {
  server = await startSyncServer();
  source = await openSyncDesk(server, 'source-desk');
  await source.sync();
  const drafts = [...syntheticPatients({ seed: 3, count: total, today: '2026-11-25' })].map((input) =>
    patientDraftSchema.parse(input),
  );
  createPatients(source.ctx, drafts);
  await pushOutbox(source.store, source.transport);
}, 120_000);
afterAll(async () => {
  await source.cleanup();
  await server.stop();
});

describe('first sync of a new desk (G1, issue 3 item 9)', () => {
  it('brings every row in pages with progress, resumes after a cut, and then follows the log', async () => {
    const fresh = await openSyncDesk(server, 'fresh-desk');
    try {
      const progress: { done: number; total: number | null }[] = [];
      // The patients and the clinic's staff accounts (every desk's clerk, their admin).
      const rows = Number((await server.db('records').count<{ n: unknown }[]>('* as n'))[0]?.n);
      expect(rows).toBeGreaterThan(total);
      fresh.transport.cutAfter = 1;
      await expect(
        firstSync(fresh.store, fresh.transport, fresh.ctx.actor, (p) => p && progress.push(p)),
      ).rejects.toThrow(/network cut/);
      const afterCut = fresh.count('patients');
      expect(afterCut).toBeGreaterThan(0);
      expect(afterCut).toBeLessThan(total);

      // A change made while the new desk was cut off arrives through the log after the snapshot.
      const [changedId] = patientsOf(source).map((p) => String(p.id));
      editPatient(source, changedId!, { email: 'moved@example.org' });
      await source.sync();

      fresh.transport.fault = 'none';
      await fresh.sync();
      expect(fresh.count('patients')).toBe(total);
      expect(progress.at(-1)?.done).toBeLessThanOrEqual(rows);
      expect(progress.every((p) => p.total === rows)).toBe(true);
      expect(patientsOf(fresh).find((p) => p.id === changedId)).toMatchObject({ email: 'moved@example.org' });
      expect(patientsOf(fresh)).toEqual(patientsOf(source));
    } finally {
      await fresh.cleanup();
    }
  });
});
