/**
 * `npm run bench:backup`: backup, verification, restore drill and restore of a 1,000,000-patient
 * desk (issue 15, item 9). The desk is filled through the service layer (bench/backup-fill.ts:
 * an audit event and an outbox entry per patient, 50 scans in the vault) and kept under /tmp.
 * Prints and records sizes and times; BENCH_PATIENTS=N for a smaller run. Never part of `npm test`.
 */
import { rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ensureWorkstation } from '../electron/core/workstation';
import { makeBackup } from '../electron/services/backup/make-backup';
import { restoreBackup } from '../electron/services/backup/restore-backup';
import { restoreDrill } from '../electron/services/backup/restore-drill';
import { refuseDamagedDatabase } from '../electron/services/backup/startup-integrity';
import { deskIdOf } from '../electron/services/backup/desk-id';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey, openStore } from '../electron/store/open-store';
import { backupBenchDesk } from './backup-fill';
import { machine, printTable, writeResults } from './lib/stats';

const total = Number(process.env.BENCH_PATIENTS ?? 1_000_000);
const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);
const seconds = (ms: number) => Number((ms / 1000).toFixed(1));

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const desk = await backupBenchDesk(total);
  const outDir = join(desk.dir, 'backups');
  rmSync(outDir, { recursive: true, force: true });

  let t = performance.now();
  refuseDamagedDatabase(desk.dbPath, desk.key, outDir);
  const quickCheckMs = performance.now() - t;

  // A desk filled before migration 0028 had its table recorded it as run while the slot was empty.
  const raw = new Database(desk.dbPath);
  applyKey(raw, desk.key);
  if (!raw.prepare("SELECT 1 FROM sqlite_master WHERE name = 'backup_log'").get())
    raw.prepare("DELETE FROM schema_migrations WHERE name LIKE '0028-%'").run();
  raw.close();

  const clock = { now: () => new Date() };
  const store = await openStore({ path: desk.dbPath, key: desk.key, create: false });
  ensureWorkstation(store, clock.now(), 'bench-desk');
  const deskId = store.read((tx) => deskIdOf(tx));
  const phases = new Map<string, number>();
  let phase = '';
  let phaseStart = performance.now();
  const backup = await makeBackup({
    store,
    clock,
    key: desk.key,
    outDir,
    onProgress: (p) => {
      if (p.phase === phase) return;
      if (phase) phases.set(phase, (phases.get(phase) ?? 0) + performance.now() - phaseStart);
      process.stderr.write(`\n${p.phase}…`);
      phase = p.phase;
      phaseStart = performance.now();
    },
  });
  if (phase) phases.set(phase, (phases.get(phase) ?? 0) + performance.now() - phaseStart);
  process.stderr.write('\n');

  const drill = await restoreDrill({ store, clock, key: desk.key, dir: outDir });
  await store.close();

  t = performance.now();
  const restored = await restoreBackup({
    file: backup.file,
    dbPath: desk.dbPath,
    key: desk.key,
    deskId,
    now: clock.now(),
  });
  const restoreMs = performance.now() - t;
  // The bench's desk stays as it was: the restored copy is the same data; drop the kept one.
  rmSync(restored.keptAs, { force: true });
  rmSync(`${restored.keptAs}.scans`, { recursive: true, force: true });

  const results = {
    machine: machine(),
    patients: total,
    fillSeconds: desk.fillSeconds,
    databaseMiB: mib(statSync(desk.dbPath).size),
    backupMiB: mib(backup.size),
    quickCheckSeconds: seconds(quickCheckMs),
    backupSeconds: seconds(backup.durationMs),
    phases: Object.fromEntries([...phases].map(([name, ms]) => [name, seconds(ms)])),
    verdict: backup.verdict,
    drill,
    restoreSeconds: seconds(restoreMs),
    loadBefore,
    loadAfter: loadavg(),
  };
  printTable([
    { measure: 'start-up quick_check', seconds: results.quickCheckSeconds },
    { measure: 'backup (snapshot, write, unpack + verify, rotate)', seconds: results.backupSeconds },
    ...[...phases].map(([name, ms]) => ({ measure: `  phase ${name}`, seconds: seconds(ms) })),
    { measure: 'restore drill', seconds: seconds(drill.durationMs) },
    { measure: 'restore (check, unpack, verify, swap)', seconds: results.restoreSeconds },
  ]);
  process.stdout.write(`database ${results.databaseMiB} MiB, backup file ${results.backupMiB} MiB\n`);
  process.stdout.write(`${JSON.stringify(drill, null, 2)}\n`);
  process.stdout.write(
    `load before ${loadBefore.map((n) => n.toFixed(2)).join(' / ')}, after ${results.loadAfter.map((n) => n.toFixed(2)).join(' / ')}\n`,
  );
  process.stdout.write(`${writeResults('backup', results)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
