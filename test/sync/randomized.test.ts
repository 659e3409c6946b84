import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../../electron/demo/random';
import { syntheticPatients } from '../../electron/demo/synthetic-patients';
import {
  createPatientAt,
  editPatient,
  openSyncDesk,
  patientsOf,
  pendingOutbox,
  startSyncServer,
  type SyncDesk,
  type SyncServer,
} from './sync-harness';

const seed = Number(process.env.SYNC_SEED ?? 20261125);
const operations = Number(process.env.SYNC_OPERATIONS ?? 2500);

let server: SyncServer;
let desks: SyncDesk[];
beforeAll(async () => {
  server = await startSyncServer();
  desks = [];
  for (let i = 0; i < 5; i++) desks.push(await openSyncDesk(server, `desk-${i + 1}`));
});
afterAll(async () => {
  for (const desk of desks) await desk.cleanup();
  await server.stop();
});

const editable = ['phone', 'email', 'surname', 'name'] as const;

describe(`a seeded random run (seed ${seed}, ${operations} operations, 5 desks, network cuts)`, () => {
  it('ends with every replica equal to the server, no change lost or applied twice', async () => {
    const random = new SeededRandom(seed);
    const drafts = syntheticPatients({ seed, count: operations, today: '2026-11-25' });
    const known: string[] = [];
    let creates = 0;
    let edits = 0;
    for (let op = 0; op < operations; op++) {
      const desk = desks[Math.floor((random.uint32() / 4294967296) * desks.length)] as SyncDesk;
      const roll = random.uint32() / 4294967296;
      if (roll < 0.08) {
        desk.transport.fault = desk.transport.fault === 'down' ? 'none' : 'down';
      } else if (roll < 0.1) {
        desk.transport.fault = 'lose-responses';
      } else if (roll < 0.4 || known.length === 0) {
        const next = drafts.next();
        if (next.done) break;
        known.push(await createPatientAt(desk, { ...next.value, snils: null, enp: null }));
        creates += 1;
      } else if (roll < 0.7) {
        const id = known[Math.floor((random.uint32() / 4294967296) * known.length)] as string;
        if (!patientsOf(desk).some((p) => p.id === id)) continue;
        const field = editable[
          Math.floor((random.uint32() / 4294967296) * editable.length)
        ] as (typeof editable)[number];
        const value = {
          phone: `+7916${String(Math.floor((random.uint32() / 4294967296) * 1e7)).padStart(7, '0')}`,
          email: `p${op}@example.org`,
          surname: `Фамилия${'а'.repeat(1 + (op % 5))}`,
          name: `Имя${'о'.repeat(1 + (op % 4))}`,
        }[field];
        editPatient(desk, id, { [field]: value });
        edits += 1;
      } else {
        await desk.sync().catch(() => undefined);
        if (desk.transport.fault === 'lose-responses') desk.transport.fault = 'none';
      }
    }

    // The network heals; conflicts are resolved by whoever sees them; everyone syncs until quiet.
    for (const desk of desks) desk.transport.fault = 'none';
    for (let round = 0; round < 4; round++) {
      for (const desk of desks) await desk.sync();
    }
    for (const desk of desks) {
      expect(pendingOutbox(desk), desk.name).toBe(0);
      expect(desk.count('sync_outbox', "status = 'refused'"), desk.name).toBe(0);
    }

    const serverRows = await server.db('records').where({ table_name: 'patients' }).select('id', 'version', 'data');
    expect(serverRows).toHaveLength(creates);
    const reference = patientsOf(desks[0] as SyncDesk);
    expect(reference).toHaveLength(creates);
    for (const row of serverRows) {
      const local = reference.find((p) => p.id === row.id);
      const data = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<string, unknown>;
      expect(local, row.id).toMatchObject({
        version: Number(row.version),
        surname: data.surname,
        phone: data.phone,
        email: data.email,
      });
    }
    for (const desk of desks.slice(1)) expect(patientsOf(desk), desk.name).toEqual(reference);

    // Every mutation reached the log exactly once (a mutation that caused conflicts also logs
    // the conflict records, each for its own row).
    const duplicates = await server
      .db('change_log')
      .whereNotNull('mutation_id')
      .groupBy('mutation_id', 'table_name', 'row_id')
      .havingRaw('count(*) > 1')
      .select('mutation_id');
    expect(duplicates).toEqual([]);
    const mutations = await server.db('mutations').count<{ count: string | number }[]>({ count: '*' });
    expect(Number(mutations[0]?.count)).toBeGreaterThanOrEqual(creates + edits * 0.5);
  }, 240_000);
});
