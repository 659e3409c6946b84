import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../shared/auth/permissions';
import type { ServiceContext } from '../../electron/core/context';
import type { Clock } from '../../electron/store/clock';
import { createDispatcher } from '../../electron/core/dispatcher';
import { fixedActorContext } from '../../electron/core/fixed-actor-context';
import { ensureWorkstation } from '../../electron/core/workstation';
import { createScanPorts } from '../../electron/services/scans/scan-ports';
import { scanVaultDir } from '../../electron/services/scans/scan-vault';
import { openStore, type Store } from '../../electron/store/open-store';
import { draft } from './fixtures';

export interface TempDesk {
  dir: string;
  dbPath: string;
  key: Buffer;
  store: Store;
  ctx: ServiceContext;
  dispatch: ReturnType<typeof createDispatcher>;
  /** Counts rows of a table (of those matching `where`), to prove that a refused call wrote nothing. */
  count(table: string, where?: string, params?: unknown[]): number;
  /** Every file under the scan vault beside the database (temp files included), to prove none was left. */
  vaultFiles(): string[];
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
  const actor = {
    ...ensureWorkstation(store, fixedClock.now(), 'test-desk'),
    ...(options.role ? { role: options.role } : {}),
  };
  // The vault beside the database, as the hosts have it (a test's scanner is its own: see
  // test/electron/services/scans).
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
    count: (table, where, params = []) =>
      store.read(
        (tx) =>
          tx.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}${where ? ` WHERE ${where}` : ''}`, params)?.n ?? 0,
      ),
    vaultFiles: () => listFiles(scanVaultDir(dbPath)),
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

/** Every file under `dir`, in its subfolders too; none when it does not exist. */
export function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}
