import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../shared/auth/permissions';
import type { ServiceContext } from '../../electron/core/context';
import type { Clock } from '../../electron/store/clock';
import { createDispatcher } from '../../electron/core/dispatcher';
import { fixedActorContext } from '../../electron/core/fixed-actor-context';
import { ensureWorkstation } from '../../electron/core/workstation';
import { createScanPorts } from '../../electron/services/scans/scan-ports';
import { openStore, type Store } from '../../electron/store/open-store';
import { draft } from './fixtures';

export interface TempDesk {
  dir: string;
  dbPath: string;
  key: Buffer;
  store: Store;
  ctx: ServiceContext;
  dispatch: ReturnType<typeof createDispatcher>;
  /** Counts rows of a table, to prove that a refused call wrote nothing. */
  count(table: 'patients' | 'audit_events' | 'sync_outbox'): number;
  cleanup(): Promise<void>;
}

/** A fixed clock: 25.11.2026 12:00 Moscow. */
export const fixedClock: Clock = { now: () => new Date('2026-11-25T09:00:00Z') };

/** A real SQLCipher desk in a temp folder, with its dispatcher, acting as `role`. */
export async function openTempDesk(options: { role?: Role } = {}): Promise<TempDesk> {
  const dir = mkdtempSync(join(tmpdir(), 'medcard-test-'));
  const dbPath = join(dir, 'desk.db');
  const key = randomBytes(32);
  const store = await openStore({ path: dbPath, key, create: true });
  const actor = { ...ensureWorkstation(store, fixedClock.now(), 'test-desk'), ...(options.role ? { role: options.role } : {}) };
  // The vault beside the database, as the hosts have it (a test's scanner is its own: see test/scans).
  const scans = createScanPorts({ dbPath, storeKey: key, clock: fixedClock });
  const ctx: ServiceContext = fixedActorContext({ store, clock: fixedClock, actor, scans });
  const silent = { internal: () => undefined };
  return {
    dir,
    dbPath,
    key,
    store,
    ctx,
    dispatch: createDispatcher(() => ctx, silent),
    count: (table) => store.transaction((tx) => tx.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)?.n ?? 0),
    cleanup: async () => {
      await store.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Enrols a patient (the `draft` with `overrides`) through the dispatcher and returns its id; a refusal throws. */
export async function enrolPatient(desk: TempDesk, overrides: Parameters<typeof draft>[0]): Promise<string> {
  const result = await desk.dispatch('patients.create', draft(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (result.data as { id: string }).id;
}
