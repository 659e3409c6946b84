import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertSecureServer, enrolDesk } from '../../../electron/sync/enrol-desk';
import { readSyncIdentity } from '../../../electron/sync/sync-settings';
import { AppError } from '../../../shared/errors/app-error';
import { useMedcardCli } from '../../support/medcard-cli';
import { openTempDesk, type TempDesk } from '../../support/temp-desk';

let desk: TempDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

const key = randomBytes(32).toString('hex');
const cli = useMedcardCli('medcard-enrol-', { env: { MEDCARD_DB_KEY: key } });

describe('enrolling a desk: https only (issue 10 item 9)', () => {
  it('an http:// server is refused before the code leaves the desk', async () => {
    desk = await openTempDesk();
    const enrolling = enrolDesk(desk.store, {
      servers: ['https://sync.clinic.example', 'http://backup.clinic.example'],
      code: 'ABCD-EFGH-JKLM',
      name: 'Регистратура',
    });
    await expect(enrolling).rejects.toBeInstanceOf(AppError);
    await expect(enrolling).rejects.toMatchObject({ code: 'cli.enrol.insecure_server', field: 'server' });
    const store = desk.store;
    expect(store.transaction((tx) => readSyncIdentity(tx))).toBeUndefined();
  });

  it('plain http is taken for this same computer only', () => {
    for (const ok of [
      'https://sync.clinic.example',
      'http://127.0.0.1:8443',
      'http://localhost:3000',
      'http://[::1]:80',
    ]) {
      expect(() => assertSecureServer(ok), ok).not.toThrow();
    }
    for (const bad of [
      'http://sync.clinic.example',
      'http://127.0.0.1.evil.example',
      'http://10.0.0.5',
      'ftp://sync.clinic.example',
      'not a url',
    ]) {
      expect(() => assertSecureServer(bad), bad).toThrow(/https:\/\//);
    }
  });

  it('the command line takes no code as an argument, and refuses an http:// server', () => {
    const db = join(cli.dir, 'desk.db');
    expect(cli.run(['init', '--db', db]).code).toBe(0);
    const onArgv = cli.run(['enrol-desk', '--db', db, '--server', 'https://sync.clinic.example', '--code', 'ABCD1234']);
    expect(onArgv.code).toBe(1);
    expect(onArgv.err).toContain('cli.enrol.code_on_stdin');
    const plain = cli.run(['enrol-desk', '--db', db, '--server', 'http://sync.clinic.example'], {
      input: 'ABCD1234\n',
    });
    expect(plain.code).toBe(1);
    expect(plain.err).toContain('cli.enrol.insecure_server');
  });
});
