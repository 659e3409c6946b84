import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ZonedActorContext } from '../core/context';
import { systemClock } from '../store/clock';
import { deskKey, processKeyPorts, type KeyKeeper } from '../core/desk-key';
import { actingContext } from '../core/fixed-actor-context';
import { deskPaths } from '../core/desk-paths';
import { ensureWorkstation } from '../core/workstation';
import { openStore } from '../store/open-store';

/**
 * Opens the desk's store for a CLI command, acting as the desk's setup account. The command line
 * makes no calls (no session, no scans, no keys): it runs the services an actor context serves.
 */
export async function openDesk(options: {
  db?: string;
  create: boolean;
  /** Told where the key was found or put (`medcard init` says it). */
  onKey?: (keeper: KeyKeeper) => void;
}): Promise<ZonedActorContext> {
  const paths = deskPaths(process.env, options.db);
  if (options.create) mkdirSync(dirname(paths.dbPath), { recursive: true, mode: 0o700 });
  const { key, keeper } = await deskKey(paths, process.env, { mayCreate: options.create, ports: processKeyPorts() });
  options.onKey?.(keeper);
  const store = await openStore({ path: paths.dbPath, key, create: options.create });
  const actor = ensureWorkstation(store, systemClock.now());
  return actingContext({ store, clock: systemClock, actor });
}
