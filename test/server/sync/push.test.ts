import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { apiErrorSchema } from '../../../shared/errors/app-error';
import {
  conflictDataSchema,
  pullResponseSchema,
  pushResponseSchema,
  type Mutation,
  type MutationResult,
} from '../../../shared/sync/protocol';
import {
  countRows,
  enrolTestDevice,
  mutation,
  newPatient,
  openTestDb,
  startTestServer,
  testStaff,
  type TestDb,
  type TestDevice,
  type TestServer,
} from '../support/test-server';

let testDb: TestDb;
let server: TestServer;
let deskA: TestDevice;
let deskB: TestDevice;

beforeAll(async () => {
  testDb = await openTestDb();
  server = await startTestServer(testDb.db);
  deskA = await enrolTestDevice(testDb.db, server, 'Регистратура 1');
  deskB = await enrolTestDevice(testDb.db, server, 'Регистратура 2');
}, 60_000);
afterAll(async () => {
  await server?.close();
  await testDb?.cleanup();
}, 60_000);

async function pushOne(desk: TestDevice, m: Mutation): Promise<MutationResult> {
  const reply = await desk.push([m]);
  expect(reply.status).toBe(200);
  const { results } = pushResponseSchema.parse(reply.json());
  expect(results).toHaveLength(1);
  return results[0]!;
}

async function record(table: string, id: string) {
  return testDb
    .db('records')
    .where({ table_name: table, id })
    .first<{ version: string | number; data: Record<string, unknown> }>();
}

/** A patient on the server, at a known version. */
async function serverPatient(): Promise<{ rowId: string; version: number }> {
  const rowId = uuidv7();
  const result = await pushOne(deskA, mutation({ rowId, changed: newPatient() }));
  if (result.status !== 'applied') throw new Error('setup failed');
  return { rowId, version: result.version };
}

async function conflictsFor(rowId: string) {
  const rows = await testDb
    .db('records')
    .where({ table_name: 'sync_conflicts' })
    .whereRaw("data->>'row_id' = ?", [rowId]);
  return rows.map((row: { id: string; data: unknown }) => ({ id: row.id, data: conflictDataSchema.parse(row.data) }));
}

describe('push: applying', () => {
  it('inserts a new row with baseVersion 0 and logs its whole state', async () => {
    const m = mutation({ changed: newPatient() });
    const result = await pushOne(deskA, m);
    expect(result).toMatchObject({ mutationId: m.mutationId, status: 'applied', version: expect.any(Number) });
    const stored = await record('patients', m.rowId);
    expect(Number(stored.version)).toBe(result.status === 'applied' && result.version);
    expect(stored.data).toEqual(newPatient());
    const logged = await testDb.db('change_log').where({ row_id: m.rowId });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      table_name: 'patients',
      device_id: deskA.id,
      mutation_id: m.mutationId,
      data: newPatient(),
    });
  });

  it('answers each mutation of a batch in order, each in its own transaction', async () => {
    const ok = mutation({ changed: newPatient() });
    const bad = mutation({ table: 'staff_passwords', changed: { hash: 'x' } });
    const ok2 = mutation({ changed: newPatient() });
    const reply = await deskA.push([ok, bad, ok2]);
    const { results } = pushResponseSchema.parse(reply.json());
    expect(results.map((r) => [r.mutationId, r.status])).toEqual([
      [ok.mutationId, 'applied'],
      [bad.mutationId, 'refused'],
      [ok2.mutationId, 'applied'],
    ]);
  });

  it('is idempotent by mutation id: a retry gets the stored result and changes nothing', async () => {
    const { rowId, version } = await serverPatient();
    const m = mutation({ rowId, baseVersion: version, changed: { phone: '+79031112233' } });
    const first = await pushOne(deskA, m);
    const logBefore = await countRows(testDb.db, 'change_log');
    // The retry comes in a new request (new nonce), possibly after other changes.
    const retry = await pushOne(deskA, m);
    expect(retry).toEqual(first);
    expect(await countRows(testDb.db, 'change_log')).toBe(logBefore);
  });

  it('refuses a mutation id reused with other content or by another device', async () => {
    const { rowId, version } = await serverPatient();
    const m = mutation({ rowId, baseVersion: version, changed: { phone: '+79031112244' } });
    await pushOne(deskA, m);
    const logBefore = await countRows(testDb.db, 'change_log');
    expect(await pushOne(deskA, { ...m, changed: { phone: '+79990000000' } })).toMatchObject({
      status: 'refused',
      code: 'sync.mutation_reused',
    });
    expect(await pushOne(deskB, m)).toMatchObject({ status: 'refused', code: 'sync.mutation_reused' });
    expect(await countRows(testDb.db, 'change_log')).toBe(logBefore);
  });

  it('merges changes of different fields made from the same base on two desks', async () => {
    const { rowId, version } = await serverPatient();
    expect(
      await pushOne(deskA, mutation({ rowId, baseVersion: version, changed: { phone: '+79160000001' } })),
    ).toMatchObject({ status: 'applied' });
    expect(
      await pushOne(deskB, mutation({ rowId, baseVersion: version, changed: { surname: 'Петрова' } })),
    ).toMatchObject({ status: 'applied' });
    expect((await record('patients', rowId)).data).toMatchObject({ phone: '+79160000001', surname: 'Петрова' });
    expect(await conflictsFor(rowId)).toEqual([]);
  });

  it('lets the last change win on an administrative field, keeping both values in the log', async () => {
    const { rowId, version } = await serverPatient();
    await pushOne(deskA, mutation({ rowId, baseVersion: version, changed: { phone: '+79160000002' } }));
    const second = await pushOne(deskB, mutation({ rowId, baseVersion: version, changed: { phone: '+79160000003' } }));
    expect(second).toMatchObject({ status: 'applied' });
    expect((await record('patients', rowId)).data).toMatchObject({ phone: '+79160000003' });
    const phones = (await testDb.db('change_log').where({ row_id: rowId }).orderBy('seq')).map(
      (row: { data: { phone: string } }) => row.data.phone,
    );
    expect(phones).toEqual(['+79161234567', '+79160000002', '+79160000003']);
    expect(await conflictsFor(rowId)).toEqual([]);
  });

  it('makes a conflict record for an overlapping clinical field, and applies the rest of the change', async () => {
    const { rowId, version } = await serverPatient();
    const first = mutation({
      rowId,
      baseVersion: version,
      changed: { surname: 'Сидорова' },
      actorId: testStaff.clerk,
      at: '2026-11-25T10:00:00.000Z',
    });
    const firstResult = await pushOne(deskA, first);
    const second = mutation({
      rowId,
      baseVersion: version,
      changed: { surname: 'Смирнова', email: 'm@example.ru' },
      actorId: testStaff.otherClerk,
    });
    const result = await pushOne(deskB, second);

    expect(result).toMatchObject({ status: 'conflict', conflictFields: ['surname'] });
    const stored = await record('patients', rowId);
    // The clinical field keeps the server's value; the desk's other field is merged.
    expect(stored.data).toMatchObject({ surname: 'Сидорова', email: 'm@example.ru' });
    expect(result.status === 'conflict' && result.version).toBe(Number(stored.version));

    const conflicts = await conflictsFor(rowId);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.data).toEqual({
      table_name: 'patients',
      row_id: rowId,
      field: 'surname',
      server_value: 'Сидорова',
      server_version: firstResult.status === 'applied' ? firstResult.version : -1,
      server_actor_id: testStaff.clerk,
      server_at: '2026-11-25T10:00:00.000Z',
      device_value: 'Смирнова',
      device_id: deskB.id,
      actor_id: testStaff.otherClerk,
      at: second.at,
      mutation_id: second.mutationId,
      resolved_at: null,
      resolved_by: null,
      resolution: null,
    });
    // The conflict record is a row like any other: it is in the log, so every desk pulls it.
    const pulled = pullResponseSchema.parse((await deskA.get(`/v1/sync/pull?since=${version}`)).json());
    expect(pulled.changes.map((c) => c.table)).toContain('sync_conflicts');
    expect(pulled.changes.find((c) => c.table === 'sync_conflicts')?.rowId).toBe(conflicts[0]!.id);
  });

  it('does not call it a conflict when both desks wrote the same value', async () => {
    const { rowId, version } = await serverPatient();
    await pushOne(deskA, mutation({ rowId, baseVersion: version, changed: { surname: 'Кузнецова' } }));
    expect(
      await pushOne(deskB, mutation({ rowId, baseVersion: version, changed: { surname: 'Кузнецова' } })),
    ).toMatchObject({ status: 'applied' });
    expect(await conflictsFor(rowId)).toEqual([]);
  });

  it('does not make a desk conflict with its own earlier change', async () => {
    const { rowId, version } = await serverPatient();
    // Two edits queued offline on one desk, both from the version it last saw.
    const reply = await deskA.push([
      mutation({ rowId, baseVersion: version, changed: { surname: 'Орлова' } }),
      mutation({ rowId, baseVersion: version, changed: { surname: 'Орлова-Белая' } }),
    ]);
    expect(pushResponseSchema.parse(reply.json()).results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await record('patients', rowId)).data).toMatchObject({ surname: 'Орлова-Белая' });
  });

  it('applies a resolution of a conflict record like any change', async () => {
    const { rowId, version } = await serverPatient();
    await pushOne(deskA, mutation({ rowId, baseVersion: version, changed: { birth_date: '1980-03-16' } }));
    await pushOne(deskB, mutation({ rowId, baseVersion: version, changed: { birth_date: '1980-03-17' } }));
    const [conflict] = await conflictsFor(rowId);
    const conflictRow = await record('sync_conflicts', conflict!.id);
    const resolution = mutation({
      table: 'sync_conflicts',
      rowId: conflict!.id,
      baseVersion: Number(conflictRow.version),
      changed: { resolved_at: '2026-11-25T11:00:00.000Z', resolved_by: 'staff-c', resolution: 'server' },
    });
    expect(await pushOne(deskA, resolution)).toMatchObject({ status: 'applied' });
    expect(conflictDataSchema.parse((await record('sync_conflicts', conflict!.id)).data)).toMatchObject({
      resolution: 'server',
      resolved_by: 'staff-c',
      device_value: '1980-03-17',
    });
  });
});

describe('push: refusals (nothing changes)', () => {
  it('refuses a table that does not sync, a field a desk may not write, an empty change', async () => {
    const before = await countRows(testDb.db, 'change_log');
    const { rowId } = { rowId: uuidv7() };
    const results = pushResponseSchema.parse(
      (
        await deskA.push([
          mutation({ table: 'audit_events', changed: { action: 'x' } }),
          mutation({ rowId, changed: { ...newPatient(), version: 99 } }),
          mutation({ table: 'sync_conflicts', rowId, changed: { server_value: 'x' } }),
          mutation({ changed: {} }),
          mutation({ table: '__proto__', changed: { surname: 'x' } }),
        ])
      ).json(),
    ).results;
    expect(results.map((r) => (r.status === 'refused' ? [r.code, r.field] : r.status))).toEqual([
      ['sync.table_not_allowed', 'table'],
      ['sync.field_not_allowed', 'version'],
      ['sync.field_not_allowed', 'server_value'],
      ['sync.mutation_empty', undefined],
      ['sync.table_not_allowed', 'table'],
    ]);
    expect(await countRows(testDb.db, 'change_log')).toBe(before);
    expect(await record('patients', rowId)).toBeUndefined();
  });

  it('refuses to create a conflict record from a desk', async () => {
    const m = mutation({ table: 'sync_conflicts', changed: { resolution: 'mine' } });
    expect(await pushOne(deskA, m)).toMatchObject({ status: 'refused', code: 'sync.conflict_not_creatable' });
    expect(await record('sync_conflicts', m.rowId)).toBeUndefined();
  });

  it('refuses a change to a row the server does not have', async () => {
    const m = mutation({ baseVersion: 7, changed: { phone: '+79160000009' } });
    expect(await pushOne(deskA, m)).toMatchObject({ status: 'refused', code: 'sync.row_unknown' });
    expect(await record('patients', m.rowId)).toBeUndefined();
  });

  it('refuses a malformed push with a field-level error', async () => {
    const before = await countRows(testDb.db, 'change_log');
    const cases: Array<[unknown, string | undefined]> = [
      [{ mutations: [] }, 'mutations'],
      [{ mutations: [{ ...mutation({ changed: newPatient() }), rowId: 'not-a-uuid' }] }, 'mutations.0.rowId'],
      [
        { mutations: [{ ...mutation({ changed: { surname: { nested: true } as unknown as string } }) }] },
        'mutations.0.changed.surname',
      ],
      [{ mutations: [mutation({ changed: newPatient() })], extra: 1 }, undefined],
    ];
    for (const [body, field] of cases) {
      const reply = await deskA.send('POST', '/v1/sync/push', { body });
      expect(reply.status).toBe(400);
      const error = apiErrorSchema.parse(reply.json());
      expect(error.code).toBe('api.bad_request');
      if (field) expect(error.field).toBe(field);
    }
    const notJson = await deskA.send('POST', '/v1/sync/push', {
      raw: Buffer.from('{"mutations": ['),
      contentType: 'application/json',
    });
    expect(notJson.status).toBe(400);
    expect(apiErrorSchema.parse(notJson.json()).code).toBe('api.bad_request');
    expect(await countRows(testDb.db, 'change_log')).toBe(before);
  });

  it('refuses an oversized push with 413', async () => {
    const before = await countRows(testDb.db, 'change_log');
    // 40 × 8 fields × 9000 two-byte letters ≈ 5.8 MB: each field within the schema's limit.
    const long = 'Ж'.repeat(9000);
    const fields = ['surname', 'name', 'patronymic', 'email', 'phone', 'snils', 'enp', 'inn'];
    const big = Array.from({ length: 40 }, () =>
      mutation({ changed: Object.fromEntries(fields.map((field) => [field, long])) }),
    );
    const reply = await deskA.push(big);
    expect(reply.status).toBe(413);
    expect(apiErrorSchema.parse(reply.json())).toMatchObject({
      code: 'server.too_large',
      message: { en: expect.stringContaining('5242880') },
    });
    expect(await countRows(testDb.db, 'change_log')).toBe(before);
  });
});
