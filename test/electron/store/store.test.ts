import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { applyKey, openStore } from '../../../electron/store/open-store';
import { AppError } from '../../../shared/errors/app-error';
import { draft } from '../../support/fixtures';
import { openTempDesk, type TempDesk } from '../../support/temp-desk';

let desk: TempDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toSatisfy((error: unknown) => error instanceof AppError && error.code === code);
}

describe('the encrypted store (A5)', () => {
  it('keeps no patient data in clear in the database file or its WAL', async () => {
    desk = await openTempDesk();
    const created = await desk.dispatch(
      'patients.create',
      draft({ surname: 'Уникальнова', email: 'unique.marker@example.org' }),
    );
    expect(created.ok).toBe(true);
    const haystack = Buffer.concat(
      ['', '-wal']
        .filter((suffix) => existsSync(desk!.dbPath + suffix))
        .map((suffix) => readFileSync(desk!.dbPath + suffix)),
    );
    expect(haystack.length).toBeGreaterThan(4096);
    for (const needle of ['Уникальнова', 'unique.marker', 'SQLite format 3', 'patients']) {
      expect(haystack.includes(Buffer.from(needle, 'utf8')), needle).toBe(false);
    }
  });

  it('refuses a wrong key with a clear error and leaves the file byte for byte as it was', async () => {
    desk = await openTempDesk();
    await desk.dispatch('patients.create', draft());
    await desk.store.close();
    const before = sha256(desk.dbPath);
    await expectCode(openStore({ path: desk.dbPath, key: randomBytes(32), create: true }), 'store.key.wrong');
    expect(sha256(desk.dbPath)).toBe(before);
    const reopened = await openStore({ path: desk.dbPath, key: desk.key, create: false });
    expect(reopened.transaction((tx) => tx.get<{ n: number }>('SELECT count(*) AS n FROM patients'))?.n).toBe(1);
    await reopened.close();
  });

  it('does not create a database where none exists unless asked to', async () => {
    desk = await openTempDesk();
    const missing = join(desk.dir, 'missing.db');
    await expectCode(openStore({ path: missing, key: randomBytes(32), create: false }), 'store.missing');
    expect(existsSync(missing)).toBe(false);
  });

  it('refuses a key that is not 256 bits', async () => {
    desk = await openTempDesk();
    await expectCode(
      openStore({ path: join(desk.dir, 'x.db'), key: randomBytes(16), create: true }),
      'store.key.format',
    );
  });

  it('refuses to adopt an unencrypted SQLite file of another program', async () => {
    desk = await openTempDesk();
    const foreign = join(desk.dir, 'foreign.db');
    const db = new Database(foreign);
    db.exec('CREATE TABLE notes (text TEXT)');
    db.close();
    await expectCode(openStore({ path: foreign, key: null, create: false }), 'store.not_database');
  });

  it('refuses a file that is not a database at all, without touching it', async () => {
    desk = await openTempDesk();
    const junk = join(desk.dir, 'junk.db');
    writeFileSync(junk, randomBytes(8192));
    const before = sha256(junk);
    await expectCode(openStore({ path: junk, key: randomBytes(32), create: true }), 'store.key.wrong');
    expect(sha256(junk)).toBe(before);
  });

  it('keys the file the way SQLCipher does: a database made by the sqlcipher tool opens with the same raw key', (context) => {
    const sqlcipher = ['/usr/bin/sqlcipher', '/usr/local/bin/sqlcipher'].find((path) => existsSync(path));
    if (!sqlcipher) {
      context.skip(
        'sqlcipher CLI not installed (apt-get install sqlcipher): cross-check with the official tool skipped',
      );
      return;
    }
    const version = execFileSync(sqlcipher, [':memory:'], {
      input: 'PRAGMA cipher_version;\n',
      encoding: 'utf8',
    }).trim();
    const major = Number(version.split('.')[0]);
    desk = undefined;
    const dir = mkdtempSync(join(tmpdir(), 'medcard-sqlcipher-'));
    try {
      const path = join(dir, 'official.db');
      const key = randomBytes(32);
      const script = `PRAGMA key = "x'${key.toString('hex')}'";\nCREATE TABLE t (v TEXT);\nINSERT INTO t VALUES ('сделано sqlcipher ${version}');\n`;
      execFileSync(sqlcipher, [path], { input: script });
      const db = new Database(path, { fileMustExist: true });
      applyKey(db, key, major >= 4 ? 4 : 3);
      expect(db.prepare('SELECT v FROM t').pluck().get()).toBe(`сделано sqlcipher ${version}`);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
