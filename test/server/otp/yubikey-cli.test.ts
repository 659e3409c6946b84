import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBlobKey } from '../../../server/blobs/blob-key';
import { openServerDb } from '../../../server/db/open';
import { yubikeySecretsKey } from '../../../server/otp/secret-box';
import {
  checkYubikeyArgs,
  runYubikeyCommand,
  type YubikeyArgs,
  type YubikeyCommand,
} from '../../../server/otp/yubikey-commands';
import { AppError } from '../../../shared/errors/app-error';
import { startTestServer } from '../support/test-server';
import { SimulatedYubikey, verify } from './yubikey-support';

const dir = mkdtempSync(join(tmpdir(), 'medcard-server-yubikey-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The installed `medcard-server` command, on the embedded database in `dir`; `stdin` is piped in. */
function cli(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, MEDCARD_SERVER_DATA: dir };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['bin/medcard-server.js', ...args],
      { env, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
    child.stdin?.end(stdin);
  });
}

const key = new SimulatedYubikey('vvccccfhcbvb');
const secretsText = (aesKey: string) => `aes-key=${aesKey}\nprivate-id=${key.privateId}\n`;
const addArgs = { 'public-id': key.publicId, 'private-id': key.privateId, 'aes-key': key.aesKey, staff: 'staff-7' };

/** Runs a command in-process on an open database, capturing what it prints. */
async function run(db: Knex, command: YubikeyCommand, args: YubikeyArgs) {
  const lines: string[] = [];
  const io = { out: (line: string) => lines.push(line), err: (text: string) => lines.push(text) };
  const code = await runYubikeyCommand(command, args, {
    db,
    secretsKey: yubikeySecretsKey(loadBlobKey({ dataDir: dir })),
    now: new Date(),
    io,
  });
  return { code, text: lines.join('\n') };
}

// Each test runs the command line in child processes (tsx): slow on a loaded machine, never timed.
describe('medcard-server YubiKey commands (A2)', { timeout: 180_000 }, () => {
  it('refuses malformed key material before opening the database, naming the argument', async () => {
    const refused = await cli(
      ['yubikey-add', '--public-id', 'vvccccfhcbv', '--staff', 'staff-7'],
      secretsText(key.aesKey),
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('yubikey.public_id.format');
    expect(refused.stderr).toContain('modhex');

    const refusal = (args: YubikeyArgs, command: YubikeyCommand = 'yubikey-add') => {
      try {
        checkYubikeyArgs(command, args);
      } catch (error) {
        return error instanceof AppError ? [error.code, error.field] : error;
      }
      return 'accepted';
    };
    expect(refusal(addArgs)).toBe('accepted');
    // YubiKey Manager programs 12-letter public ids; the protocol's other lengths are not offered here.
    expect(refusal({ ...addArgs, 'public-id': 'vvccccfhcbvbcc' })).toEqual(['yubikey.public_id.format', 'public-id']);
    expect(refusal({ ...addArgs, 'public-id': 'vvccccfhcbva' })).toEqual(['yubikey.public_id.format', 'public-id']);
    expect(refusal({ ...addArgs, 'private-id': 'xyz' })).toEqual(['yubikey.private_id.format', 'private-id']);
    expect(refusal({ ...addArgs, 'aes-key': key.aesKey.slice(2) })).toEqual(['yubikey.aes_key.format', 'aes-key']);
    expect(refusal({ ...addArgs, staff: '  ' })).toEqual(['yubikey.staff.format', 'staff']);
    expect(refusal({ id: '0' }, 'yk-client-revoke')).toEqual(['yubikey.client.not_found', 'id']);
    expect(refusal({ device: 'desk-1' }, 'yk-client-add')).toEqual(['sync.device.not_found', 'device']);
  }, 60_000);

  it('registers a key the server then validates, and prints a client’s API key once', async () => {
    // The one command run as a process with a database: it makes the embedded database and its
    // blob.key, and seals the AES secret with the key derived from it.
    const added = await cli(
      ['yubikey-add', '--public-id', key.publicId, '--staff', 'staff-7', '--name', 'Ключ регистратуры'],
      secretsText(key.aesKey.toUpperCase()),
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);

    // The server, on the same folder and its blob.key, opens what the command sealed.
    const db = await openServerDb({ dataDir: dir });
    const server = await startTestServer(db, { blobKey: loadBlobKey({ dataDir: dir }) });
    try {
      const client = await run(db, 'yk-client-add', {});
      expect(client.code).toBe(0);
      expect(client.text).toContain('not shown again');
      const [id, apiKey] = (client.text.split('\n')[0] as string).split('\t');
      expect(id).toMatch(/^\d+$/);
      expect(Buffer.from(apiKey ?? '', 'base64')).toHaveLength(20);
      const desk = { id: Number(id), apiKey: apiKey as string };
      expect((await verify(server.origin, desk, key.press())).status).toBe('OK');

      const list = await run(db, 'yubikey-list', {});
      expect(list.text).toContain(`${key.publicId}\tstaff-7`);
      expect(list.text).toContain('Ключ регистратуры');
      expect(list.text).toContain('\t1/0\t');
      expect(list.text).not.toContain(key.aesKey);
      await expect(run(db, 'yubikey-add', addArgs)).rejects.toMatchObject({ code: 'yubikey.exists' });

      expect((await run(db, 'yubikey-revoke', { 'public-id': key.publicId })).text).toContain(
        `revoked ${key.publicId}`,
      );
      expect((await verify(server.origin, desk, key.press())).status).toBe('BAD_OTP');
      expect((await run(db, 'yk-client-revoke', { id })).text).toContain(`revoked YK-VAL client ${id}`);
      expect((await verify(server.origin, desk, key.press())).status).toBe('OPERATION_NOT_ALLOWED');
      await expect(run(db, 'yk-client-revoke', { id: '424242' })).rejects.toMatchObject({
        code: 'yubikey.client.not_found',
      });
    } finally {
      await server.close();
      await db.destroy();
    }
  }, 120_000);

  it('the AES key is not in argv: the old flags are refused, and the secrets come on stdin or in a 0600 file', async () => {
    const inArgv = await cli([
      'yubikey-add',
      '--public-id',
      'vvccccfhcbvc',
      '--private-id',
      key.privateId,
      '--aes-key',
      key.aesKey,
      '--staff',
      'staff-8',
    ]);
    expect(inArgv.code).toBe(2);
    expect(inArgv.stderr).toContain('yubikey.secrets.in_argv');
    expect(inArgv.stderr).toContain('stdin');
    // Another command with the flag is refused too: the secret was typed where others see it.
    expect((await cli(['yubikey-list', '--aes-key', key.aesKey])).stderr).toContain('yubikey.secrets.in_argv');

    const missing = await cli(['yubikey-add', '--public-id', 'vvccccfhcbvc', '--staff', 'staff-8'], 'aes-key=00\n');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('yubikey.secrets.input');

    const file = join(dir, 'secrets.txt');
    writeFileSync(file, `# key vvccccfhcbvc\n${secretsText(key.aesKey)}`, { mode: 0o644 });
    chmodSync(file, 0o644);
    const open = await cli([
      'yubikey-add',
      '--public-id',
      'vvccccfhcbvc',
      '--staff',
      'staff-8',
      '--secrets-file',
      file,
    ]);
    expect(open.code).toBe(2);
    expect(open.stderr).toContain('yubikey.secrets.file_mode');
    chmodSync(file, 0o600);
    const added = await cli([
      'yubikey-add',
      '--public-id',
      'vvccccfhcbvc',
      '--staff',
      'staff-8',
      '--secrets-file',
      file,
    ]);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('added vvccccfhcbvc for staff-8');
  }, 120_000);
});
