import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncLoop, type SyncLoop } from '../../electron/sync/sync-loop';
import type { SyncState } from '../../electron/sync/sync-progress';
import { startSyncWorker } from '../../electron/sync/sync-worker';
import { draft, validSnils } from '../support/fixtures';
import {
  createPatientAt,
  openSyncDesk,
  patientsOf,
  startSyncServer,
  type SyncDesk,
  type SyncServer,
} from './sync-harness';

let server: SyncServer;
beforeAll(async () => {
  server = await startSyncServer();
});
afterAll(() => server.stop());

/** Waits until `check` holds; `hangGuardMs` only stops a test that would otherwise hang. */
async function until(check: () => boolean, hangGuardMs: number): Promise<void> {
  const guard = Date.now() + hangGuardMs;
  while (!check()) {
    if (Date.now() > guard) throw new Error(`still not so after ${hangGuardMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function loopFor(desk: SyncDesk, states: SyncState[] = [], idlePollMs?: number): SyncLoop {
  return startSyncLoop({
    store: desk.store,
    transport: desk.transport,
    actor: desk.ctx.actor,
    onState: (state) => states.push(state),
    minBackoffMs: 100,
    maxBackoffMs: 1_000,
    ...(idlePollMs === undefined ? {} : { idlePollMs }),
  });
}

/** Counts the server's events that reach the desk's sync loop. */
function countEvents(desk: SyncDesk): { readonly count: number } {
  const counter = { count: 0 };
  const subscribe = desk.transport.subscribe;
  desk.transport.subscribe = (onChange, signal) =>
    subscribe((seq) => {
      counter.count += 1;
      onChange(seq);
    }, signal);
  return counter;
}

const anHour = 3_600_000;

describe('live sync (server-sent events)', () => {
  // How soon is measured in bench/sync.bench.ts (propagation with 20 desks). Here the proof is
  // that the server's event brought it: desk B's fallback poll is an hour away.
  it('shows a patient created at one desk on another through the server-sent event', async () => {
    const a = await openSyncDesk(server, 'live-a');
    const b = await openSyncDesk(server, 'live-b');
    const eventsAtB = countEvents(b);
    const loopA = loopFor(a, [], anHour);
    const loopB = loopFor(b, [], anHour);
    try {
      await until(() => loopA.state.status === 'online' && loopB.state.status === 'online', 10_000);
      await until(() => eventsAtB.count > 0, 10_000); // B's stream is open: it said hello
      const before = eventsAtB.count;
      const id = await createPatientAt(a, draft({ surname: 'Мгновенная', snils: validSnils('512345678') }));
      loopA.poke();
      await until(() => patientsOf(b).some((p) => p.id === id), 10_000);
      expect(eventsAtB.count).toBeGreaterThan(before);
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
