/**
 * The desk's writer for the crash loop (test/crash/, bench/crash-loop.bench.ts): a child process
 * that opens a real SQLCipher desk and writes bursts through the services the calls run (patients enrolled and
 * their contacts changed: each write a row, its audit event and its outbox entry in one
 * transaction) until it is killed. It prints one JSON line per write once the write's transaction
 * has committed — an acknowledged write — and nothing else on stdout.
 *
 * Environment (never argv: the keys are secrets): MEDCARD_DB_KEY (hex), CRASH_DESK_DB (the file),
 * CRASH_SESSION (JSON: the clerk's proven session for this start, as after a sign-in — the
 * parent's `testSession`) and CRASH_SESSION_KEY (its private key, PKCS#8 DER in base64), CRASH_RUN
 * (this start's number: enrolments' identifiers never repeat across starts), CRASH_SEED (the burst
 * sizes, pauses and choices).
 */
import { createPrivateKey } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { sessionFromKey } from '../../electron/auth/session-keys';
import { actingContext } from '../../electron/core/fixed-actor-context';
import { ensureWorkstation } from '../../electron/core/workstation';
import { createPatient } from '../../electron/services/patients/create-patient';
import { updateContacts } from '../../electron/services/patients/update-contacts';
import { parseHexKey } from '../../electron/store/key-source';
import { recordProvenSession } from '../../electron/store/local-writers/proven-sessions';
import { openStore } from '../../electron/store/open-store';
import { contactUpdateSchema } from '../../shared/api/patient-calls';
import { patientDraftSchema } from '../../shared/domain/patient';
import { provenSessionSchema } from '../../shared/sync/session-proof';
import { seeded } from '../shared/domain/identifiers/reference-identifiers';
import { crashWritePhone, crashWriteSnils, crashWriteSurname, type CrashWrite } from './crash-writes';
import { draft } from './fixtures';
import { fixedClock } from './temp-desk';

const env = z
  .object({
    MEDCARD_DB_KEY: z.string().regex(/^[0-9a-f]{64}$/i),
    CRASH_DESK_DB: z.string().min(1),
    CRASH_SESSION: z.string().transform((text) => provenSessionSchema.parse(JSON.parse(text))),
    CRASH_SESSION_KEY: z.base64(),
    CRASH_RUN: z.coerce.number().int().min(0),
    CRASH_SEED: z.coerce.number().int(),
  })
  .parse(process.env);

const store = await openStore({ path: env.CRASH_DESK_DB, key: parseHexKey(env.MEDCARD_DB_KEY), create: false });
const now = fixedClock.now();
const desk = ensureWorkstation(store, now, 'crash-desk');
// A sign-in after every start, as a person's after the desk came back: a new session, its
// statement vouched for by a ticket of the server's key.
const proven = env.CRASH_SESSION;
const privateKey = createPrivateKey({
  key: Buffer.from(env.CRASH_SESSION_KEY, 'base64'),
  format: 'der',
  type: 'pkcs8',
});
store.transaction((tx) => recordProvenSession(tx, proven, now.toISOString()));
const ctx = actingContext({
  store,
  clock: fixedClock,
  actor: {
    staffId: proven.statement.staffId,
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
