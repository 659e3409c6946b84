import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ServiceContext } from '../core/context';
import { systemClock } from '../store/clock';
import { deskKey } from '../core/desk-key';
import { fixedActorContext } from '../core/fixed-actor-context';
import { deskPaths } from '../core/desk-paths';
import { ensureWorkstation } from '../core/workstation';
import { openStore } from '../store/open-store';

/** Opens the desk's store for a CLI command, acting as the desk's setup account. */
export async function openDesk(options: { db?: string; create: boolean }): Promise<ServiceContext> {
  const paths = deskPaths(process.env, options.db);
  if (options.create) mkdirSync(dirname(paths.dbPath), { recursive: true, mode: 0o700 });
  const key = deskKey(paths, process.env, { mayCreate: options.create });
  const store = await openStore({ path: paths.dbPath, key, create: options.create });
  const actor = ensureWorkstation(store, systemClock.now());
  return fixedActorContext({ store, clock: systemClock, actor });
}
