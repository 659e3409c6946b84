import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClinic } from '../../../server/clinics/clinics';
import { runHealthAlertPass } from '../../../server/monitoring/health-alerts';
import type { HealthReport } from '../../../shared/health/report';
import { defaultThresholds } from '../../../shared/health/thresholds';
import {
  enrolTestDevice,
  mutation,
  newPatient,
  onPostgres,
  startTestServer,
  testStaff,
  useTestServer,
  type TestDevice,
} from '../support/test-server';

const suite = useTestServer(() => ({ healthAlertIntervalMs: false }));
let reception: TestDevice;
let otherClinicDesk: TestDevice;

const report = (patch: Partial<HealthReport> = {}): HealthReport => ({
  lastSyncAt: new Date().toISOString(),
  pendingOutbox: 0,
  openConflicts: 0,
  refusedChanges: 0,
  freeDiskMb: 40_000,
  databaseMb: 12.5,
  lastBackupAt: new Date().toISOString(),
  lastDrillAt: new Date().toISOString(),
  appVersion: '0.1.0',
  reportedAt: new Date().toISOString(),
  ...patch,
});

beforeAll(async () => {
  reception = await enrolTestDevice(suite.db, suite.server, 'Регистратура 1');
  const clinicB = (await createClinic(suite.db, 'Клиника Б', new Date())).id;
  otherClinicDesk = await enrolTestDevice(suite.db, suite.server, 'Чужая регистратура', {
    clinicId: clinicB,
    staff: false,
  });
});

describe('GET /metrics (G5)', () => {
  it('counts requests by route pattern and pushed mutations by result, after real requests', async () => {
    const pushed = await reception.push([mutation({ changed: newPatient() })]);
    expect(pushed.status).toBe(200);
    await reception.get('/v1/sync/pull?since=0');
    await reception.get(`/v1/blobs/${'ab'.repeat(32)}`);
    const scrape = await fetch(`${suite.server.origin}/metrics`);
    expect(scrape.status).toBe(200);
    const text = await scrape.text();
    expect(text).toMatch(/medcard_http_requests_total\{route="\/v1\/sync\/push",method="POST",status="200"\} \d+/);
    expect(text).toContain('route="/v1/blobs/:sha256"');
    expect(text).not.toContain('ab'.repeat(32));
    expect(text).toMatch(/medcard_sync_push_mutations_total\{result="applied"\} [1-9]/);
    expect(text).toMatch(/medcard_sync_pulls_total [1-9]/);
    expect(text).toMatch(/medcard_notification_outbox\{state="pending"\} \d+/);
    expect(text).toMatch(/medcard_change_log_head [1-9]/);
    expect(text).toMatch(/medcard_db_probe_seconds \d/);
    expect(text).toContain('process_cpu_user_seconds_total');
    // knex's pool on PostgreSQL; the embedded PGlite has one connection and no pool.
    if (onPostgres) expect(text).toMatch(/medcard_db_pool_connections\{state="waiting"\} \d+/);
  });

  it('refuses a client through a proxy, and anyone without the token once a token file is set', async () => {
    const forwarded = await fetch(`${suite.server.origin}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(forwarded.status).toBe(403);

    const dir = mkdtempSync(join(tmpdir(), 'medcard-metrics-'));
    const tokenFile = join(dir, 'token');
    const token = 'm'.repeat(40);
    writeFileSync(tokenFile, `${token}\n`, { mode: 0o644 });
    await expect(
      startTestServer(suite.db, { metricsTokenFile: tokenFile, healthAlertIntervalMs: false }),
    ).rejects.toThrow(/chmod 600/);
    chmodSync(tokenFile, 0o600);
    const guarded = await startTestServer(suite.db, { metricsTokenFile: tokenFile, healthAlertIntervalMs: false });
    try {
      const bare = await fetch(`${guarded.origin}/metrics`);
      expect(bare.status).toBe(403);
      expect(((await bare.json()) as { code: string }).code).toBe('health.metrics_forbidden');
      const wrong = await fetch(`${guarded.origin}/metrics`, {
        headers: { authorization: `Bearer ${'x'.repeat(40)}` },
      });
      expect(wrong.status).toBe(403);
      const right = await fetch(`${guarded.origin}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(right.status).toBe(200);
      expect(await right.text()).toContain('medcard_http_requests_total');
    } finally {
      await guarded.close();
    }
  });
});

describe('GET /health', () => {
  it('answers ok while everything works', async () => {
    const response = await fetch(`${suite.server.origin}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });
  // A closed database answers 503 naming `database`: test/server/devices/health-and-enrol.test.ts.
});

describe('desks’ health reports', () => {
  it('keeps the latest report of each desk, and a desk reads its own clinic’s only', async () => {
    expect((await reception.send('POST', '/v1/devices/health', { body: report({ pendingOutbox: 3 }) })).status).toBe(
      204,
    );
    expect((await reception.send('POST', '/v1/devices/health', { body: report({ pendingOutbox: 7 }) })).status).toBe(
      204,
    );
    expect((await otherClinicDesk.send('POST', '/v1/devices/health', { body: report() })).status).toBe(204);

    const ours = (await reception.get('/v1/devices/health')).json<{
      desks: { deviceId: string; report: HealthReport }[];
    }>();
    expect(ours.desks.map((desk) => [desk.deviceId, desk.report.pendingOutbox])).toEqual([[reception.id, 7]]);
    const theirs = (await otherClinicDesk.get('/v1/devices/health')).json<{ desks: { deviceId: string }[] }>();
    expect(theirs.desks.map((desk) => desk.deviceId)).toEqual([otherClinicDesk.id]);
  });

  it('refuses a report that is not one, and an unsigned one', async () => {
    const bad = await reception.send('POST', '/v1/devices/health', { body: { ...report(), pendingOutbox: -1 } });
    expect(bad.status).toBe(400);
    const unsigned = await reception.send('POST', '/v1/devices/health', { body: report(), unsigned: true });
    expect(unsigned.status).toBe(401);
  });
});

describe('health thresholds (a synced row judged by the server)', () => {
  const rowId = '019a0000-0000-7000-8000-0000000000e1';
  const push = (changed: Record<string, number | string>, actorId: string = testStaff.admin, baseVersion = 0) =>
    reception.push([mutation({ table: 'health_thresholds', rowId, actorId, baseVersion, changed })]);
  const resultOf = async (reply: Promise<{ json<T>(): T }>) =>
    (await reply).json<{ results: { status: string; code?: string; field?: string }[] }>().results[0];

  it('refuses nonsense naming the field, and a clerk', async () => {
    expect(await resultOf(push({ ...defaultThresholds, outbox_red: 0 }))).toMatchObject({
      status: 'refused',
      code: 'health.threshold_invalid',
      field: 'outbox_red',
    });
    expect(await resultOf(push({ ...defaultThresholds, backup_days_amber: 9, backup_days_red: 3 }))).toMatchObject({
      status: 'refused',
      code: 'health.threshold_order',
      field: 'backup_days_red',
    });
    expect(await resultOf(push({ ...defaultThresholds }, testStaff.clerk))).toMatchObject({ status: 'refused' });
  });

  it('takes sane thresholds from an admin, one row per clinic', async () => {
    expect(await resultOf(push({ ...defaultThresholds, outbox_amber: 2, outbox_red: 5 }))).toMatchObject({
      status: 'applied',
    });
    const second = await reception.push([
      mutation({ table: 'health_thresholds', actorId: testStaff.admin, changed: { ...defaultThresholds } }),
    ]);
    expect(second.json<{ results: { code?: string }[] }>().results[0]?.code).toBe('health.thresholds_exist');
  });

  it('raises an alert once when a desk turns red, not on every pass', async () => {
    // The thresholds above: 5 pending changes is red.
    await reception.send('POST', '/v1/devices/health', { body: report({ pendingOutbox: 50 }) });
    const incidents = () => suite.db('records').where({ table_name: 'incidents' }).count<{ n: unknown }[]>('* as n');
    const before = Number((await incidents())[0]?.n);
    expect(await runHealthAlertPass(suite.db, new Date())).toBe(1);
    expect(await runHealthAlertPass(suite.db, new Date())).toBe(0);
    expect(Number((await incidents())[0]?.n)).toBe(before + 1);
    const incident = await suite.db('records').where({ table_name: 'incidents' }).orderBy('version', 'desc').first();
    expect(JSON.stringify(incident.data)).toContain('Регистратура 1');
  });
});
