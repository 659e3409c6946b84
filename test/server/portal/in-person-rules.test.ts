import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { accessOf, reportAttempt, testPortalToken } from '../../support/portal-client';
import {
  enrolTestDevice,
  mutation,
  openTestDb,
  staffRow,
  startTestServer,
  testStaff,
  type TestDb,
  type TestDevice,
  type TestServer,
} from '../support/test-server';
import { acceptedConsent, enrolledPatient, outcomes, pushAs } from './portal-setup';

let testDb: TestDb;
let server: TestServer;
let desk: TestDevice;
const doctor = uuidv7();

beforeAll(async () => {
  testDb = await openTestDb();
  server = await startTestServer(testDb.db, { portalToken: testPortalToken });
  desk = await enrolTestDevice(testDb.db, server);
  const made = await pushAs(
    desk,
    mutation({ table: 'staff', rowId: doctor, actorId: testStaff.admin, changed: staffRow('test.doctor', 'doctor') }),
  );
  expect(outcomes(made)).toEqual(['applied']);
}, 180_000);
afterAll(async () => {
  await server?.close();
  await testDb?.cleanup();
}, 180_000);

async function identityRecord(patientId: string) {
  const row = await testDb
    .db('records')
    .where({ table_name: 'online_identity' })
    .whereRaw("data->>'patient_id' = ?", [patientId])
    .first();
  return row as { id: string; version: string | number; data: Record<string, unknown> };
}

/** A patient whose online confirmation the portal locked after three failures. */
async function lockedPatient(): Promise<{ patientId: string; rowId: string; version: number }> {
  const patientId = await enrolledPatient(desk);
  for (let i = 0; i < 3; i += 1) await reportAttempt(server.origin, patientId, 'failed');
  const row = await identityRecord(patientId);
  return { patientId, rowId: row.id, version: Number(row.version) };
}

const passport = JSON.stringify([{ type: 'passport', number: '4508 123456', documentId: null }]);

/** The in-person verification as a desk's outbox sends it. */
function verification(
  target: { rowId: string; version: number },
  changed: Record<string, string | number | null> = {},
  actorId: string = testStaff.clerk,
) {
  return mutation({
    table: 'online_identity',
    rowId: target.rowId,
    baseVersion: target.version,
    actorId,
    changed: {
      status: 'verified_in_person',
      verified_at: '2026-11-25T10:00:00.000Z',
      verified_by: actorId,
      documents_seen: passport,
      scan_ids: '[]',
      note: null,
      updated_at: '2026-11-25T10:00:00.000Z',
      updated_by: actorId,
      device_id: desk.id,
      ...changed,
    },
  });
}

describe('what a desk may do with online identity (B6)', () => {
  it('a clerk’s verification of a locked patient unlocks them: the server clears the failures, and access opens with a consent', async () => {
    const locked = await lockedPatient();
    await acceptedConsent(desk, locked.patientId);
    expect((await accessOf(server.origin, locked.patientId)).body.allowed).toBe(false);
    expect(outcomes(await pushAs(desk, verification(locked)))).toEqual(['applied']);
    const row = await identityRecord(locked.patientId);
    expect(row.data).toMatchObject({
      status: 'verified_in_person',
      failed_attempts: 0,
      verified_by: testStaff.clerk,
      documents_seen: passport,
    });
    const log = await testDb
      .db('change_log')
      .where({ table_name: 'online_identity', row_id: locked.rowId })
      .orderBy('seq')
      .select('device_id', 'actor_id');
    // Three failures and the reset by the server; the verification by the desk's clerk.
    expect(log.map((entry) => entry.actor_id)).toEqual([null, null, null, testStaff.clerk, null]);
    expect((await accessOf(server.origin, locked.patientId)).body).toMatchObject({
      allowed: true,
      identity: { status: 'verified_in_person', failedAttempts: 0 },
    });
    // And the portal may count attempts again.
    expect((await reportAttempt(server.origin, locked.patientId, 'failed')).body).toMatchObject({
      status: 'verified_in_person',
      failedAttempts: 1,
    });
  });

  it('a doctor may not verify (no patients.write)', async () => {
    const locked = await lockedPatient();
    expect(outcomes(await pushAs(desk, verification(locked, {}, doctor)))).toEqual(['sync.actor_forbidden']);
    expect((await identityRecord(locked.patientId)).data.status).toBe('locked');
  });

  it('refuses a verification without documents, or without a photo ID, naming documents_seen', async () => {
    const locked = await lockedPatient();
    const empty = await pushAs(desk, verification(locked, { documents_seen: '[]' }));
    expect(empty[0]).toMatchObject({
      status: 'refused',
      code: 'verification.documents_required',
      field: 'documents_seen',
    });
    const missing = await pushAs(desk, verification(locked, { documents_seen: null }));
    expect(missing[0]).toMatchObject({ status: 'refused', code: 'verification.documents_required' });
    const snilsOnly = await pushAs(
      desk,
      verification(locked, { documents_seen: JSON.stringify([{ type: 'snils', number: '112-233-445 95' }]) }),
    );
    expect(snilsOnly[0]).toMatchObject({ status: 'refused', code: 'verification.photo_id_required' });
    expect((await identityRecord(locked.patientId)).data.status).toBe('locked');
  });

  it('refuses verifying a patient who is not locked, and a second verification', async () => {
    const patientId = await enrolledPatient(desk);
    await reportAttempt(server.origin, patientId, 'failed');
    const row = await identityRecord(patientId);
    const notLocked = await pushAs(desk, verification({ rowId: row.id, version: Number(row.version) }));
    expect(notLocked[0]).toMatchObject({ status: 'refused', code: 'verification.not_locked' });

    const locked = await lockedPatient();
    expect(outcomes(await pushAs(desk, verification(locked)))).toEqual(['applied']);
    expect(outcomes(await pushAs(desk, verification(locked, {}, testStaff.otherClerk)))).toEqual([
      'verification.not_locked',
    ]);
  });

  it('refuses any other move, a verifier other than the actor, server fields and a row the desk makes', async () => {
    const locked = await lockedPatient();
    expect(outcomes(await pushAs(desk, verification(locked, { status: 'confirmed_online' })))).toEqual([
      'verification.status_forbidden',
    ]);
    expect(outcomes(await pushAs(desk, verification(locked, { verified_by: testStaff.otherClerk })))).toEqual([
      'verification.verifier_mismatch',
    ]);
    const counter = await pushAs(desk, verification(locked, { failed_attempts: 0 }));
    expect(counter[0]).toMatchObject({ code: 'verification.field_forbidden', field: 'failed_attempts' });
    const patientId = await enrolledPatient(desk);
    const made = await pushAs(
      desk,
      mutation({
        table: 'online_identity',
        changed: { patient_id: patientId, status: 'verified_in_person', verified_by: testStaff.clerk },
      }),
    );
    expect(outcomes(made)).toEqual(['verification.not_creatable']);
    expect((await identityRecord(locked.patientId)).data).toMatchObject({ status: 'locked', failed_attempts: 3 });
  });
});
