import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRequest, sendAdminRequest } from '../../../server/admin/admin-client';
import { startAdminChannel, type AdminChannel } from '../../../server/admin/admin-channel';
import { adminSocketPath } from '../../../server/admin/admin-socket-path';
import { openAdminChannel } from '../../../server/admin/serve-admin';
import { checkBlobKey } from '../../../server/blobs/blob-key';
import type { Output } from '../../../server/cli/commands';
import { openServerDb } from '../../../server/db/open';
import { AppError } from '../../../shared/errors/app-error';

/**
 * The running server's admin channel (issue 15, item 7): a server holding its embedded database
 * in this process, and `medcard-server` reaching it through the socket, as a second terminal does.
 */
const dir = mkdtempSync(join(tmpdir(), 'medcard-admin-'));
const dataDir = join(dir, 'server');
const socket = adminSocketPath(dataDir, {});
const blobKey = randomBytes(32);
const logged: string[] = [];
const log = {
  info: (details: object, message: string) => logged.push(`${message} ${JSON.stringify(details)}`),
  warn: (details: object, message: string) => logged.push(`${message} ${JSON.stringify(details)}`),
  error: (details: object, message: string) => logged.push(`${message} ${JSON.stringify(details)}`),
};
let db: Awaited<ReturnType<typeof openServerDb>>;
let channel: AdminChannel | undefined;

function collect(): Output & { lines: string[]; notes: string } {
  const io = {
    lines: [] as string[],
    notes: '',
    out: (line: string) => io.lines.push(line),
    err: (t: string) => (io.notes += t),
  };
  return io;
}

beforeAll(async () => {
  db = await openServerDb({ dataDir });
  await checkBlobKey(db, blobKey);
  channel = await openAdminChannel({ db, blobKey, dataDir, log });
});

afterAll(async () => {
  await channel?.close();
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('the admin channel', { timeout: 120_000 }, () => {
  it('is a socket only the server’s user can open, in a folder only that user can enter', () => {
    expect(channel?.path).toBe(socket);
    expect(statSync(socket).isSocket()).toBe(true);
    expect(statSync(socket).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(socket)).mode & 0o777).toBe(0o700);
  });

  it('runs the command line’s commands on the running server’s database', async () => {
    const io = collect();
    expect(await sendAdminRequest(socket, adminRequest('enrol-device', { name: 'Регистратура 2' }), io)).toBe(0);
    expect(io.lines[0]).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(io.notes).toContain('valid until');
    expect(await db('enrol_codes').count<{ count: string | number }[]>('* as count')).toEqual([{ count: 1 }]);

    const clinics = collect();
    expect(await sendAdminRequest(socket, adminRequest('clinic-list', {}), clinics)).toBe(0);
    expect(clinics.lines).toHaveLength(2);
  });

  it('answers a refusal with its code, as the command line would print it', async () => {
    const unknown = '0198d8a4-1111-7000-8000-000000000000';
    const refused = sendAdminRequest(socket, adminRequest('revoke-device', { id: unknown }), collect());
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: 'sync.device.not_found' });
  });

  it('carries a YubiKey’s secrets but never logs them', async () => {
    const aesKey = randomBytes(16).toString('hex');
    const privateId = randomBytes(6).toString('hex');
    const staff = '0198d8a4-2222-7000-8000-000000000000';
    const io = collect();
    const args = { 'public-id': 'cccccbhkevjn', staff, 'aes-key': aesKey, 'private-id': privateId };
    expect(await sendAdminRequest(socket, adminRequest('yubikey-add', args), io)).toBe(0);
    expect(io.lines[0]).toBe(`added cccccbhkevjn for ${staff}`);
    const entry = logged.find((line) => line.includes('"command":"yubikey-add"'));
    expect(entry).toContain('"clientUid"');
    expect(entry).toContain('[secret]');
    expect(logged.join('\n')).not.toContain(aesKey);
    expect(logged.join('\n')).not.toContain(privateId);
  });

  it('refuses a request that is not one, and never restores a database the server has open', async () => {
    const raw = await new Promise<string>((done) => {
      const client = createConnection(socket, () => client.end('{"command":"drop-everything","args":{}}\n'));
      let answer = '';
      client.setEncoding('utf8');
      client.on('data', (chunk: string) => (answer += chunk));
      client.on('close', () => done(answer));
    });
    expect(JSON.parse(raw.trim())).toMatchObject({ type: 'error', code: 'server_ops.admin.request' });

    const restore = sendAdminRequest(socket, adminRequest('restore', { file: join(dir, 'x.backup') }), collect());
    await expect(restore).rejects.toMatchObject({ code: 'server_ops.admin.not_here' });
  });

  it('is refused by the client when others could open it, or when it is someone else’s', async () => {
    chmodSync(socket, 0o666);
    await expect(sendAdminRequest(socket, adminRequest('clinic-list', {}), collect())).rejects.toMatchObject({
      code: 'server_ops.admin.open_mode',
    });
    chmodSync(socket, 0o600);
    chmodSync(dirname(socket), 0o755);
    await expect(sendAdminRequest(socket, adminRequest('clinic-list', {}), collect())).rejects.toMatchObject({
      code: 'server_ops.admin.open_mode',
    });
    chmodSync(dirname(socket), 0o700);
    if (process.getuid?.() === 0) {
      chownSync(socket, 4321, 4321);
      await expect(sendAdminRequest(socket, adminRequest('clinic-list', {}), collect())).rejects.toMatchObject({
        code: 'server_ops.admin.foreign_owner',
      });
      chownSync(socket, 0, 0);
    }
    expect(await sendAdminRequest(socket, adminRequest('clinic-list', {}), collect())).toBe(0);
  });

  it('is not opened by the server in a folder others may enter (a shared /tmp named by mistake)', async () => {
    const shared = join(dir, 'shared');
    mkdirSync(shared, { mode: 0o777 });
    chmodSync(shared, 0o1777);
    const run = async () => 0;
    await expect(startAdminChannel({ path: join(shared, 'admin.sock'), log, run })).rejects.toMatchObject({
      code: 'server_ops.admin.open_mode',
    });
    expect(statSync(shared).mode & 0o7777).toBe(0o1777);
  });

  it('is what `medcard-server` in another terminal uses while the server holds the database', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, MEDCARD_SERVER_DATA: dataDir };
    delete env.DATABASE_URL;
    delete env.MEDCARD_SERVER_ADMIN_SOCKET;
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(
        process.execPath,
        ['bin/medcard-server.js', 'enrol-device', '--name', 'Регистратура 4'],
        { env, timeout: 90_000 },
        (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(run.stderr).toContain('valid until');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(logged.some((line) => line.includes('"name":"Регистратура 4"'))).toBe(true);
  });
});
