import { createHash } from 'node:crypto';
import { generateRegistrationOptions, verifyRegistrationResponse } from '@simplewebauthn/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { deriveTicketKey } from '../../../server/auth/ticket-key';
import { pushResponseSchema, type Mutation, type MutationResult } from '../../../shared/sync/protocol';
import { statementText, type ProvenSession } from '../../../shared/sync/session-proof';
import { SoftwareAuthenticator } from '../../support/software-authenticator';
import {
  countRows,
  enrolTestDevice,
  mutation,
  newPatient,
  signedBy,
  staffRow,
  testSession,
  testStaff,
  type TestDevice,
  type TestSession,
  openTestDb,
  startTestServer,
  useTestServer,
} from '../support/test-server';

// Issue 10, item 1: every synced change carries proof of who made it, and the server checks it.
const suite = useTestServer();
let deskA: TestDevice;
let deskB: TestDevice;

beforeAll(async () => {
  deskA = await enrolTestDevice(suite.db, suite.server, 'Регистратура A');
  deskB = await enrolTestDevice(suite.db, suite.server, 'Регистратура B');
}, 120_000);

const at = '2026-11-25T09:00:00.000Z';
const opened = new Date('2026-11-25T08:00:00.000Z');

/** Pushes exactly what is given (the entries' own sessions and signatures), with `sessions`. */
async function pushAs(desk: TestDevice, mutations: Mutation[], sessions: ProvenSession[]): Promise<MutationResult[]> {
  const reply = await desk.push(mutations, { sessions, unproven: true });
  expect(reply.status).toBe(200);
  return pushResponseSchema.parse(reply.json()).results;
}

const codes = (results: MutationResult[]) => results.map((r) => (r.status === 'refused' ? r.code : r.status));

async function serverState() {
  return {
    records: await countRows(suite.db, 'records'),
    log: await countRows(suite.db, 'change_log'),
    mutations: await countRows(suite.db, 'mutations'),
  };
}

/** One entry signed in `session`, pushed by `desk`: its one result, and that a refusal changed nothing. */
async function pushOne(desk: TestDevice, session: TestSession, entry: Mutation): Promise<string> {
  const before = await serverState();
  const [result] = await pushAs(desk, [signedBy(session, entry)], [session.proven]);
  const code = codes([result!])[0]!;
  if (code !== 'applied') expect(await serverState()).toEqual(before);
  return code;
}

describe('proof of who made a change', () => {
  it('desk B pushing as another person (the admin) is refused, with or without a session of its own', async () => {
    const clerkAtB = testSession(deskB.id, testStaff.clerk, opened);
    const promote = mutation({
      table: 'staff',
      rowId: testStaff.clerk,
      baseVersion: 1,
      actorId: testStaff.admin,
      changed: { role: 'admin', updated_by: testStaff.admin },
      at,
    });
    // The review's attack: the desk's device key alone, naming the admin.
    expect(codes(await pushAs(deskB, [promote], []))).toEqual(['sync.proof.missing']);
    // Signed by the clerk's own session at desk B, still naming the admin.
    expect(await pushOne(deskB, clerkAtB, promote)).toBe('sync.proof.actor_mismatch');
    const row = await suite.db('records').where({ table_name: 'staff', id: testStaff.clerk }).first();
    expect(JSON.stringify(row.data)).toContain('"role":"clerk"');
  });

  it('a clerk turned admin by their own proven session is refused: the proof is theirs, the right is not', async () => {
    const clerkAtB = testSession(deskB.id, testStaff.clerk, opened);
    const promote = mutation({
      table: 'staff',
      rowId: testStaff.clerk,
      baseVersion: 1,
      actorId: testStaff.clerk,
      changed: { role: 'admin', updated_by: testStaff.clerk },
      at,
    });
    expect(await pushOne(deskB, clerkAtB, promote)).toBe('sync.actor_forbidden');
  });

  it('a statement replayed from another device is refused (sync.proof.device_mismatch)', async () => {
    const clerkAtA = testSession(deskA.id, testStaff.clerk, opened);
    expect(await pushOne(deskB, clerkAtA, mutation({ changed: newPatient(), at }))).toBe('sync.proof.device_mismatch');
  });

  it('an expired statement is refused for entries after its expiry, and one issued in the future too', async () => {
    const clerkAtB = testSession(deskB.id, testStaff.clerk, opened);
    const late = mutation({ changed: newPatient(), at: '2026-11-26T01:00:00.000Z' });
    expect(await pushOne(deskB, clerkAtB, late)).toBe('sync.proof.expired');
    const future = testSession(deskB.id, testStaff.clerk, new Date(Date.now() + 3_600_000));
    const entry = mutation({ changed: newPatient(), at: new Date(Date.now() + 3_700_000).toISOString() });
    expect(await pushOne(deskB, future, entry)).toBe('sync.proof.expired');
  });

  it('a statement longer than a session may live is refused (sync.proof.expired)', async () => {
    const long = testSession(deskB.id, testStaff.clerk, opened, {
      statement: { expiresAt: '2026-11-30T08:00:00.000Z' },
    });
    expect(await pushOne(deskB, long, mutation({ changed: newPatient(), at }))).toBe('sync.proof.expired');
  });

  it('a tampered entry is refused (sync.proof.signature)', async () => {
    const clerkAtB = testSession(deskB.id, testStaff.clerk, opened);
    const signed = signedBy(clerkAtB, mutation({ changed: newPatient(), at }));
    const tampered = { ...signed, changed: { ...signed.changed, surname: 'Подменная' } };
    expect(codes(await pushAs(deskB, [tampered], [clerkAtB.proven]))).toEqual(['sync.proof.signature']);
  });

  it('a tampered entry among good ones is refused alone, each refused for what is checked first', async () => {
    // Signatures are checked before the change-log lock; the answers stay the in-order judgement's.
    const clerkAtB = testSession(deskB.id, testStaff.clerk, opened);
    const forged = testSession(deskB.id, testStaff.clerk, opened, { ticketKey: deriveTicketKey(Buffer.alloc(32, 9)) });
    const good = () => signedBy(clerkAtB, mutation({ changed: newPatient(), at }));
    const tamper = (entry: Mutation) => ({ ...entry, changed: { ...entry.changed, surname: 'Подменная' } });
    const pushed = [
      good(),
      tamper(good()),
      // Wrong actor and a bad signature: the actor is checked first.
      tamper(signedBy(clerkAtB, mutation({ changed: newPatient(), at, actorId: testStaff.otherClerk }))),
      // A forged ticket and a bad signature: the statement is judged first.
      tamper(signedBy(forged, mutation({ changed: newPatient(), at }))),
      good(),
    ];
    expect(codes(await pushAs(deskB, pushed, [clerkAtB.proven, forged.proven]))).toEqual([
      'applied',
      'sync.proof.signature',
      'sync.proof.actor_mismatch',
      'sync.proof.statement',
      'applied',
    ]);
  });

  it('an entry signed by a session of another person is refused (sync.proof.actor_mismatch)', async () => {
    const otherAtB = testSession(deskB.id, testStaff.otherClerk, opened);
    const entry = mutation({ changed: newPatient(), at, actorId: testStaff.clerk });
    expect(await pushOne(deskB, otherAtB, entry)).toBe('sync.proof.actor_mismatch');
  });

  it('a ticket not signed by this server is refused (sync.proof.statement)', async () => {
    const forged = testSession(deskB.id, testStaff.clerk, opened, {
      ticketKey: deriveTicketKey(Buffer.alloc(32, 7)),
    });
    expect(await pushOne(deskB, forged, mutation({ changed: newPatient(), at }))).toBe('sync.proof.statement');
  });

  it('updated_by naming someone else is refused (sync.proof.updated_by)', async () => {
    const clerkAtB = testSession(deskB.id, testStaff.clerk, opened);
    const entry = mutation({ changed: { ...newPatient(), updated_by: testStaff.otherClerk }, at });
    expect(await pushOne(deskB, clerkAtB, entry)).toBe('sync.proof.updated_by');
  });

  it('an entry naming a session the push does not carry is refused (sync.proof.missing)', async () => {
    const clerkAtB = testSession(deskB.id, testStaff.clerk, opened);
    const entry = signedBy(clerkAtB, mutation({ changed: newPatient(), at }));
    expect(codes(await pushAs(deskB, [entry], []))).toEqual(['sync.proof.missing']);
  });

  it('a session statement changed after it was verified is refused (sync.proof.statement)', async () => {
    const clerkAtB = testSession(deskB.id, testStaff.clerk, opened);
    expect(await pushOne(deskB, clerkAtB, mutation({ changed: newPatient(), at }))).toBe('applied');
    const stretched = testSession(deskB.id, testStaff.clerk, opened, {
      statement: { sessionId: clerkAtB.proven.statement.sessionId },
    });
    expect(await pushOne(deskB, stretched, mutation({ changed: newPatient(), at }))).toBe('sync.proof.statement');
  });

  it('an offline session’s changes are accepted when the desk reconnects, days later', async () => {
    const daysAgo = new Date(Date.now() - 3 * 24 * 3_600_000);
    const offline = testSession(deskB.id, testStaff.clerk, daysAgo);
    const entries = [1, 2, 3].map((minutes) =>
      signedBy(
        offline,
        mutation({ changed: newPatient(), at: new Date(daysAgo.getTime() + minutes * 60_000).toISOString() }),
      ),
    );
    expect(codes(await pushAs(deskB, entries, [offline.proven]))).toEqual(['applied', 'applied', 'applied']);
  });
});

describe('a session proven by the person’s FIDO2 key', () => {
  const origin = 'app://desk';
  let key: SoftwareAuthenticator;
  let credentialId: string;
  const keyRowId = uuidv7();

  beforeAll(async () => {
    key = new SoftwareAuthenticator({ origin });
    const options = await generateRegistrationOptions({
      rpID: 'desk',
      rpName: 'Medcard',
      userName: 'test.clerk',
      attestationType: 'none',
    });
    const answer = await key.create(options);
    const verified = await verifyRegistrationResponse({
      response: answer,
      expectedChallenge: options.challenge,
      expectedOrigin: origin,
      expectedRPID: 'desk',
      requireUserVerification: false,
    });
    credentialId = verified.registrationInfo!.credential.id;
    // The admin registers the clerk's key, in the admin's own proven session at desk A.
    const adminAtA = testSession(deskA.id, testStaff.admin, opened);
    const row = mutation({
      table: 'staff_keys',
      rowId: keyRowId,
      actorId: testStaff.admin,
      at,
      changed: {
        staff_id: testStaff.clerk,
        kind: 'webauthn',
        name: 'Основной',
        credential_id: credentialId,
        public_key: Buffer.from(verified.registrationInfo!.credential.publicKey).toString('base64url'),
      },
    });
    expect(await pushOne(deskA, adminAtA, row)).toBe('applied');
  }, 60_000);

  /** A session whose statement the key signed, as `beginSignIn` / `finishSignIn` make it. */
  async function keySession(staffId: string): Promise<TestSession> {
    const base = testSession(deskB.id, staffId, opened);
    const challenge = createHash('sha256').update(statementText(base.proven.statement)).digest('base64url');
    const answer = await key.get({
      challenge,
      rpId: 'desk',
      allowCredentials: [{ id: credentialId, type: 'public-key' }],
    });
    return {
      privateKey: base.privateKey,
      proven: {
        statement: base.proven.statement,
        proof: {
          kind: 'webauthn',
          credentialId: answer.id,
          clientDataJSON: answer.response.clientDataJSON,
          authenticatorData: answer.response.authenticatorData,
          signature: answer.response.signature,
        },
      },
    };
  }

  it('is accepted: the assertion over the statement by the person’s registered key', async () => {
    const session = await keySession(testStaff.clerk);
    expect(await pushOne(deskB, session, mutation({ changed: newPatient(), at }))).toBe('applied');
  });

  it('a key assertion presented for another person’s statement is refused (sync.proof.key_unknown)', async () => {
    const session = await keySession(testStaff.otherClerk);
    const entry = mutation({ changed: newPatient(), at, actorId: testStaff.otherClerk });
    expect(await pushOne(deskB, session, entry)).toBe('sync.proof.key_unknown');
  });

  it('an assertion over another statement is refused (sync.proof.statement)', async () => {
    const signedOne = await keySession(testStaff.clerk);
    const other = testSession(deskB.id, testStaff.clerk, opened);
    const swapped: TestSession = {
      privateKey: other.privateKey,
      proven: { ...other.proven, proof: signedOne.proven.proof },
    };
    expect(await pushOne(deskB, swapped, mutation({ changed: newPatient(), at }))).toBe('sync.proof.statement');
  });
});

describe('the first admin’s bootstrap', () => {
  it('creates themself without a session, but not a clerk', async () => {
    const db = await openTestDb();
    const own = await startTestServer(db.db);
    try {
      const desk = await enrolTestDevice(db.db, own, 'Новая клиника', { staff: false });
      const admin = uuidv7();
      const clerk = uuidv7();
      const reply = await desk.push(
        [
          mutation({
            table: 'staff',
            rowId: admin,
            actorId: admin,
            changed: { ...staffRow('first', 'admin'), created_by: admin },
          }),
          mutation({ table: 'staff', rowId: clerk, actorId: admin, changed: staffRow('clerk', 'clerk') }),
        ],
        { unproven: true },
      );
      expect(codes(pushResponseSchema.parse(reply.json()).results)).toEqual(['applied', 'sync.proof.missing']);
    } finally {
      await own.close();
      await db.cleanup();
    }
  }, 60_000);
});
