import { describe, expect, it } from 'vitest';
import { runServerCrashLoop } from '../support/crash-server-loop';
import { onPostgres } from '../server/support/test-server';

// CRASH_SEED replays a failed run's schedule (the seed is printed); otherwise a new one each run.
const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const log = (line: string) => process.stdout.write(`${line}\n`);

describe('a server killed during pushes (G4, issue 15 item 3)', () => {
  // What `npm run server` runs by default: PGlite in its folder, recovered by the next start.
  it('on the embedded PGlite: every push answered applied is in the change log once, and retries add nothing', async () => {
    const report = await runServerCrashLoop({ kills: 2, seed, database: 'pglite', log });
    expect(report.kills).toBe(2);
    expect(report.lost).toBe(0);
    expect(report.duplicated).toBe(0);
    expect(report.appliedSeen).toBeGreaterThan(0);
  }, 180_000);

  it.runIf(onPostgres)(
    'on PostgreSQL: the same',
    async () => {
      const report = await runServerCrashLoop({ kills: 2, seed, database: 'postgres', log });
      expect(report.kills).toBe(2);
      expect(report.lost).toBe(0);
      expect(report.duplicated).toBe(0);
      expect(report.appliedSeen).toBeGreaterThan(0);
    },
    180_000,
  );
});
