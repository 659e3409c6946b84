import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncLoop, type SyncLoop } from '../../electron/sync/sync-loop';
import type { SyncState } from '../../electron/sync/sync-progress';
import { startSyncWorker } from '../../electron/sync/sync-worker';
import { draft, validSnils } from '../support/fixtures';
import { createPatientAt, openSyncDesk, patientsOf, startSyncServer, type SyncDesk, type SyncServer } from './sync-harness';

let server: SyncServer;
beforeAll(async () => {
  server = await startSyncServer();
});
afterAll(() => server.stop());

async function until(check: () => boolean, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return performance.now() - started;
}

function loopFor(desk: SyncDesk, states: SyncState[] = []): SyncLoop {
  return startSyncLoop({
    store: desk.store,
    transport: desk.transport,
    actor: desk.ctx.actor,
    onState: (state) => states.push(state),
    minBackoffMs: 100,
    maxBackoffMs: 1_000,
  });
}

describe('live sync (server-sent events)', () => {
  it('shows a patient created at one desk on another within a second', async () => {
    const a = await openSyncDesk(server, 'live-a');
    const b = await openSyncDesk(server, 'live-b');
    const loopA = loopFor(a);
    const loopB = loopFor(b);
    try {
      await until(() => loopA.state.status === 'online' && loopB.state.status === 'online', 10_000);
      await new Promise((resolve) => setTimeout(resolve, 300)); // both event streams open
      const id = await createPatientAt(a, draft({ surname: 'Мгновенная', snils: validSnils('512345678') }));
      const started = performance.now();
      loopA.poke();
      await until(() => patientsOf(b).some((p) => p.id === id), 1_000);
      expect(performance.now() - started).toBeLessThan(1_000);
    } finally {
      await loopA.stop();
      await loopB.stop();
      await a.cleanup();
      await b.cleanup();
    }
  });

  it('reports offline while the server is down, backs off, and catches up when it returns', async () => {
    const a = await openSyncDesk(server, 'flaky-a');
    const states: SyncState[] = [];
    const loop = loopFor(a, states);
    try {
      await until(() => loop.state.status === 'online', 10_000);
      await server.kill();
      const id = await createPatientAt(a, draft({ surname: 'Терпеливая', snils: validSnils('612345678') }));
      loop.poke();
      await until(() => loop.state.status === 'offline', 5_000);
      expect(loop.state.error?.code).toBe('sync.unreachable');
      await server.restart();
      await until(() => loop.state.status === 'online' && states.at(-1)?.lastSyncAt !== null, 5_000);
      const onServer = await server.db('records').where({ table_name: 'patients', id }).first();
      expect(onServer).toBeDefined();
    } finally {
      await loop.stop();
      await a.cleanup();
    }
  });

  it('runs in a worker thread beside the core and reports its state', async () => {
    const a = await openSyncDesk(server, 'threaded-a');
    await a.store.close();
    const worker = startSyncWorker({ dbPath: a.dbPath, key: a.key });
    try {
      await until(() => worker.state.status === 'online', 20_000);
      expect(worker.state.server).toBe(server.url);
      // A thread that dies comes back by itself and syncs on from where it was.
      await worker.kill();
      const seen: string[] = [];
      await until(() => {
        if (seen.at(-1) !== worker.state.status) seen.push(worker.state.status);
        return worker.restarts === 1 && seen.includes('connecting') && worker.state.status === 'online';
      }, 20_000);
    } finally {
      await worker.stop();
      await a.cleanup();
    }
  });
});
