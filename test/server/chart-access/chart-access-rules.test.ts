import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultClinicId } from '../../../server/clinics/clinics';
import { withChangeLog } from '../../../server/sync/change-log';
import { writeServerRow } from '../../../server/sync/server-rows';
import type { Mutation } from '../../../shared/sync/protocol';
import { at, deskChange, openChartDesk, rowOf, type ChartDesk } from '../chart/report-setup';
import { enrolledPatient, outcomes, pushAs } from '../portal/portal-setup';
import { mutation, staffRow, testStaff, useTestServer } from '../support/test-server';

const running = useTestServer();
let chart: ChartDesk;
let auditor: string;
const credential = 'cred-of-the-doctor';
const court = 'Решение суда № 2-123/2026 от 01.12.2026';

beforeAll(async () => {
  chart = await openChartDesk(running.db, running.server);
  auditor = uuidv7();
  const made = await pushAs(
    chart.desk,
    mutation({
      table: 'staff',
      rowId: auditor,
      actorId: testStaff.admin,
      changed: staffRow('test.auditor', 'auditor'),
    }),
  );
  expect(outcomes(made)).toEqual(['applied']);
  // The doctor's enrolled key, as the clinic's server holds it.
  const clinicId = await defaultClinicId(running.db);
  await withChangeLog(running.db, { now: new Date(), clinicId }, (log) =>
    writeServerRow(
      log,
      'staff_keys',
      uuidv7(),
      undefined,
      { staff_id: chart.doctor, kind: 'webauthn', name: 'Основной', credential_id: credential, revoked_at: null },
      at,
    ),
  );
}, 180_000);

const stamps = (actorId: string) => ({
  created_at: at,
  created_by: actorId,
  updated_at: at,
  updated_by: actorId,
  device_id: chart.desk.id,
});

function restriction(patientId: string, changed: Mutation['changed'] = {}, actorId = chart.doctor): Mutation {
  return mutation({
    table: 'record_restrictions',
    actorId,
    changed: {
      patient_id: patientId,
      entry_id: null,
      reason: 'court_order',
      basis: court,
      note: null,
      decided_at: at,
      decided_by: actorId,
      lifted_at: null,
      lifted_by: null,
      lift_reason: null,
      ...stamps(actorId),
      ...changed,
    },
  });
}

function grant(patientId: string, changed: Mutation['changed'] = {}, actorId = chart.doctor): Mutation {
  return mutation({
    table: 'emergency_access',
    actorId,
    changed: {
      patient_id: patientId,
      staff_id: actorId,
      entry_id: null,
      reason_code: 'unconscious',
      reason_text: 'Доставлен без сознания, нужен анамнез',
      started_at: at,
      expires_at: '2026-11-26T09:00:00.000Z',
      credential_id: credential,
      review_verdict: null,
      reviewed_at: null,
      reviewed_by: null,
      review_note: null,
      ...stamps(actorId),
      ...changed,
    },
  });
}

describe('restrictions as desks push them (F4)', () => {
  it('a doctor’s restriction with a lawful reason and its basis is applied; others are refused', async () => {
    const patientId = await enrolledPatient(chart.desk);
    const results = await pushAs(
      chart.desk,
      restriction(patientId, { basis: '' }),
      restriction(patientId, { reason: 'curiosity' }),
      restriction(patientId, { decided_by: chart.otherDoctor }),
      restriction(patientId, {}, testStaff.clerk),
      restriction(patientId),
    );
    expect(outcomes(results)).toEqual([
      'chart.restriction.basis',
      'chart.restriction.reason',
      'chart.restriction.actor_mismatch',
      'sync.actor_forbidden',
      'applied',
    ]);
  });

  it('is lifted once, with a reason, and never rewritten', async () => {
    const patientId = await enrolledPatient(chart.desk);
    const made = restriction(patientId);
    expect(outcomes(await pushAs(chart.desk, made))).toEqual(['applied']);
    const rewrite = await deskChange(chart, 'record_restrictions', made.rowId, { basis: 'Другое основание документа' });
    expect(outcomes(await pushAs(chart.desk, rewrite))).toEqual(['chart.restriction.field_fixed']);
    const lift = (reason: string) =>
      deskChange(chart, 'record_restrictions', made.rowId, {
        lifted_at: new Date().toISOString(),
        lifted_by: chart.doctor,
        lift_reason: reason,
      });
    expect(outcomes(await pushAs(chart.desk, await lift('')))).toEqual(['chart.restriction.lift_reason']);
    expect(outcomes(await pushAs(chart.desk, await lift('Решение суда отменено')))).toEqual(['applied']);
    expect(outcomes(await pushAs(chart.desk, await lift('Снимаю ещё раз')))).toEqual(['chart.restriction.lifted']);
    expect((await rowOf(chart.db, 'record_restrictions', made.rowId)).data).toMatchObject({
      lift_reason: 'Решение суда отменено',
    });
  });
});

describe('break-the-glass grants as desks push them (F4)', () => {
  it('needs the pusher’s own grant, a reason, their own key and a period within the maximum', async () => {
    const patientId = await enrolledPatient(chart.desk);
    const results = await pushAs(
      chart.desk,
      grant(patientId, { staff_id: chart.otherDoctor }),
      grant(patientId, { reason_text: 'срочно' }),
      grant(patientId, { reason_code: 'bored' }),
      grant(patientId, { credential_id: 'someone-elses-key' }),
      grant(patientId, {}, chart.otherDoctor),
      grant(patientId, { expires_at: '2026-11-29T09:00:01.000Z' }),
      grant(patientId, {}, testStaff.clerk),
      grant(patientId),
    );
    expect(outcomes(results)).toEqual([
      'chart.emergency.actor_mismatch',
      'chart.emergency.reason',
      'chart.emergency.reason',
      'chart.emergency.key_unknown',
      'chart.emergency.key_unknown',
      'chart.emergency.period',
      'sync.actor_forbidden',
      'applied',
    ]);
  });

  it('the verdict is the auditor’s, once; an unjustified one needs a note', async () => {
    const patientId = await enrolledPatient(chart.desk);
    const made = grant(patientId);
    expect(outcomes(await pushAs(chart.desk, made))).toEqual(['applied']);
    const verdict = (changed: Mutation['changed'], actorId = auditor) =>
      deskChange(
        chart,
        'emergency_access',
        made.rowId,
        { reviewed_at: new Date().toISOString(), reviewed_by: actorId, ...changed },
        actorId,
      );
    expect(outcomes(await pushAs(chart.desk, await verdict({ review_verdict: 'justified' }, chart.doctor)))).toEqual([
      'sync.actor_forbidden',
    ]);
    expect(outcomes(await pushAs(chart.desk, await verdict({ review_verdict: 'unjustified' })))).toEqual([
      'chart.emergency.review_note',
    ]);
    expect(outcomes(await pushAs(chart.desk, await verdict({ review_verdict: 'justified' })))).toEqual(['applied']);
    expect(
      outcomes(
        await pushAs(
          chart.desk,
          await verdict({ review_verdict: 'unjustified', review_note: 'Передумала, не обоснован' }),
        ),
      ),
    ).toEqual(['chart.emergency.reviewed']);
  });
});
