import type { Knex } from 'knex';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultClinicId } from '../../../server/clinics/clinics';
import { openServerDb } from '../../../server/db/open';
import { createEnrolCode } from '../../../server/devices/enrol-codes';
import { newDeviceKeys } from '../../../server/testing/device-client';
import { withChangeLog } from '../../../server/sync/change-log';
import { pullResponseSchema, pushResponseSchema, type Change } from '../../../shared/sync/protocol';
import {
  enrolTestDevice,
  mutation,
  newPatient,
  onPostgres,
  openTestDb,
  startTestServer,
  type TestDb,
  type TestDevice,
  type TestServer,
} from '../support/test-server';

const pgOnly = onPostgres
  ? 'on PostgreSQL'
  : 'SKIPPED: needs PostgreSQL (set DATABASE_URL=postgres://user:pass@host/db with CREATEDB); PGlite has a single connection, so transactions cannot interleave';

let testDb: TestDb;
/** A second pool on the same database, as a second server instance would have. */
let secondDb: Knex;
let serverA: TestServer;
let serverB: TestServer;
let desk: TestDevice;

beforeAll(async () => {
  testDb = await openTestDb();
  secondDb = testDb.url ? await openServerDb({ databaseUrl: testDb.url }) : testDb.db;
  serverA = await startTestServer(testDb.db);
  serverB = await startTestServer(secondDb);
  desk = await enrolTestDevice(testDb.db, serverA);
}, 60_000);
afterAll(async () => {
  await serverA?.close();
  await serverB?.close();
  if (secondDb && secondDb !== testDb.db) await secondDb.destroy();
  await testDb?.cleanup();
}, 60_000);

async function pull(via: TestDevice, since: number) {
  return pullResponseSchema.parse((await via.get(`/v1/sync/pull?since=${since}&limit=1000`)).json());
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!onPostgres)(`the change log under concurrent transactions (${pgOnly})`, () => {
  it('shows the hazard: with a bare sequence, a later seq commits first and a naive cursor skips the earlier one', async () => {
    const url = testDb.url!;
    const [slow, fast] = [new pg.Client(url), new pg.Client(url)];
    await Promise.all([slow.connect(), fast.connect()]);
    const insert = `INSERT INTO change_log (clinic_id, table_name, row_id, version, data, at)
      SELECT value::uuid, 'hazard', 'x', 0, '{}', now() FROM server_meta WHERE key = 'default_clinic_id' RETURNING seq`;
    try {
      const since = Number((await fast.query('SELECT coalesce(max(seq), 0) AS s FROM change_log')).rows[0].s);
      await slow.query('BEGIN');
      const slowSeq = Number((await slow.query(insert)).rows[0].seq);
      const fastSeq = Number((await fast.query(insert)).rows[0].seq); // autocommit: visible at once
      const visible = (await fast.query('SELECT seq FROM change_log WHERE seq > $1 ORDER BY seq', [since])).rows.map(
        (r) => Number(r.seq),
      );
      expect(fastSeq).toBeGreaterThan(slowSeq);
      expect(visible).toEqual([fastSeq]); // a cursor moved to fastSeq would never see slowSeq
      await slow.query('ROLLBACK');
      await fast.query(`DELETE FROM change_log WHERE table_name = 'hazard'`);
    } finally {
      await Promise.all([slow.end(), fast.end()]);
    }
  });

  it('never lets a pull move the cursor past a change whose transaction is still open', async () => {
    const before = await pull(desk, 0);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let heldSeq = 0;
    let appended!: () => void;
    const appendedSignal = new Promise<void>((resolve) => (appended = resolve));
    const heldRow = uuidv7();

    // A slow applier: appends, then keeps its transaction open.
    const clinicId = await defaultClinicId(testDb.db);
    const slow = withChangeLog(testDb.db, { now: new Date(), clinicId }, async (log) => {
      heldSeq = await log.writeRow({
        table: 'patients',
        rowId: heldRow,
        data: newPatient(),
        fieldVersions: {},
        changedFields: Object.keys(newPatient()),
        deviceId: null,
        mutationId: null,
        actorId: 'slow',
        actorAt: null,
      });
      appended();
      await gate;
    });
    await appendedSignal;

    // Whatever an assertion below says, the slow transaction must end, or the pool never closes.
    try {
      // A push through the other instance meanwhile: it must queue behind the slow one.
      const fastMutation = mutation({ changed: newPatient() });
      let pushDone = false;
      const fast = desk
        .via(serverB)
        .push([fastMutation])
        .then((reply) => {
          pushDone = true;
          return reply;
        });
      await settle(300);
      expect(pushDone).toBe(false);

      // A pull in between sees neither, and its cursor stays below the open change.
      const during = await pull(desk.via(serverB), before.cursor);
      expect(during.changes).toEqual([]);
      expect(during.cursor).toBeLessThan(heldSeq);

      release();
      await slow;
      const reply = await fast;
      const [result] = pushResponseSchema.parse(reply.json()).results;
      expect(result).toMatchObject({ status: 'applied' });
      expect(result!.status === 'applied' && result!.version).toBeGreaterThan(heldSeq);

      const after = await pull(desk, during.cursor);
      expect(after.changes.map((change) => change.rowId)).toEqual([heldRow, fastMutation.rowId]);
    } finally {
      release();
      await slow.catch(() => undefined);
    }
  });
});

describe('many desks through two instances at once', () => {
  it('hands every change to an incremental puller exactly once, in seq order', async () => {
    const desks = [desk, await enrolTestDevice(testDb.db, serverA), await enrolTestDevice(testDb.db, serverB)];
    const start = (await pull(desk, 0)).cursor;
    const collected: Change[] = [];
    let stop = false;
    // Pulls continuously while the pushes run, advancing its cursor as a desk would.
    const puller = (async () => {
      let cursor = start;
      while (!stop) {
        const page = await pull(desk.via(serverB), cursor);
        collected.push(...page.changes);
        cursor = page.cursor;
        await settle(5);
      }
      const last = await pull(desk, cursor);
      collected.push(...last.changes);
    })();
    const pushes = [];
    for (let round = 0; round < 8; round += 1) {
      for (const [i, d] of desks.entries()) {
        const via = (round + i) % 2 === 0 ? d : d.via(serverB);
        pushes.push(via.push([mutation({ changed: newPatient() }), mutation({ changed: newPatient() })]));
      }
    }
    const replies = await Promise.all(pushes);
    stop = true;
    await puller;
    const applied = replies.flatMap((reply) => pushResponseSchema.parse(reply.json()).results);
    expect(applied.every((result) => result.status === 'applied')).toBe(true);

    const seqs = collected.map((change) => change.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    const full = (await pull(desk, start)).changes.map((change) => change.seq);
    expect(seqs).toEqual(full);
    expect(full).toHaveLength(applied.length);
  });

  it('applies a mutation retried on two instances at the same moment once', async () => {
    const m = mutation({ changed: newPatient() });
    const [a, b] = await Promise.all([desk.push([m]), desk.via(serverB).push([m])]);
    const [ra, rb] = [pushResponseSchema.parse(a.json()).results[0], pushResponseSchema.parse(b.json()).results[0]];
    expect(ra).toEqual(rb);
    expect(await testDb.db('change_log').where({ mutation_id: m.mutationId }).select('seq')).toHaveLength(1);
  });

  it('redeems one enrolment code once, even when two instances race', async () => {
    const { code } = await createEnrolCode(testDb.db, { now: new Date() });
    const attempt = (origin: string) =>
      fetch(`${origin}/v1/devices/enrol`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, name: 'race', publicKey: newDeviceKeys().publicKey }),
      }).then((response) => response.status);
    const statuses = await Promise.all([
      attempt(serverA.origin),
      attempt(serverB.origin),
      attempt(serverA.origin),
      attempt(serverB.origin),
    ]);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 403)).toHaveLength(3);
  });
});
