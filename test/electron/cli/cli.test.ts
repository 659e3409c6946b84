import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { applyKey } from '../../../electron/store/open-store';
import { useMedcardCli } from '../../support/medcard-cli';

const cli = useMedcardCli('medcard-cli-', { each: true });
const medcard = (args: string[], env: Record<string, string> = {}, input?: string) => cli.run(args, { env, input });
const passphrase = 'a long enough passphrase';

// Each test runs the command line in child processes (tsx): slow on a loaded machine, never timed.
describe('the medcard command line', { timeout: 180_000 }, () => {
  it('init wraps the new key under a passphrase where there is no keyring, and never overwrites', () => {
    const db = join(cli.dir, 'desk.db');
    const first = medcard(['init', '--db', db], {}, `${passphrase}\n`);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain('SQLCipher');
    expect(first.out).toContain('wrapped under your passphrase');
    expect(existsSync(`${db}.key`)).toBe(false);
    expect(statSync(`${db}.wrapped-key`).mode & 0o777).toBe(0o600);
    expect(medcard(['verify', '--db', db], {}, `${passphrase}\n`).code).toBe(0);
    expect(medcard(['verify', '--db', db], {}, 'a wrong passphrase\n').err).toContain('store.key.passphrase_wrong');
    const again = medcard(['init', '--db', db]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('уже существует');
    expect(again.err).toContain('already exists');
  });

  it('seed-demo enrols deterministic patients through the service layer, and verify passes', () => {
    const key = randomBytes(32).toString('hex');
    const names = (db: string) => {
      const handle = new Database(db, { fileMustExist: true });
      applyKey(handle, Buffer.from(key, 'hex'));
      const rows = handle.prepare('SELECT surname, name, snils FROM patients ORDER BY rowid').all();
      const audit = handle.prepare('SELECT count(*) FROM audit_events').pluck().get();
      handle.close();
      return { rows, audit };
    };
    for (const name of ['a.db', 'b.db']) {
      const seeded = medcard(['seed-demo', '--db', join(cli.dir, name), '--patients', '300', '--seed', '7'], {
        MEDCARD_DB_KEY: key,
      });
      expect(seeded.code, seeded.err).toBe(0);
      expect(seeded.out).toMatch(/Enrolled 300 synthetic patients/);
    }
    const a = names(join(cli.dir, 'a.db'));
    expect(a.rows).toHaveLength(300);
    expect(a.audit).toBe(300);
    expect(names(join(cli.dir, 'b.db')).rows).toEqual(a.rows);
    const verified = medcard(['verify', '--db', join(cli.dir, 'a.db')], { MEDCARD_DB_KEY: key });
    expect(verified.code, verified.out + verified.err).toBe(0);
    expect(verified.out).toContain('Audit chain: ok, 300 events');
  });

  it('verify exits 1 and names the first tampered event', () => {
    const key = randomBytes(32).toString('hex');
    const db = join(cli.dir, 'desk.db');
    expect(medcard(['seed-demo', '--db', db, '--patients', '50'], { MEDCARD_DB_KEY: key }).code).toBe(0);
    const handle = new Database(db, { fileMustExist: true });
    applyKey(handle, Buffer.from(key, 'hex'));
    handle.exec(
      "DROP TRIGGER audit_events_no_update; UPDATE audit_events SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 17",
    );
    handle.close();
    const verified = medcard(['verify', '--db', db], { MEDCARD_DB_KEY: key });
    expect(verified.code).toBe(1);
    expect(verified.out).toMatch(/BROKEN at event #17 .*changed after it was written/);
    expect(verified.out).toContain('16 events before it verify');
  });

  it('the key file beside the database is refused; key protect wraps it and deletes the clear file', () => {
    const db = join(cli.dir, 'desk.db');
    const key = randomBytes(32).toString('hex');
    expect(medcard(['init', '--db', db], { MEDCARD_DB_KEY: key }).code).toBe(0);
    // A desk made before issue 10: its clear key file lies beside the database.
    writeFileSync(`${db}.key`, `${key}\n`, { mode: 0o644 });
    const beside = medcard(['verify', '--db', db]);
    expect(beside.code).toBe(1);
    expect(beside.err).toContain('store.key.beside_db');
    expect(beside.err).toContain(`medcard key protect --db ${db}`);
    const loose = medcard(['key', 'protect', '--db', db], {}, `${passphrase}\n`);
    expect(loose.err).toContain('store.key.file_mode');
    expect(loose.err).toContain('0644');
    chmodSync(`${db}.key`, 0o600);
    const protectedKey = medcard(['key', 'protect', '--db', db], {}, `${passphrase}\n`);
    expect(protectedKey.code, protectedKey.err).toBe(0);
    expect(existsSync(`${db}.key`)).toBe(false);
    expect(medcard(['verify', '--db', db], {}, `${passphrase}\n`).code).toBe(0);
  });

  it('refuses a wrong key, leaving the database untouched', () => {
    const db = join(cli.dir, 'desk.db');
    expect(medcard(['init', '--db', db], { MEDCARD_DB_KEY: randomBytes(32).toString('hex') }).code).toBe(0);
    const size = statSync(db).size;
    const wrong = medcard(['verify', '--db', db], { MEDCARD_DB_KEY: randomBytes(32).toString('hex') });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('Ключ не подходит');
    expect(statSync(db).size).toBe(size);
  });

  it('says what is wrong with malformed arguments and keys', () => {
    expect(medcard(['seed-demo', '--patients', 'lots']).err).toContain('--patients takes a whole number');
    expect(medcard(['frobnicate']).code).toBe(2);
    const badKey = medcard(['init', '--db', join(cli.dir, 'x.db')], { MEDCARD_DB_KEY: 'abc' });
    expect(badKey.err).toContain('64');
    expect(existsSync(join(cli.dir, 'x.db'))).toBe(false);
    expect(
      medcard(['verify', '--db', join(cli.dir, 'missing.db')], { MEDCARD_DB_KEY: randomBytes(32).toString('hex') }).err,
    ).toContain('medcard init');
  });
});
