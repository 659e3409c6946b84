import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { enrolledPatient, outcomes, pushAs } from '../portal/portal-setup';
import { enrolTestDevice, mutation, staffRow, testStaff, useTestServer, type TestDevice } from '../support/test-server';

const running = useTestServer();
let desk: TestDevice;
const doctor = uuidv7();

beforeAll(async () => {
  desk = await enrolTestDevice(running.db, running.server);
  const made = await pushAs(
    desk,
    mutation({ table: 'staff', rowId: doctor, actorId: testStaff.admin, changed: staffRow('test.doctor', 'doctor') }),
  );
  expect(outcomes(made)).toEqual(['applied']);
}, 180_000);

/** A history row as the desk's outbox sends it after a clerk changed the phone. */
function contactChange(
  patientId: string,
  changed: Record<string, string | number | null> = {},
  options: { actorId?: string; rowId?: string; baseVersion?: number } = {},
) {
  const actorId = options.actorId ?? testStaff.clerk;
  return mutation({
    table: 'contact_changes',
    actorId,
    ...(options.rowId === undefined ? {} : { rowId: options.rowId }),
    ...(options.baseVersion === undefined ? {} : { baseVersion: options.baseVersion }),
    changed: {
      patient_id: patientId,
      field: 'phone',
      old_value: '+79161234567',
      new_value: '+79037654321',
      changed_at: '2026-11-25T09:00:00.000Z',
      changed_by: actorId,
      created_at: '2026-11-25T09:00:00.000Z',
      created_by: actorId,
      updated_at: '2026-11-25T09:00:00.000Z',
      updated_by: actorId,
      device_id: desk.id,
      ...changed,
    },
  });
}

async function historyOf(patientId: string) {
  return running
    .db('records')
    .where({ table_name: 'contact_changes' })
    .whereRaw("data->>'patient_id' = ?", [patientId])
    .select('id', 'data');
}

describe('contact history rows on the server (B1)', () => {
  it('takes a clerk’s change with the card’s new phone, and the change reaches other desks’ feed', async () => {
    const patientId = await enrolledPatient(desk);
    const card = mutation({ rowId: patientId, baseVersion: 1, changed: { phone: '+79037654321' } });
    expect(outcomes(await pushAs(desk, card, contactChange(patientId)))).toEqual(['applied', 'applied']);
    const rows = await historyOf(patientId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.data).toMatchObject({
      field: 'phone',
      old_value: '+79161234567',
      new_value: '+79037654321',
      changed_by: testStaff.clerk,
    });
    const log = await running.db('change_log').where({ table_name: 'contact_changes', row_id: rows[0]!.id });
    expect(log).toHaveLength(1);
  });

  it('never changes a history row once written', async () => {
    const patientId = await enrolledPatient(desk);
    const rowId = uuidv7();
    expect(outcomes(await pushAs(desk, contactChange(patientId, {}, { rowId })))).toEqual(['applied']);
    const rewrite = contactChange(patientId, { old_value: '+79990000000' }, { rowId, baseVersion: 1 });
    expect(await pushAs(desk, rewrite)).toEqual([
      expect.objectContaining({ status: 'refused', code: 'patient.contact_change.immutable' }),
    ]);
    expect((await historyOf(patientId))[0]!.data).toMatchObject({ old_value: '+79161234567' });
  });

  it('refuses a field that is not a contact, naming it', async () => {
    const patientId = await enrolledPatient(desk);
    expect(await pushAs(desk, contactChange(patientId, { field: 'snils' }))).toEqual([
      expect.objectContaining({ status: 'refused', code: 'patient.contact_change.field', field: 'field' }),
    ]);
    expect(await historyOf(patientId)).toHaveLength(0);
  });

  it('refuses a row that names someone other than its writer as the one who changed the contacts', async () => {
    const patientId = await enrolledPatient(desk);
    expect(await pushAs(desk, contactChange(patientId, { changed_by: testStaff.otherClerk }))).toEqual([
      expect.objectContaining({ status: 'refused', code: 'patient.contact_change.author', field: 'changed_by' }),
    ]);
    expect(await historyOf(patientId)).toHaveLength(0);
  });

  it('a doctor may not write contact history (no patients.write)', async () => {
    const patientId = await enrolledPatient(desk);
    expect(outcomes(await pushAs(desk, contactChange(patientId, {}, { actorId: doctor })))).toEqual([
      'sync.actor_forbidden',
    ]);
  });
});
