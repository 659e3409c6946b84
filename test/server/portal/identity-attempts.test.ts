import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { accessOf, portalRequest, reportAttempt, testPortalToken } from '../../support/portal-client';
import {
  countRows,
  enrolTestDevice,
  openTestDb,
  startTestServer,
  type TestDb,
  type TestDevice,
  type TestServer,
} from '../support/test-server';
import { acceptedConsent, enrolledPatient } from './portal-setup';

let testDb: TestDb;
let server: TestServer;
let desk: TestDevice;

beforeAll(async () => {
  testDb = await openTestDb();
  server = await startTestServer(testDb.db, { portalToken: testPortalToken });
  desk = await enrolTestDevice(testDb.db, server);
}, 180_000);
afterAll(async () => {
  await server?.close();
  await testDb?.cleanup();
}, 180_000);

async function attemptsOf(patientId: string) {
  return testDb
    .db('portal_identity_attempts')
    .where({ patient_id: patientId })
    .orderBy('id')
    .select('method', 'outcome', 'result', 'failed_attempts', 'status');
}

async function identityRow(patientId: string) {
  const row = await testDb
    .db('records')
    .where({ table_name: 'online_identity' })
    .whereRaw("data->>'patient_id' = ?", [patientId])
    .first();
  return row as { id: string; data: Record<string, unknown> } | undefined;
}

describe('the portal is a client of its own (B6)', () => {
  it('refuses a request without a token, with a wrong one, or another scheme, and records nothing', async () => {
    const patientId = await enrolledPatient(desk);
    const body = { patientId, method: 'sms_code', outcome: 'failed' };
    const before = await countRows(testDb.db, 'change_log');
    const missing = await portalRequest(server.origin, 'POST', '/identity-attempts', { body, token: null });
    expect(missing).toMatchObject({ status: 401, body: { code: 'portal.auth.missing' } });
    const wrong = await portalRequest(server.origin, 'POST', '/identity-attempts', {
      body,
      token: `${testPortalToken}x`,
    });
    expect(wrong).toMatchObject({ status: 401, body: { code: 'portal.auth.wrong' } });
    const basic = await portalRequest(server.origin, 'POST', '/identity-attempts', {
      body,
      authorization: `Basic ${testPortalToken}`,
    });
    expect(basic).toMatchObject({ status: 401, body: { code: 'portal.auth.wrong' } });
    const access = await portalRequest(server.origin, 'GET', `/patients/${patientId}/access`, { token: 'short' });
    expect(access).toMatchObject({ status: 401, body: { code: 'portal.auth.wrong' } });
    expect(await attemptsOf(patientId)).toEqual([]);
    expect(await countRows(testDb.db, 'change_log')).toBe(before);
  });

  it('a desk’s signature is no portal token: the portal’s routes stay shut to it', async () => {
    const reply = await desk.send('GET', `/v1/portal/patients/${uuidv7()}/access`);
    expect(reply.status).toBe(401);
    expect(reply.json()).toMatchObject({ code: 'portal.auth.missing' });
  });

  it('a server without a portal token refuses every portal request', async () => {
    const shut = await startTestServer(testDb.db);
    try {
      const reply = await portalRequest(shut.origin, 'GET', `/patients/${uuidv7()}/access`);
      expect(reply).toMatchObject({ status: 503, body: { code: 'portal.not_configured' } });
    } finally {
      await shut.close();
    }
  });
});

describe('identity-confirmation attempts', () => {
  it('refuses malformed attempts, naming the field, and records nothing', async () => {
    const patientId = await enrolledPatient(desk);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ patientId, method: 'pigeon', outcome: 'failed' }, 'method'],
      [{ patientId, method: 'sms_code', outcome: 'maybe' }, 'outcome'],
      [{ patientId: 'not-a-uuid', method: 'sms_code', outcome: 'failed' }, 'patientId'],
      [{ patientId, method: 'sms_code' }, 'outcome'],
      [{ patientId, method: 'sms_code', outcome: 'failed', extra: 1 }, ''],
    ];
    for (const [body, field] of cases) {
      const reply = await portalRequest(server.origin, 'POST', '/identity-attempts', { body });
      expect(reply.status).toBe(400);
      expect(reply.body.code).toBe('api.bad_request');
      if (field) expect(reply.body.field).toBe(field);
    }
    expect(await attemptsOf(patientId)).toEqual([]);
    expect(await identityRow(patientId)).toBeUndefined();
  });

  it('an attempt for a patient the server does not have is refused', async () => {
    const reply = await reportAttempt(server.origin, uuidv7(), 'failed');
    expect(reply).toMatchObject({ status: 404, body: { code: 'portal.patient_unknown', field: 'patientId' } });
  });

  it('the third failure in a row locks online confirmation, in a server-made row every desk pulls', async () => {
    const patientId = await enrolledPatient(desk);
    expect((await reportAttempt(server.origin, patientId, 'failed')).body).toMatchObject({
      status: 'none',
      failedAttempts: 1,
      attemptsLeft: 2,
    });
    expect((await reportAttempt(server.origin, patientId, 'failed', 'email_code')).body).toMatchObject({
      failedAttempts: 2,
      attemptsLeft: 1,
    });
    const third = await reportAttempt(server.origin, patientId, 'failed', 'document_upload');
    expect(third.status).toBe(200);
    expect(third.body).toMatchObject({ status: 'locked', failedAttempts: 3, attemptsLeft: 0 });
    expect(typeof third.body.lockedAt).toBe('string');

    const row = await identityRow(patientId);
    expect(row?.data).toMatchObject({
      patient_id: patientId,
      status: 'locked',
      failed_attempts: 3,
      device_id: null,
      updated_by: null,
    });
    const pulled = await desk.get('/v1/sync/pull?since=0&limit=1000');
    const changes = pulled.json<{ changes: { table: string; rowId: string; data: Record<string, unknown> }[] }>()
      .changes;
    expect(changes.filter((change) => change.rowId === row?.id).at(-1)?.data).toMatchObject({
      status: 'locked',
      failed_attempts: 3,
    });
    const logged = await testDb
      .db('change_log')
      .where({ table_name: 'online_identity', row_id: row?.id })
      .select('device_id', 'actor_id');
    expect(logged).toHaveLength(3);
    expect(logged.every((entry) => entry.device_id === null && entry.actor_id === null)).toBe(true);
  });

  it('while locked, a fourth attempt — even a passed one — is refused with 423, and recorded as refused', async () => {
    const patientId = await enrolledPatient(desk);
    for (let i = 0; i < 3; i += 1) await reportAttempt(server.origin, patientId, 'failed');
    const logBefore = await countRows(testDb.db, 'change_log');
    const fourth = await reportAttempt(server.origin, patientId, 'passed');
    expect(fourth.status).toBe(423);
    expect(fourth.body).toMatchObject({ code: 'portal.identity_locked' });
    expect((fourth.body.message as { ru: string }).ru).toContain('регистратуру');
    expect(await countRows(testDb.db, 'change_log')).toBe(logBefore);
    expect((await identityRow(patientId))?.data.status).toBe('locked');
    expect(await attemptsOf(patientId)).toEqual([
      { method: 'sms_code', outcome: 'failed', result: 'counted', failed_attempts: 1, status: 'none' },
      { method: 'sms_code', outcome: 'failed', result: 'counted', failed_attempts: 2, status: 'none' },
      { method: 'sms_code', outcome: 'failed', result: 'counted', failed_attempts: 3, status: 'locked' },
      { method: 'sms_code', outcome: 'passed', result: 'refused_locked', failed_attempts: 3, status: 'locked' },
    ]);
  });

  it('a passed attempt before the third failure confirms the identity and starts the count again', async () => {
    const patientId = await enrolledPatient(desk);
    await reportAttempt(server.origin, patientId, 'failed');
    await reportAttempt(server.origin, patientId, 'failed');
    expect((await reportAttempt(server.origin, patientId, 'passed')).body).toMatchObject({
      status: 'confirmed_online',
      failedAttempts: 0,
      attemptsLeft: 3,
    });
    await reportAttempt(server.origin, patientId, 'failed');
    const fifth = await reportAttempt(server.origin, patientId, 'failed');
    expect(fifth.body).toMatchObject({ status: 'confirmed_online', failedAttempts: 2, attemptsLeft: 1 });
  });
});

describe('access state: identity confirmed and consent in force', () => {
  it('says no while the identity is unconfirmed or locked, and no without a consent', async () => {
    const patientId = await enrolledPatient(desk);
    expect((await accessOf(server.origin, patientId)).body).toMatchObject({
      allowed: false,
      identity: { status: 'none', confirmed: false },
      consent: { valid: false, reason: 'none' },
    });
    await reportAttempt(server.origin, patientId, 'passed');
    expect((await accessOf(server.origin, patientId)).body).toMatchObject({
      allowed: false,
      identity: { status: 'confirmed_online', confirmed: true },
      consent: { valid: false },
    });
    await acceptedConsent(desk, patientId);
    expect((await accessOf(server.origin, patientId)).body).toMatchObject({
      allowed: true,
      consent: { valid: true, reason: 'valid' },
    });
    // Each answer the portal got is on record.
    const checks = await testDb
      .db('portal_access_checks')
      .where({ patient_id: patientId })
      .orderBy('id')
      .select('allowed', 'identity_status', 'consent_reason');
    expect(checks).toEqual([
      { allowed: false, identity_status: 'none', consent_reason: 'none' },
      { allowed: false, identity_status: 'confirmed_online', consent_reason: 'none' },
      { allowed: true, identity_status: 'confirmed_online', consent_reason: 'valid' },
    ]);
  });

  it('a locked patient with a consent is not allowed', async () => {
    const patientId = await enrolledPatient(desk);
    await acceptedConsent(desk, patientId);
    for (let i = 0; i < 3; i += 1) await reportAttempt(server.origin, patientId, 'failed');
    expect((await accessOf(server.origin, patientId)).body).toMatchObject({
      allowed: false,
      identity: { status: 'locked', failedAttempts: 3 },
      consent: { valid: true },
    });
  });

  it('answers 404 for an unknown patient and 400 for a malformed id', async () => {
    expect((await accessOf(server.origin, uuidv7())).status).toBe(404);
    expect(await portalRequest(server.origin, 'GET', '/patients/nope/access')).toMatchObject({
      status: 400,
      body: { code: 'api.bad_request', field: 'patientId' },
    });
  });
});
