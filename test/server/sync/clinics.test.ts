import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClinic, defaultClinicId, issuePortalToken } from '../../../server/clinics/clinics';
import { listDevices } from '../../../server/devices/devices';
import { pullResponseSchema, snapshotResponseSchema } from '../../../shared/sync/protocol';
import { acceptedConsent, enrolledPatient, outcomes, pushAs } from '../portal/portal-setup';
import { openChangeEvents } from '../support/change-events';
import {
  enrolTestDevice,
  mutation,
  newPatient,
  staffRow,
  testStaff,
  type TestDevice,
  useTestServer,
} from '../support/test-server';

/**
 * Two clinics on one server (issue 10, item 6): clinic A is the default one every install has,
 * clinic B is added as the CLI adds it. Neither sees the other's rows, blobs, events or portal.
 */
const suite = useTestServer(() => ({ portalToken: portalTokenA }));
let deskA: TestDevice;
let deskB: TestDevice;
let clinicB: string;
const portalTokenA = 'a'.repeat(40);
let portalTokenB: string;

/** Clinic B's own people: its first admin creates themself, then a clerk. */
const staffB = { admin: uuidv7(), clerk: uuidv7() };

beforeAll(async () => {
  deskA = await enrolTestDevice(suite.db, suite.server, 'A');
  clinicB = (await createClinic(suite.db, 'Клиника Б', new Date())).id;
  portalTokenB = await issuePortalToken(suite.db, clinicB);
  deskB = await enrolTestDevice(suite.db, suite.server, 'B', { staff: false, clinicId: clinicB });
  const seeded = await pushAs(
    deskB,
    mutation({ table: 'staff', rowId: staffB.admin, actorId: staffB.admin, changed: staffRow('b.admin', 'admin') }),
    // The same login as clinic A's clerk: logins are unique within a clinic.
    mutation({ table: 'staff', rowId: staffB.clerk, actorId: staffB.admin, changed: staffRow('test.clerk', 'clerk') }),
  );
  expect(outcomes(seeded)).toEqual(['applied', 'applied']);
}, 60_000);

const patientOfB = () => mutation({ actorId: staffB.clerk, changed: newPatient() });

async function pullAll(desk: TestDevice) {
  const page = pullResponseSchema.parse((await desk.get('/v1/sync/pull?since=0&limit=1000')).json());
  return page.changes;
}

describe('two clinics on one server', () => {
  it('enrols a device into the clinic of its code', async () => {
    const defaultClinic = await defaultClinicId(suite.db);
    expect((await listDevices(suite.db, clinicB)).map((device) => device.id)).toEqual([deskB.id]);
    expect((await listDevices(suite.db, defaultClinic)).map((device) => device.id)).toEqual([deskA.id]);
  });

  it('a desk of one clinic pulls and snapshots none of the other’s rows', async () => {
    const patientA = await enrolledPatient(deskA);
    const patientB = patientOfB();
    expect(outcomes(await pushAs(deskB, patientB))).toEqual(['applied']);

    const pulledByB = await pullAll(deskB);
    expect(pulledByB.map((change) => change.rowId)).toContain(patientB.rowId);
    expect(pulledByB.map((change) => change.rowId)).not.toContain(patientA);
    expect(pulledByB.map((change) => change.rowId)).not.toContain(testStaff.clerk);
    const pulledByA = await pullAll(deskA);
    expect(pulledByA.map((change) => change.rowId)).toContain(patientA);
    expect(pulledByA.map((change) => change.rowId)).not.toContain(patientB.rowId);

    const snapshot = snapshotResponseSchema.parse((await deskB.get('/v1/sync/snapshot?limit=1000')).json());
    const ids = snapshot.rows.map((row) => row.rowId);
    expect(ids).toContain(patientB.rowId);
    expect(ids).not.toContain(patientA);
    expect(snapshot.total).toBe(snapshot.rows.length);
  });

  it('a desk of clinic B writing a row id that exists in clinic A is refused and A’s row stays as it was', async () => {
    const patientA = await enrolledPatient(deskA);
    const before = await suite.db('records').where({ table_name: 'patients', id: patientA }).first();
    const overwrite = mutation({
      rowId: patientA,
      actorId: staffB.clerk,
      baseVersion: Number(before.version),
      changed: { surname: 'Подменова' },
    });
    const create = mutation({ rowId: patientA, actorId: staffB.clerk, changed: newPatient() });
    expect(outcomes(await pushAs(deskB, overwrite, create))).toEqual(['clinic.row_foreign', 'clinic.row_foreign']);
    const after = await suite.db('records').where({ table_name: 'patients', id: patientA }).first();
    expect(after).toEqual(before);
    expect(await suite.db('mutations').whereIn('mutation_id', [overwrite.mutationId, create.mutationId])).toEqual([]);
  });

  it('a desk of clinic B acting as a person of clinic A is refused as unknown', async () => {
    const asClerkOfA = mutation({ actorId: testStaff.clerk, changed: newPatient() });
    expect(outcomes(await pushAs(deskB, asClerkOfA))).toEqual(['sync.actor_unknown']);
    expect(await suite.db('records').where({ id: asClerkOfA.rowId })).toEqual([]);
  });

  it('a blob is found by its hash only in the clinic that uploaded it', async () => {
    const content = Buffer.from(`паспорт клиники А ${uuidv7()}`);
    const hash = createHash('sha256').update(content).digest('hex');
    const put = (desk: TestDevice) => desk.send('PUT', `/v1/blobs/${hash}?offset=0&complete=1`, { raw: content });
    expect((await put(deskA)).status).toBe(200);
    expect((await deskA.get(`/v1/blobs/${hash}`)).body).toEqual(content);

    expect((await deskB.send('HEAD', `/v1/blobs/${hash}`)).status).toBe(404);
    const fetched = await deskB.get(`/v1/blobs/${hash}`);
    expect(fetched.status).toBe(404);
    expect(fetched.json()).toMatchObject({ code: 'sync.blob.not_found' });
    // B uploading the same content makes B's own copy; A's stays A's.
    expect((await put(deskB)).status).toBe(200);
    expect(await suite.db('blobs').where({ sha256: hash }).orderBy('clinic_id')).toHaveLength(2);
  });

  it('a desk hears of its own clinic’s changes only', async () => {
    const eventsB = await openChangeEvents(deskB);
    try {
      const patientA = await enrolledPatient(deskA);
      const seqA = Number((await suite.db('records').where({ id: patientA }).first()).version);
      const patientB = patientOfB();
      const [applied] = await pushAs(deskB, patientB);
      if (applied?.status !== 'applied') throw new Error('clinic B’s patient was not applied');
      await eventsB.reach(applied.version);
      expect(eventsB.seen).not.toContain(seqA);
      expect(Math.max(...eventsB.seen)).toBe(applied.version);
    } finally {
      eventsB.close();
    }
  });

  it('each clinic’s portal knows its own patients only', async () => {
    const patientA = await enrolledPatient(deskA);
    await acceptedConsent(deskA, patientA);
    const ask = (token: string) =>
      fetch(`${suite.server.origin}/v1/portal/patients/${patientA}/access`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const byA = await ask(portalTokenA);
    expect(byA.status).toBe(200);
    const byB = await ask(portalTokenB);
    expect(byB.status).toBe(404);
    expect(await byB.json()).toMatchObject({ code: 'portal.patient_unknown' });
    const attempt = await fetch(`${suite.server.origin}/v1/portal/identity-attempts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${portalTokenB}`, 'content-type': 'application/json' },
      body: JSON.stringify({ patientId: patientA, method: 'sms_code', outcome: 'failed' }),
    });
    expect(attempt.status).toBe(404);
    expect(await suite.db('portal_identity_attempts').where({ patient_id: patientA })).toEqual([]);
    const checks = await suite.db('portal_access_checks').where({ patient_id: patientA }).orderBy('id');
    expect(checks.map((check: { clinic_id: string }) => check.clinic_id)).toEqual([
      await defaultClinicId(suite.db),
      clinicB,
    ]);
  });
});
