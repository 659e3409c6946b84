import { describe, expect, it } from 'vitest';
import { runDeskCrashLoop } from '../support/crash-desk-loop';

// CRASH_SEED replays a failed run's schedule (the seed is printed); otherwise a new one each run.
const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

describe('a desk killed during bursts of writes (G4, issue 15 item 3)', () => {
  it('loses no acknowledged write, shows nothing half-written, keeps its audit chain, and its outbox reaches the server once', async () => {
    const report = await runDeskCrashLoop({ kills: 4, seed, log: (line) => process.stdout.write(`${line}\n`) });
    expect(report.kills).toBe(4);
    expect(report.lost).toBe(0);
    expect(report.acknowledged).toBeGreaterThan(0);
    expect(report.pushed).toBe(report.acknowledged + report.committedUnacknowledged);
  }, 120_000);
});
