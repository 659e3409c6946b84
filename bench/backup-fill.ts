import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../electron/store/open-store';
import { createScanVault, scanVaultDir } from '../electron/services/scans/scan-vault';
import { fillPatients } from './lib/fill-patients';

/**
 * The backup bench's desk (issue 15, item 9): `total` patients enrolled through the service layer
 * (an audit event and an outbox entry each, as a real desk holds them, so the backup's chain check
 * has a million links to walk) and a few scans in its vault. Kept under /tmp by size between runs:
 * only the first run pays for the fill.
 */
export interface BackupBenchDesk {
  dir: string;
  dbPath: string;
  vaultDir: string;
  key: Buffer;
  patients: number;
  fillSeconds: number | null;
}

export async function backupBenchDesk(total: number): Promise<BackupBenchDesk> {
  const dir = join('/tmp', 'medcard-bench-backup', `patients-${total}`);
  const dbPath = join(dir, 'desk.db');
  const vaultDir = scanVaultDir(dbPath);
  const keyPath = join(dir, 'desk.key');
  const readyPath = join(dir, 'ready.json');
  if (existsSync(readyPath)) {
    const ready = JSON.parse(readFileSync(readyPath, 'utf8')) as { fillSeconds: number };
    const key = Buffer.from(readFileSync(keyPath, 'utf8'), 'hex');
    return { dir, dbPath, vaultDir, key, patients: total, fillSeconds: ready.fillSeconds };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(vaultDir, { recursive: true, mode: 0o700 });
  writeFileSync(keyPath, randomBytes(32).toString('hex'), { mode: 0o600 });
  const key = Buffer.from(readFileSync(keyPath, 'utf8'), 'hex');
  const store = await openStore({ path: dbPath, key, create: true, groupReadAudit: true });
  const { seconds } = fillPatients(store, { total, seed: 20261207, label: 'backup bench fill' });
  await store.close();
  // 50 scan-sized files in the vault, sealed as the desk seals them.
  const vault = createScanVault({ dir: vaultDir, storeKey: key });
  for (let i = 0; i < 50; i++) await vault.put(randomBytes(400_000));
  writeFileSync(readyPath, JSON.stringify({ fillSeconds: seconds }));
  return { dir, dbPath, vaultDir, key, patients: total, fillSeconds: seconds };
}

if (process.env.BENCH_STAGE === 'fill') {
  const total = Number(process.env.BENCH_PATIENTS ?? 1_000_000);
  backupBenchDesk(total).then(
    (desk) => process.stdout.write(`filled ${desk.patients} in ${desk.fillSeconds} s at ${desk.dbPath}\n`),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    },
  );
}
