import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openServerDb } from '../../../server/db/open';
import { newDeviceKeys } from '../../../server/testing/device-client';
import { startTestServer } from '../support/test-server';

const dir = mkdtempSync(join(tmpdir(), 'medcard-server-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The installed `medcard-server` command, on the embedded database in `dir`. */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, MEDCARD_SERVER_DATA: dir };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/medcard-server.js', ...args],
      { env, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

// Each test runs the command line in child processes (tsx): slow on a loaded machine, never timed.
describe('medcard-server (command line)', { timeout: 180_000 }, () => {
  it('prints a one-time code that enrols a device, and refuses to open a database in use', async () => {
    const enrol = await cli(['enrol-device', '--name', 'Регистратура 3']);
    expect(enrol.stderr).toContain('valid until');
    expect(enrol.code).toBe(0);
    const code = enrol.stdout.trim();
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);

    // The server now holds the embedded database…
    const db = await openServerDb({ dataDir: dir });
    const server = await startTestServer(db);
    try {
      // …so the command refuses to open it rather than corrupt it.
      const busy = await cli(['list-devices']);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain('server.data_busy');

      const response = await fetch(`${server.origin}/v1/devices/enrol`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, name: 'ignored: the admin named it', publicKey: newDeviceKeys().publicKey }),
      });
      expect(response.status).toBe(200);
      expect(await db('devices').pluck('name')).toEqual(['Регистратура 3']);
    } finally {
      await server.close();
      await db.destroy();
    }
  }, 90_000);

  it('adds a clinic, issues enrolment codes and a portal token for it, and refuses an unknown one', async () => {
    const added = await cli(['clinic-add', '--name', 'Клиника 2']);
    expect(added.code).toBe(0);
    const clinicId = added.stdout.trim();
    expect(clinicId).toMatch(/^[0-9a-f-]{36}$/);
    const enrol = await cli(['enrol-device', '--clinic', clinicId, '--name', 'Регистратура Б']);
    expect(enrol.code).toBe(0);
    const token = await cli(['portal-token', '--clinic', clinicId]);
    expect(token.stdout.trim()).toMatch(/^[0-9a-f]{64}$/);
    const list = await cli(['clinic-list']);
    expect(list.stdout).toContain(`${clinicId}\t`);
    expect(list.stdout).toContain('Клиника 2');

    const db = await openServerDb({ dataDir: dir });
    try {
      const codes = await db('enrol_codes').where({ name: 'Регистратура Б' }).pluck('clinic_id');
      expect(codes).toEqual([clinicId]);
    } finally {
      await db.destroy();
    }
    const unknown = await cli(['enrol-device', '--clinic', '00000000-0000-4000-8000-000000000000']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('clinic.unknown');
    const malformed = await cli(['enrol-device', '--clinic', 'nope']);
    expect(malformed.code).toBe(2);
  }, 120_000);

  it('explains its usage and refuses a bad device id', async () => {
    const bad = await cli(['revoke-device', '--id', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--id');
  }, 30_000);
});
