import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { pushResponseSchema, type Mutation, type MutationResult } from '../../../shared/sync/protocol';
import {
  countRows,
  enrolTestDevice,
  mutation,
  newPatient,
  openTestDb,
  staffRow,
  startTestServer,
  type TestDb,
  type TestDevice,
  type TestServer,
} from '../support/test-server';

// A server of its own, with no staff at all: the first admin is made here, by the test.
let testDb: TestDb;
let server: TestServer;
let desk: TestDevice;
const admin = uuidv7();
const clerk = uuidv7();
const doctor = uuidv7();

beforeAll(async () => {
  testDb = await openTestDb();
  server = await startTestServer(testDb.db);
  desk = await enrolTestDevice(testDb.db, server, 'Регистратура', { staff: false });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await testDb?.cleanup();
}, 60_000);

async function push(...mutations: Mutation[]): Promise<MutationResult[]> {
  const reply = await desk.push(mutations);
  expect(reply.status).toBe(200);
  return pushResponseSchema.parse(reply.json()).results;
}

const statuses = (results: MutationResult[]) => results.map((r) => (r.status === 'refused' ? r.code : r.status));

async function record(table: string, id: string) {
  return testDb
    .db('records')
    .where({ table_name: table, id })
    .first<{ version: string | number; data: Record<string, unknown> } | undefined>();
}

/** What a refusal must leave as it was: the rows and the log. */
async function serverState() {
  return { records: await countRows(testDb.db, 'records'), log: await countRows(testDb.db, 'change_log') };
}

const keyRow = (staffId: string) => ({
  staff_id: staffId,
  kind: 'webauthn',
  name: 'Основной',
  credential_id: uuidv7(),
  public_key: 'pQECAyYgASFYIA',
  revoked_at: null,
  revoked_by: null,
});
/** A recovery code row as desks on the old version pushed it (recovery codes no longer sync). */
const codeRow = (staffId: string) => ({
  staff_id: staffId,
  code_hash: 'a'.repeat(64),
  used_at: null,
  revoked_at: null,
});

describe('who may write what: the actor is checked against the server’s staff records', () => {
  it('refuses a change by someone the server does not know, such as a desk’s setup account', async () => {
    const before = await serverState();
    const results = await push(mutation({ actorId: uuidv7(), changed: newPatient() }));
    expect(statuses(results)).toEqual(['sync.actor_unknown']);
    expect(await serverState()).toEqual(before);
  });

  it('accepts the first admin, who creates themself, with their key in the same push', async () => {
    const adminKey = uuidv7();
    const results = await push(
      mutation({ table: 'staff', rowId: admin, actorId: admin, changed: staffRow('first.admin', 'admin') }),
      mutation({ table: 'staff_keys', rowId: adminKey, actorId: admin, changed: keyRow(admin) }),
      mutation({ table: 'staff', rowId: clerk, actorId: admin, changed: staffRow('front.clerk', 'clerk') }),
      mutation({ table: 'staff', rowId: doctor, actorId: admin, changed: staffRow('the.doctor', 'doctor') }),
    );
    expect(statuses(results)).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect((await record('staff', admin))?.data).toMatchObject({ login: 'first.admin', role: 'admin' });
    expect((await record('staff_keys', adminKey))?.data).toMatchObject({ staff_id: admin });
  });

  it('refuses a second “first admin” once the clinic has one, and a clerk making an admin', async () => {
    const before = await serverState();
    const selfMade = uuidv7();
    const results = await push(
      mutation({ table: 'staff', rowId: selfMade, actorId: selfMade, changed: staffRow('second.admin', 'admin') }),
      mutation({ table: 'staff', actorId: clerk, changed: staffRow('clerk.made.admin', 'admin') }),
    );
    expect(statuses(results)).toEqual(['sync.actor_unknown', 'sync.actor_forbidden']);
    expect(await serverState()).toEqual(before);
    expect(await record('staff', selfMade)).toBeUndefined();
  });

  it('lets a clerk write patients but not staff accounts, and a doctor neither', async () => {
    const before = await serverState();
    const refused = await push(
      mutation({ table: 'staff', rowId: doctor, baseVersion: 1, actorId: clerk, changed: { role: 'admin' } }),
      mutation({ table: 'staff_keys', actorId: clerk, changed: keyRow(doctor) }),
      mutation({ actorId: doctor, changed: newPatient() }),
    );
    expect(statuses(refused)).toEqual(['sync.actor_forbidden', 'sync.actor_forbidden', 'sync.actor_forbidden']);
    expect(await serverState()).toEqual(before);
    expect((await record('staff', doctor))?.data).toMatchObject({ role: 'doctor' });
    expect(statuses(await push(mutation({ actorId: clerk, changed: newPatient() })))).toEqual(['applied']);
  });

  it('keeps the admin out of patients: writing them is the clerk’s permission', async () => {
    expect(statuses(await push(mutation({ actorId: admin, changed: newPatient() })))).toEqual(['sync.actor_forbidden']);
  });

  it('lets a person change their own password, TOTP flag and keys, but not their own role', async () => {
    const version = Number((await record('staff', clerk))!.version);
    const ownKey = uuidv7();
    const results = await push(
      mutation({
        table: 'staff',
        rowId: clerk,
        baseVersion: version,
        actorId: clerk,
        changed: { password_hash: '$argon2id$new', must_change_password: 0 },
      }),
      mutation({
        table: 'staff',
        rowId: clerk,
        baseVersion: version,
        actorId: clerk,
        changed: { totp_enrolled_at: '2026-11-25T10:00:00.000Z' },
      }),
      mutation({ table: 'staff_keys', rowId: ownKey, actorId: clerk, changed: keyRow(clerk) }),
      mutation({ table: 'staff', rowId: clerk, baseVersion: version, actorId: clerk, changed: { role: 'admin' } }),
      mutation({ table: 'staff_keys', rowId: ownKey, baseVersion: 1, actorId: clerk, changed: { staff_id: doctor } }),
    );
    expect(statuses(results)).toEqual([
      'applied',
      'applied',
      'applied',
      'sync.actor_forbidden',
      'sync.actor_forbidden',
    ]);
    expect((await record('staff', clerk))?.data).toMatchObject({
      role: 'clerk',
      password_hash: '$argon2id$new',
      totp_enrolled_at: '2026-11-25T10:00:00.000Z',
    });
    expect((await record('staff_keys', ownKey))?.data).toMatchObject({ staff_id: clerk });
  });

  it('refuses a person the admin deactivated, from then on', async () => {
    const writer = uuidv7();
    await push(
      mutation({ table: 'staff', rowId: writer, actorId: admin, changed: staffRow('leaving.clerk', 'clerk') }),
    );
    expect(statuses(await push(mutation({ actorId: writer, changed: newPatient() })))).toEqual(['applied']);
    const version = Number((await record('staff', writer))!.version);
    await push(
      mutation({ table: 'staff', rowId: writer, baseVersion: version, actorId: admin, changed: { active: 0 } }),
    );
    expect(statuses(await push(mutation({ actorId: writer, changed: newPatient() })))).toEqual(['sync.actor_inactive']);
  });

  it('judges a refused change again when it is sent again after the actor’s account arrived', async () => {
    const late = uuidv7();
    const patient = mutation({ actorId: late, changed: newPatient() });
    expect(statuses(await push(patient))).toEqual(['sync.actor_unknown']);
    await push(mutation({ table: 'staff', rowId: late, actorId: admin, changed: staffRow('late.clerk', 'clerk') }));
    expect(statuses(await push(patient))).toEqual(['applied']);
  });

  it('refuses a second account with a login the clinic already has', async () => {
    const before = await serverState();
    const results = await push(
      mutation({ table: 'staff', actorId: admin, changed: staffRow('front.clerk', 'doctor') }),
    );
    expect(results).toEqual([
      expect.objectContaining({ status: 'refused', code: 'sync.staff_login_taken', field: 'login' }),
    ]);
    expect(await serverState()).toEqual(before);
  });
});

describe('one-way fields: whoever writes last', () => {
  it('keeps a revoked key revoked', async () => {
    const key = mutation({ table: 'staff_keys', actorId: clerk, changed: keyRow(clerk) });
    await push(key);
    const keyBase = Number((await record('staff_keys', key.rowId))!.version);
    const revokedAt = '2026-11-25T10:00:00.000Z';
    await push(
      mutation({
        table: 'staff_keys',
        rowId: key.rowId,
        baseVersion: keyBase,
        actorId: clerk,
        changed: { revoked_at: revokedAt, revoked_by: clerk },
      }),
    );
    // Another desk, which had not pulled, sends its own older view: an admin tries to undo it.
    const results = await push(
      mutation({
        table: 'staff_keys',
        rowId: key.rowId,
        baseVersion: keyBase,
        actorId: admin,
        changed: { revoked_at: null, revoked_by: null },
      }),
    );
    expect(statuses(results)).toEqual(['applied']);
    expect((await record('staff_keys', key.rowId))?.data).toMatchObject({ revoked_at: revokedAt, revoked_by: clerk });
  });
});

describe('second factors do not travel (issue 10, item 2)', () => {
  it('a desk still on the old version pushing a TOTP secret, its step or a recovery code is refused', async () => {
    const before = await serverState();
    const version = Number((await record('staff', clerk))!.version);
    const results = await push(
      mutation({
        table: 'staff',
        rowId: clerk,
        baseVersion: version,
        actorId: clerk,
        changed: { totp_secret: 'JBSWY3DPEHPK3PXP' },
      }),
      mutation({ table: 'staff', rowId: clerk, baseVersion: version, actorId: clerk, changed: { totp_last_step: 10 } }),
      mutation({ table: 'recovery_codes', actorId: clerk, changed: codeRow(clerk) }),
    );
    expect(results.map((r) => (r.status === 'refused' ? [r.code, r.field] : r.status))).toEqual([
      ['sync.field_not_allowed', 'totp_secret'],
      ['sync.field_not_allowed', 'totp_last_step'],
      ['sync.table_not_allowed', 'table'],
    ]);
    expect(await serverState()).toEqual(before);
    expect(JSON.stringify((await record('staff', clerk))?.data)).not.toContain('JBSWY3DPEHPK3PXP');
  });
});
