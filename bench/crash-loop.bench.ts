/**
 * `npm run bench:crash`: the kill -9 loops of issue 15 (item 3, G4) with a large count (item 9) —
 * the desk's writer killed at random points during bursts of writes, then the server killed during
 * a desk's pushes, on PGlite's folder (what `npm run server` runs) and, when DATABASE_URL is set,
 * on PostgreSQL. Every restart is checked (test/support/crash-desk-loop.ts, crash-server-loop.ts);
 * a lost or doubled write stops the run with its seed. Reported: kills, acknowledged writes,
 * lost = 0, the chain, elapsed. BENCH_CRASH_DESK_KILLS (200), BENCH_CRASH_SERVER_KILLS (50),
 * BENCH_CRASH_SEED (the seed to replay). Never part of `npm test`.
 */
import { loadavg } from 'node:os';
import { runDeskCrashLoop } from '../test/support/crash-desk-loop';
import { runServerCrashLoop, type ServerCrashReport } from '../test/support/crash-server-loop';
import { onPostgres } from '../test/server/support/test-server';
import { machine, printTable, writeResults } from './lib/stats';

const deskKills = Number(process.env.BENCH_CRASH_DESK_KILLS ?? 200);
const serverKills = Number(process.env.BENCH_CRASH_SERVER_KILLS ?? 50);
const seed = Number(process.env.BENCH_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const quiet = process.env.BENCH_CRASH_QUIET === '1';
const log = (line: string) => {
  if (!quiet) process.stdout.write(`${line}\n`);
};
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

const loadBefore = load();
const desk = deskKills > 0 ? await runDeskCrashLoop({ kills: deskKills, seed, log }) : undefined;
const servers: ServerCrashReport[] = [];
if (serverKills > 0) {
  servers.push(await runServerCrashLoop({ kills: serverKills, seed, database: 'pglite', log }));
  if (onPostgres) servers.push(await runServerCrashLoop({ kills: serverKills, seed, database: 'postgres', log }));
}
const loadAfter = load();

const rows: Record<string, string | number>[] = [];
if (desk) {
  rows.push({
    loop: 'desk writer',
    kills: desk.kills,
    acknowledged: desk.acknowledged,
    'committed, unacknowledged': desk.committedUnacknowledged,
    lost: desk.lost,
    duplicated: 0,
    'chain ok': `yes (${desk.auditEvents} events)`,
    'pushed once': desk.pushed,
    'elapsed s': (desk.elapsedMs / 1000).toFixed(1),
  });
}
for (const server of servers) {
  rows.push({
    loop: `server on ${server.database}`,
    kills: server.kills,
    acknowledged: server.appliedSeen,
    'committed, unacknowledged': server.committedUnanswered,
    lost: server.lost,
    duplicated: server.duplicated,
    'chain ok': '—',
    'pushed once': server.mutations,
    'elapsed s': (server.elapsedMs / 1000).toFixed(1),
  });
}
process.stdout.write(`\nseed ${seed}; load average before ${loadBefore}, after ${loadAfter}\n`);
printTable(rows);
const path = writeResults('crash-loop', { machine: machine(), seed, loadBefore, loadAfter, desk, servers });
process.stdout.write(`\n${path}\n`);
