import { openStore } from '../store/open-store';
import { systemClock, type Clock } from './context';
import type { Core, CoreOptions } from './core';
import { createDispatcher, type DispatchLog } from './dispatcher';
import { ensureWorkstation } from './workstation';

/** Opens the encrypted store and returns the core both hosts run. */
export async function openCore(options: CoreOptions & { clock?: Clock; log?: DispatchLog }): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const store = await openStore({ path: options.dbPath, key: options.key, create: options.create, nativeBinding: options.nativeBinding });
  const actor = ensureWorkstation(store, clock.now(), options.deviceName);
  const dispatch = createDispatcher(() => ({ store, clock, actor, timeZone: 'Europe/Moscow' }), options.log);
  return { dispatch, close: () => store.close() };
}
