import { auditTriggersInPlace, verifyAuditChain } from '../../electron/store/audit-log';
import { openStore, type Store } from '../../electron/store/open-store';
import { pushOutbox } from '../../electron/sync/push-outbox';
import { seeded } from '../shared/domain/identifiers/reference-identifiers';
import { readSyncIdentity } from '../../electron/sync/sync-settings';
import { testSession } from '../server/support/test-server';
import { openSyncDesk, startSyncServer } from '../sync/sync-harness';
import { elapsed, startCrashChild } from './crash-child';
import { crashWriteSchema, type CrashWrite } from './crash-writes';
import { fixedClock } from './temp-desk';

const writerEntry = 'test/support/crash-desk-writer.ts';

/** What the desk's crash loop saw: the figures the suite asserts and the bench prints. */
export interface DeskCrashReport {
  seed: number;
  kills: number;
  /** Writes the writer printed (their transaction had committed). */
  acknowledged: number;
  /** Writes that committed but were killed before their line: at most one per kill. */
  committedUnacknowledged: number;
  /** Acknowledged writes missing or changed after a restart: always 0, or the loop throws first. */
  lost: number;
  auditEvents: number;
  /** Patient writes the final push delivered, each found on the server exactly once. */
  pushed: number;
  elapsedMs: number;
}

/** One patient as the loop expects it: how many writes (enrolment + contact changes) and the last one's content. */
interface Expected {
  writes: number;
  surname: string;
  phone: string | null;
}

/**
 * G4, issue 15 item 3: a desk killed with SIGKILL at random points during bursts of writes loses
 * no acknowledged write, shows nothing half-written, keeps its audit chain, and its outbox reaches
 * the server exactly once. `seed` chooses the delays (printed through `log`, so a failure replays
 * its schedule; the kill's exact instant is the machine's).
 */
export async function runDeskCrashLoop(options: {
  kills: number;
  seed: number;
  /** Longest wait after the writer is ready before the kill, in ms (each wait is drawn up to it). */
  maxDelayMs?: number;
  log?: (line: string) => void;
}): Promise<DeskCrashReport> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  log(`desk crash loop: seed ${options.seed}, ${options.kills} kills`);
  const random = seeded(options.seed);
  const server = await startSyncServer();
  const desk = await openSyncDesk(server, 'crash-desk');
  const staffId = desk.ctx.actor.staffId;
  const deviceId = desk.store.transaction((tx) => readSyncIdentity(tx)?.deviceId);
  if (!deviceId) throw new Error('the crash desk is not enrolled');
  log(`${elapsed(started)} server and enrolled desk ready`);
  await desk.store.close();
  const expected = new Map<string, Expected>();
  const report: DeskCrashReport = {
    seed: options.seed,
    kills: 0,
    acknowledged: 0,
    committedUnacknowledged: 0,
    lost: 0,
    auditEvents: 0,
    pushed: 0,
    elapsedMs: 0,
  };
  try {
    for (let run = 0; run < options.kills; run += 1) {
      const delayMs = Math.floor(random() * (options.maxDelayMs ?? 400));
      // Opened a minute before the writer's clock: the entries it signs are stamped by that clock.
      const session = testSession(deviceId, staffId, new Date(fixedClock.now().getTime() - 60_000));
      const acks = await writeUntilKilled(
        {
          MEDCARD_DB_KEY: desk.key.toString('hex'),
          CRASH_DESK_DB: desk.dbPath,
          CRASH_SESSION: JSON.stringify(session.proven),
          CRASH_SESSION_KEY: session.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
          CRASH_RUN: String(run),
          CRASH_SEED: String(Math.floor(random() * 2 ** 31)),
        },
        delayMs,
      );
      report.kills += 1;
      report.acknowledged += acks.length;
      for (const ack of acks) {
        const known = expected.get(ack.id);
        expected.set(ack.id, { writes: (known?.writes ?? 0) + 1, surname: ack.surname, phone: ack.phone });
      }
      const store = await openStore({ path: desk.dbPath, key: desk.key, create: false });
      try {
        const check = checkDesk(store, expected);
        report.committedUnacknowledged += check.committedUnacknowledged;
        report.auditEvents = check.auditEvents;
        log(
          `${elapsed(started)} kill ${run + 1} after ${delayMs} ms: ${acks.length} acknowledged, ` +
            `${check.committedUnacknowledged} committed unacknowledged, chain ${check.auditEvents} events ok`,
        );
      } finally {
        await store.close();
      }
    }
    // The outbox resumes: everything the desk wrote across the crashes reaches the server once.
    const store = await openStore({ path: desk.dbPath, key: desk.key, create: false });
    try {
      const pending = store.read(
        (tx) => tx.get<{ n: number }>("SELECT count(*) AS n FROM sync_outbox WHERE status = 'pending'")!.n,
      );
      // Read before the push: an entry leaves the outbox once the server answered for it.
      const sent = store.read((tx) =>
        tx.all<{ mutation_id: string }>("SELECT mutation_id FROM sync_outbox WHERE table_name = 'patients'"),
      );
      const pushed = await pushOutbox(store, desk.transport);
      if (pushed.refused > 0 || pushed.applied + pushed.conflicts !== pending) {
        throw new Error(`the final push: ${JSON.stringify(pushed)} of ${pending} pending`);
      }
      report.pushed = sent.length;
      await checkServer(server.db, sent, expected);
      const left = store.read((tx) => tx.get<{ n: number }>('SELECT count(*) AS n FROM sync_outbox'))!.n;
      if (left !== 0) throw new Error(`${left} outbox entries left after the push`);
    } finally {
      await store.close();
    }
  } finally {
    await server.stop();
    await desk.cleanup();
  }
  report.elapsedMs = Math.round(performance.now() - started);
  return report;
}

/** Starts the writer, lets it write for `delayMs` once ready, kills it (SIGKILL), returns its acknowledgements. */
async function writeUntilKilled(env: Record<string, string>, delayMs: number): Promise<CrashWrite[]> {
  const writer = startCrashChild(writerEntry, env);
  await writer.ready;
  await new Promise((done) => setTimeout(done, delayMs));
  // Fails, with the writer's stderr, if it had stopped by itself meanwhile.
  await writer.kill();
  return writer.lines.map((line) => crashWriteSchema.parse(JSON.parse(line)));
}

/**
 * The checks after a restart: the file's integrity, the audit chain as `medcard verify` computes
 * it, every acknowledged write there with its content, and every write whole — its row (or
 * history line), its audit event and its outbox entry, all or none. A write that committed without
 * its acknowledgement (the kill fell between the two) is allowed, once per kill, and expected from
 * then on.
 */
function checkDesk(
  store: Store,
  expected: Map<string, Expected>,
): { committedUnacknowledged: number; auditEvents: number } {
  return store.read((tx) => {
    const integrity = store.integrityCheck();
    if (integrity.length !== 1 || integrity[0] !== 'ok') throw new Error(`integrity_check: ${integrity.join('; ')}`);
    const chain = verifyAuditChain(tx);
    if (!chain.ok) throw new Error(`the audit chain is broken: ${JSON.stringify(chain.broken)}`);
    if (!auditTriggersInPlace(tx)) throw new Error('the audit chain lost its append-only triggers');
    const rows = tx.all<{
      id: string;
      surname: string;
      phone: string | null;
      writes: number;
      audits: number;
      outbox: number;
    }>(
      `SELECT p.id, p.surname, p.phone,
              1 + (SELECT count(*) FROM row_history h WHERE h.table_name = 'patients' AND h.row_id = p.id) AS writes,
              (SELECT count(*) FROM audit_events a WHERE a.patient_id = p.id
                  AND a.action IN ('patients.create', 'patients.contacts.update')) AS audits,
              (SELECT count(*) FROM sync_outbox o WHERE o.table_name = 'patients' AND o.row_id = p.id) AS outbox
         FROM patients p`,
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const [id, want] of expected) {
      const row = byId.get(id);
      if (!row) throw new Error(`an acknowledged enrolment is lost: ${id}`);
      if (row.writes < want.writes)
        throw new Error(`an acknowledged change is lost: ${id} has ${row.writes} of ${want.writes}`);
      if (row.writes === want.writes && (row.surname !== want.surname || row.phone !== want.phone)) {
        throw new Error(`an acknowledged write's content differs: ${JSON.stringify({ row, want })}`);
      }
    }
    let committedUnacknowledged = 0;
    for (const row of rows) {
      if (row.audits !== row.writes || row.outbox !== row.writes) {
        throw new Error(`a half-written patient: ${JSON.stringify(row)}`);
      }
      const extra = row.writes - (expected.get(row.id)?.writes ?? 0);
      committedUnacknowledged += extra;
      if (extra > 0) expected.set(row.id, { writes: row.writes, surname: row.surname, phone: row.phone });
    }
    if (committedUnacknowledged > 1) throw new Error(`${committedUnacknowledged} unacknowledged writes for one kill`);
    const outboxTotal = tx.get<{ n: number }>("SELECT count(*) AS n FROM sync_outbox WHERE table_name = 'patients'")!.n;
    const writesTotal = rows.reduce((sum, row) => sum + row.writes, 0);
    if (outboxTotal !== writesTotal) throw new Error(`${outboxTotal} outbox entries for ${writesTotal} writes`);
    return { committedUnacknowledged, auditEvents: chain.events };
  });
}

/** Every write reached the server exactly once (one change per outbox entry, by mutation id), with its content. */
async function checkServer(
  db: Awaited<ReturnType<typeof startSyncServer>>['db'],
  sent: { mutation_id: string }[],
  expected: Map<string, Expected>,
): Promise<void> {
  const changes = await db('change_log')
    .where({ table_name: 'patients' })
    .select<{ mutation_id: string; row_id: string }[]>('mutation_id', 'row_id');
  const seen = new Map<string, number>();
  for (const change of changes) seen.set(change.mutation_id, (seen.get(change.mutation_id) ?? 0) + 1);
  for (const { mutation_id } of sent) {
    if (seen.get(mutation_id) !== 1)
      throw new Error(`mutation ${mutation_id} is on the server ${seen.get(mutation_id) ?? 0} times`);
  }
  if (changes.length !== sent.length)
    throw new Error(`${changes.length} changes on the server for ${sent.length} writes`);
  const records = await db('records')
    .where({ table_name: 'patients' })
    .select<{ id: string; data: { surname: string; phone: string | null } }[]>('id', 'data');
  const onServer = new Map(records.map((record) => [record.id, record.data]));
  for (const [id, want] of expected) {
    const data = onServer.get(id);
    if (data?.surname !== want.surname || data.phone !== want.phone) {
      throw new Error(`the server holds ${JSON.stringify(data)} for ${id}, the desk wrote ${JSON.stringify(want)}`);
    }
  }
}
