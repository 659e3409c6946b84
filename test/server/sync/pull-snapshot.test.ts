import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../../shared/errors/app-error';
import {
  pullResponseSchema,
  pushResponseSchema,
  snapshotResponseSchema,
  type Change,
} from '../../../shared/sync/protocol';
import {
  enrolTestDevice,
  mutation,
  newPatient,
  openTestDb,
  startTestServer,
  type TestDb,
  type TestDevice,
  type TestServer,
} from '../support/test-server';

let testDb: TestDb;
let server: TestServer;
let desk: TestDevice;

beforeAll(async () => {
  testDb = await openTestDb();
  server = await startTestServer(testDb.db);
  desk = await enrolTestDevice(testDb.db, server);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await testDb?.cleanup();
}, 60_000);

async function pull(since: number, limit?: number) {
  const reply = await desk.get(`/v1/sync/pull?since=${since}${limit === undefined ? '' : `&limit=${limit}`}`);
  expect(reply.status).toBe(200);
  return pullResponseSchema.parse(reply.json());
}

/** Pushes n new patients; returns their row ids and versions. */
async function addPatients(n: number): Promise<Array<{ rowId: string; version: number }>> {
  const mutations = Array.from({ length: n }, (_, i) =>
    mutation({ changed: { ...newPatient(), name: `Пациент${i}` } }),
  );
  const { results } = pushResponseSchema.parse((await desk.push(mutations)).json());
  return results.map((result, i) => {
    if (result.status !== 'applied') throw new Error('setup failed');
    return { rowId: mutations[i]!.rowId, version: result.version };
  });
}

async function serverState(): Promise<Map<string, unknown>> {
  const rows = await testDb.db('records').select('table_name', 'id', 'data');
  return new Map(
    rows.map((row: { table_name: string; id: string; data: unknown }) => [`${row.table_name}:${row.id}`, row.data]),
  );
}

describe('pull', () => {
  it('pages through the log in seq order, the cursor moving with each page', async () => {
    const start = (await pull(0)).cursor;
    const added = await addPatients(25);
    const seen: Change[] = [];
    let cursor = start;
    let pages = 0;
    for (;;) {
      const page = await pull(cursor, 10);
      pages += 1;
      seen.push(...page.changes);
      if (page.changes.length > 0) expect(page.cursor).toBe(page.changes.at(-1)!.seq);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(pages).toBe(3);
    const seqs = seen.map((change) => change.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seen.map((change) => change.rowId)).toEqual(added.map((row) => row.rowId));
    expect(seen.every((change) => change.version === change.seq && change.table === 'patients')).toBe(true);
    expect(seen[0]!.data).toMatchObject({ name: 'Пациент0', surname: 'Иванова' });
  });

  it('answers an empty page at the head, keeping the cursor', async () => {
    const head = (await pull(0, 1000)).changes.at(-1)!.seq;
    expect(await pull(head)).toEqual({ changes: [], cursor: head, hasMore: false });
    expect(await pull(head + 100)).toEqual({ changes: [], cursor: head + 100, hasMore: false });
  });

  it('refuses a malformed query', async () => {
    for (const query of [
      '',
      '?since=-1',
      '?since=abc',
      '?since=0&limit=0',
      '?since=0&limit=1001',
      '?since=0&cursor=1',
      '?since=1.5',
    ]) {
      const reply = await desk.get(`/v1/sync/pull${query}`);
      expect(reply.status, query).toBe(400);
      expect(apiErrorSchema.parse(reply.json()).code).toBe('api.bad_request');
    }
  });
});

describe('snapshot', () => {
  it('pages rows as of upTo by (table, id); rows changed meanwhile arrive through the log', async () => {
    await addPatients(12);
    const first = snapshotResponseSchema.parse((await desk.get('/v1/sync/snapshot?limit=5')).json());
    const head = (await pull(0, 1000)).changes.at(-1)!.seq;
    expect(first.upTo).toBe(head);
    expect(first.total).toBe((await serverState()).size);
    expect(first.rows).toHaveLength(5);
    expect(first.after).toBe(`${first.rows.at(-1)!.table}:${first.rows.at(-1)!.rowId}`);

    // While the desk is paging: a row it already has changes, a row it has not reached yet
    // changes, and a new row appears.
    const allRows = await testDb.db('records').where({ table_name: 'patients' }).orderBy('id').select('id', 'version');
    const alreadySent = first.rows[0]!;
    const notYetSent = allRows.at(-1) as { id: string; version: number | string };
    const changes = await desk.push([
      mutation({ rowId: alreadySent.rowId, baseVersion: alreadySent.version, changed: { phone: '+79160000011' } }),
      mutation({ rowId: notYetSent.id, baseVersion: Number(notYetSent.version), changed: { phone: '+79160000012' } }),
      mutation({ changed: { ...newPatient(), name: 'Новенький' } }),
    ]);
    expect(pushResponseSchema.parse(changes.json()).results.every((r) => r.status === 'applied')).toBe(true);

    const rows = [...first.rows];
    let after = first.after;
    while (after !== null) {
      const page = snapshotResponseSchema.parse(
        (await desk.get(`/v1/sync/snapshot?after=${after}&limit=5&upTo=${first.upTo}`)).json(),
      );
      expect(page.upTo).toBe(first.upTo);
      rows.push(...page.rows);
      after = page.after;
    }
    const keys = rows.map((row) => `${row.table}:${row.rowId}`);
    expect(keys).toEqual([...keys].sort());
    expect(rows.every((row) => row.version <= first.upTo)).toBe(true);
    expect(keys).not.toContain(`patients:${notYetSent.id}`); // changed after upTo: comes by the log

    // The desk applies the snapshot, then pulls from upTo: it ends with the server's state.
    const desk_ = new Map<string, unknown>(rows.map((row) => [`${row.table}:${row.rowId}`, row.data]));
    let cursor = first.upTo;
    for (;;) {
      const page = await pull(cursor, 2);
      for (const change of page.changes) desk_.set(`${change.table}:${change.rowId}`, change.data);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(desk_).toEqual(await serverState());
  });

  it('refuses a malformed query', async () => {
    for (const query of [
      '?after=patients',
      '?after=../x:1',
      '?limit=5000',
      '?upTo=x',
      '?after=patients:1:2',
      '?since=0',
    ]) {
      const reply = await desk.get(`/v1/sync/snapshot${query}`);
      expect(reply.status, query).toBe(400);
    }
  });
});
