import { contract, isCallName } from '../../shared/api/contract';
import { openStore } from '../store/open-store';
import { initialSyncState } from '../sync/sync-progress';
import { startSyncWorker, type SyncWorker } from '../sync/sync-worker';
import { systemClock, type Clock } from './context';
import type { Core, CoreOptions } from './core';
import { createDispatcher, type DispatchLog } from './dispatcher';
import { ensureWorkstation } from './workstation';

export interface OpenCoreOptions extends CoreOptions {
  clock?: Clock;
  log?: DispatchLog;
  /**
   * The background sync worker (a worker thread on the same database). `false` runs without it
   * (tests, the CLI); `workerFile` is the bundled worker under Electron.
   */
  sync?: false | { workerFile?: URL };
}

/** Opens the encrypted store, starts the sync worker, and returns the core both hosts run. */
export async function openCore(options: OpenCoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const store = await openStore({ path: options.dbPath, key: options.key, create: options.create, nativeBinding: options.nativeBinding });
  const actor = ensureWorkstation(store, clock.now(), options.deviceName);
  const worker: SyncWorker | undefined =
    options.sync === false
      ? undefined
      : startSyncWorker({ dbPath: options.dbPath, key: options.key, workerFile: options.sync?.workerFile, nativeBinding: options.nativeBinding });
  const dispatchCall = createDispatcher(
    () => ({ store, clock, actor, timeZone: 'Europe/Moscow', syncState: () => worker?.state ?? initialSyncState }),
    options.log,
  );
  return {
    dispatch: async (name, input) => {
      const result = await dispatchCall(name, input);
      if (result.ok && isCallName(name) && contract[name].writes) worker?.poke();
      return result;
    },
    close: async () => {
      await worker?.stop();
      await store.close();
    },
  };
}
