import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { pushResponseSchema, type MutationResult } from '../../../shared/sync/protocol';
import {
  enrolTestDevice,
  mutation,
  newPatient,
  staffRow,
  testStaff,
  type TestDevice,
  useTestServer,
} from '../support/test-server';

/** A push is applied in one transaction per batch (issue 10, item 10), with the same answers as one by one. */
const suite = useTestServer();
let desk: TestDevice;

beforeAll(async () => {
  desk = await enrolTestDevice(suite.db, suite.server);
}, 60_000);

const answers = (results: MutationResult[]) => results.map((r) => (r.status === 'refused' ? r.code : r.status));

describe('a push applied as one batch', () => {
  it('answers each mutation, refusals roll nothing back, and the log keeps the push’s order', async () => {
    const patient = uuidv7();
    const nurse = uuidv7();
    const batch = [
      mutation({ rowId: patient, changed: newPatient() }),
      mutation({ actorId: uuidv7(), changed: newPatient() }), // nobody the server knows
      mutation({ rowId: patient, baseVersion: 1, changed: { phone: '+79160000000' } }),
      // A staff account between plain rows: its checks read rows, so the earlier ones are written first.
      mutation({ table: 'staff', rowId: nurse, actorId: testStaff.admin, changed: staffRow('nurse.b', 'clerk') }),
      mutation({ table: 'staff', rowId: uuidv7(), actorId: testStaff.clerk, changed: staffRow('x', 'admin') }),
      mutation({ actorId: nurse, changed: newPatient() }), // the account made earlier in this push writes
    ];
    const reply = await desk.push(batch);
    const { results } = pushResponseSchema.parse(reply.json());
    expect(answers(results)).toEqual([
      'applied',
      'sync.actor_unknown',
      'applied',
      'applied',
      'sync.actor_forbidden',
      'applied',
    ]);
    const logged = await suite
      .db('change_log')
      .whereIn(
        'mutation_id',
        batch.map((m) => m.mutationId),
      )
      .orderBy('seq')
      .select<{ mutation_id: string; seq: unknown }[]>('mutation_id', 'seq');
    expect(logged.map((row) => row.mutation_id)).toEqual(
      [batch[0], batch[2], batch[3], batch[5]].map((m) => m!.mutationId),
    );
    const versions = results.flatMap((r) => (r.status === 'applied' ? [r.version] : []));
    expect(versions).toEqual(logged.map((row) => Number(row.seq)));
    const row = await suite.db('records').where({ table_name: 'patients', id: patient }).first();
    expect(row.data).toMatchObject({ surname: 'Иванова', phone: '+79160000000' });
    expect(Number(row.version)).toBe(versions[1]);
    // Refusals are not stored: a retry is judged again.
    const stored = await suite.db('mutations').whereIn(
      'mutation_id',
      batch.map((m) => m.mutationId),
    );
    expect(stored).toHaveLength(4);
  });

  it('a retried batch gets the stored answers back and changes nothing', async () => {
    const batch = [mutation({ changed: newPatient() }), mutation({ changed: newPatient() })];
    const first = pushResponseSchema.parse((await desk.push(batch)).json()).results;
    const logBefore = await suite.db('change_log').count<{ n: unknown }[]>('* as n');
    const again = pushResponseSchema.parse((await desk.push(batch)).json()).results;
    expect(again).toEqual(first);
    expect(await suite.db('change_log').count<{ n: unknown }[]>('* as n')).toEqual(logBefore);
  });
});
