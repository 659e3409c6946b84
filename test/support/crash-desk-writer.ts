/**
 * The desk's writer for the crash loop (test/crash/, bench/crash-loop.bench.ts): a child process
 * that opens a real SQLCipher desk and writes bursts through the services the calls run (patients enrolled and
 * their contacts changed: each write a row, its audit event and its outbox entry in one
 * transaction) until it is killed. It prints one JSON line per write once the write's transaction
 * has committed — an acknowledged write — and nothing else on stdout.
 *
 * Environment (never argv: the key is a secret): MEDCARD_DB_KEY (hex), CRASH_DESK_DB (the file),
 * CRASH_STAFF_ID (the clerk the server knows), CRASH_TICKET_SEED (hex: the test server's key, so
 * this run's session is proven as after a sign-in), CRASH_RUN (this start's number: enrolments'
 * identifiers never repeat across starts), CRASH_SEED (the burst sizes, pauses and choices).
 */
import { generateKeyPairSync } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { sessionFromKey } from '../../electron/auth/session-keys';
import { actingContext } from '../../electron/core/fixed-actor-context';
import { ensureWorkstation } from '../../electron/core/workstation';
import { createPatient } from '../../electron/services/patients/create-patient';
import { updateContacts } from '../../electron/services/patients/update-contacts';
import { parseHexKey } from '../../electron/store/key-source';
import { recordProvenSession } from '../../electron/store/local-writers/proven-sessions';
import { openStore } from '../../electron/store/open-store';
import { readSyncIdentity } from '../../electron/sync/sync-settings';
import { deriveTicketKey } from '../../server/auth/ticket-key';
import { contactUpdateSchema } from '../../shared/api/patient-calls';
import { patientDraftSchema } from '../../shared/domain/patient';
import { maxSessionMs, type ProvenSession, type SessionStatement } from '../../shared/sync/session-proof';
import { seeded } from '../shared/domain/identifiers/reference-identifiers';
import { crashWritePhone, crashWriteSnils, crashWriteSurname, type CrashWrite } from './crash-writes';
import { draft } from './fixtures';
import { fixedClock } from './temp-desk';

const env = z
  .object({
    MEDCARD_DB_KEY: z.string().regex(/^[0-9a-f]{64}$/i),
    CRASH_DESK_DB: z.string().min(1),
    CRASH_STAFF_ID: z.uuid(),
    CRASH_TICKET_SEED: z.string().regex(/^[0-9a-f]{64}$/i),
    CRASH_RUN: z.coerce.number().int().min(0),
    CRASH_SEED: z.coerce.number().int(),
  })
  .parse(process.env);

const store = await openStore({ path: env.CRASH_DESK_DB, key: parseHexKey(env.MEDCARD_DB_KEY), create: false });
const now = fixedClock.now();
const desk = ensureWorkstation(store, now, 'crash-desk');
// A sign-in after every start, as a person's after the desk came back: a new session key, its
// statement vouched for by a ticket of the server's key (what test-server.ts's `testSession` makes;
// not imported, so that each start of this process loads only the desk's code).
const serverDeviceId = store.transaction((tx) => readSyncIdentity(tx)?.deviceId);
if (!serverDeviceId) throw new Error('the crash desk is not enrolled');
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const issuedAt = new Date(now.getTime() - 60_000);
const statement: SessionStatement = {
  v: 1,
  sessionId: uuidv7(),
  staffId: env.CRASH_STAFF_ID,
  deviceId: serverDeviceId,
  publicKey: String(publicKey.export({ format: 'jwk' }).x),
  issuedAt: issuedAt.toISOString(),
  expiresAt: new Date(issuedAt.getTime() + maxSessionMs).toISOString(),
};
const ticketKey = deriveTicketKey(Buffer.from(env.CRASH_TICKET_SEED, 'hex'));
const proven: ProvenSession = {
  statement,
  proof: { kind: 'ticket', factor: 'totp', signature: ticketKey.sign(statement, 'totp') },
};
store.transaction((tx) => recordProvenSession(tx, proven, now.toISOString()));
const ctx = actingContext({
  store,
  clock: fixedClock,
  actor: {
    staffId: env.CRASH_STAFF_ID,
    kind: 'person',
    displayName: 'Регистратор Аварийный',
    role: 'clerk',
    deviceId: desk.deviceId,
    deviceName: desk.deviceName,
    signer: sessionFromKey(proven, privateKey).signer,
  },
});

const random = seeded(env.CRASH_SEED);
const patients = store.read((tx) => tx.all<{ id: string }>('SELECT id FROM patients').map((row) => row.id));
let written = 0;

function writeOne(): CrashWrite {
  const n = env.CRASH_RUN * 1_000_000 + written;
  written += 1;
  const target = patients[Math.floor(random() * patients.length)];
  if (target === undefined || random() < 0.5) {
    const input = draft({ surname: crashWriteSurname(n), snils: crashWriteSnils(n), phone: crashWritePhone(n) });
    const patient = createPatient(ctx, patientDraftSchema.parse(input));
    patients.push(patient.id);
    return { op: 'create', id: patient.id, surname: patient.surname, phone: patient.phone ?? null };
  }
  const { patient } = updateContacts(ctx, contactUpdateSchema.parse({ id: target, phone: crashWritePhone(n) }));
  return { op: 'update', id: patient.id, surname: patient.surname, phone: patient.phone ?? null };
}

// Ready: the parent's random delay until the kill counts from here.
process.stdout.write('ready\n');
for (;;) {
  const burst = 1 + Math.floor(random() * 20);
  for (let i = 0; i < burst; i += 1) {
    const write = writeOne();
    // Written only now, after the transaction committed: this line is the acknowledgement.
    process.stdout.write(`${JSON.stringify(write)}\n`);
  }
  await sleep(Math.floor(random() * 5));
}
