import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentRole } from '../electron/core/session-context';
import { openStore } from '../electron/store/open-store';
import { rawTx } from '../electron/store/raw-tx';
import { machine, ms, printTable, summarize, writeResults } from './lib/stats';

/**
 * What "authority is current" (issue 10) adds to every call: the signed-in person's row read by
 * its primary key in a read transaction on the encrypted store, with a clinic's worth of staff.
 */
const staffRows = 5_000;
const calls = 50_000;

const dir = mkdtempSync(join(tmpdir(), 'medcard-bench-authority-'));
try {
  const store = await openStore({ path: join(dir, 'desk.db'), key: randomBytes(32), create: true });
  const ids: string[] = [];
  store.transaction((tx) => {
    for (let i = 0; i < staffRows; i += 1) {
      const id = randomUUID();
      ids.push(id);
      rawTx(tx).run(
        `INSERT INTO staff (id, kind, login, display_name, role, active, version,
           created_at, created_by, updated_at, updated_by, device_id)
         VALUES (?, 'person', ?, ?, 'clerk', 1, 1, '2026-12-06T00:00:00Z', ?, '2026-12-06T00:00:00Z', ?, 'bench')`,
        [id, `user.${i}`, `Сотрудник ${i}`, id, id],
      );
    }
  });
  for (let i = 0; i < 2_000; i += 1) currentRole(store, ids[i % staffRows] ?? '', 'clerk');
  const samples: number[] = [];
  for (let i = 0; i < calls; i += 1) {
    const id = ids[(i * 7919) % staffRows] ?? '';
    const started = process.hrtime.bigint();
    currentRole(store, id, 'clerk');
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const stats = summarize(samples);
  const row = {
    measure: `role + active of the caller (${staffRows} staff rows)`,
    n: stats.n,
    'p50 ms': ms(stats.p50),
    'p95 ms': ms(stats.p95),
    'p99 ms': ms(stats.p99),
    'max ms': ms(stats.max),
  };
  printTable([row]);
  process.stdout.write(`${writeResults('authority-check', { machine: machine(), staffRows, calls, stats })}\n`);
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
