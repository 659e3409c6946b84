import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServerDb } from '../../../server/db/open';
import { advanceCounters } from '../../../server/otp/yubikeys';
import { onPostgres, openTestDb, startTestServer, type TestDb, type TestServer } from '../support/test-server';
import { newClient, SimulatedYubikey, verify, type YkvalClientKeys } from './yubikey-support';

const where = onPostgres
  ? 'PostgreSQL: two instances with their own pools, requests really interleave'
  : 'PGlite: one connection, so the requests run one after another (set DATABASE_URL for the real race)';

let testDb: TestDb;
/** A second pool on the same database, as a second server instance has. */
let secondDb: Knex;
let serverA: TestServer;
let serverB: TestServer;
let deskA: YkvalClientKeys;
let deskB: YkvalClientKeys;

beforeAll(async () => {
  testDb = await openTestDb();
  secondDb = testDb.url ? await openServerDb({ databaseUrl: testDb.url }) : testDb.db;
  serverA = await startTestServer(testDb.db);
  serverB = await startTestServer(secondDb);
  deskA = await newClient(testDb.db);
  deskB = await newClient(testDb.db);
}, 60_000);
afterAll(async () => {
  await serverA?.close();
  await serverB?.close();
  if (secondDb && secondDb !== testDb.db) await secondDb.destroy();
  await testDb?.cleanup();
}, 60_000);

describe(`one OTP raced by two desks through two instances (A2; ${where})`, () => {
  it('accepts it exactly once', async () => {
    const key = await new SimulatedYubikey('vvccccrtrtcc').register(testDb.db);
    for (let round = 0; round < 5; round++) {
      const otp = key.press();
      const replies = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          verify(i % 2 ? serverB.origin : serverA.origin, i % 4 < 2 ? deskA : deskB, otp),
        ),
      );
      const statuses = replies.map((reply) => reply.status).sort();
      expect(statuses).toEqual(['OK', ...Array<string>(7).fill('REPLAYED_OTP')]);
    }
    const trail = await testDb
      .db('yubikey_verifications')
      .where({ public_id: key.publicId, status: 'OK' })
      .count<{ n: unknown }[]>('* as n');
    expect(Number(trail[0]?.n)).toBe(5);
  });

  it.skipIf(!onPostgres)(
    'lets the second writer see the first one’s commit, not the value it read before',
    async () => {
      const key = await new SimulatedYubikey('vvccccrtrtdd').register(testDb.db);
      const claim = {
        publicId: key.publicId,
        usageCounter: 1,
        sessionUse: 0,
        nonce: 'n'.repeat(16),
        clientId: deskA.id,
        now: new Date(),
      };
      const first = await testDb.db.transaction();
      try {
        expect(await advanceCounters(first, claim)).toBe(true);
        // The second instance's UPDATE waits on the row lock the first holds…
        let secondDone = false;
        const second = advanceCounters(secondDb, { ...claim, clientId: deskB.id }).then((won) => {
          secondDone = true;
          return won;
        });
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(secondDone).toBe(false);
        await first.commit();
        // …and re-checks its WHERE against the committed counters: it loses.
        expect(await second).toBe(false);
      } finally {
        if (!first.isCompleted()) await first.rollback();
      }
    },
  );
});
