import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  readdirSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBackup } from '../../../../electron/services/backup/make-backup';
import { restoreBackup } from '../../../../electron/services/backup/restore-backup';
import { lastBackupState } from '../../../../electron/services/backup/backup-state';
import { deskIdOf } from '../../../../electron/services/backup/desk-id';
import { openStore } from '../../../../electron/store/open-store';
import { AppError } from '../../../../shared/errors/app-error';
import type { TempDesk } from '../../../support/temp-desk';
import { deskWithData, steppingClock } from './backup-helpers';

const desks: TempDesk[] = [];
afterEach(async () => {
  for (const desk of desks.splice(0)) await desk.cleanup();
});

async function desk(): Promise<TempDesk> {
  const made = await deskWithData();
  desks.push(made);
  return made;
}

const patientsOf = async (dbPath: string, key: Buffer) => {
  const store = await openStore({ path: dbPath, key, create: false });
  try {
    return store.read((tx) => tx.all<{ id: string; surname: string }>('SELECT id, surname FROM patients ORDER BY id'));
  } finally {
    await store.close();
  }
};

const codeOf = async (work: Promise<unknown>): Promise<string> => {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
};

describe('desk backups (issue 15, G4)', () => {
  it('writes one verified file and restores it: the same patients and scans, the replaced database kept aside', async () => {
    const d = await desk();
    const outDir = join(d.dir, 'backups');
    const phases = new Set<string>();
    const result = await makeBackup({
      store: d.store,
      clock: steppingClock(),
      key: d.key,
      outDir,
      onProgress: (p) => phases.add(p.phase),
    });
    expect(readdirSync(outDir)).toEqual([result.file.split('/').at(-1)]);
    expect(result.file).toMatch(/desk-20261207-\d{6}\.mcbak$/);
    expect(result.verdict).toMatchObject({ ok: true, counts: { patients: 2 }, scans: { checked: 1, damaged: [] } });
    expect(phases).toEqual(new Set(['snapshot', 'write', 'verify', 'unpack', 'rotate']));
    expect(d.store.read((tx) => lastBackupState(tx))).toMatchObject({ lastBackupOk: true, lastDrillAt: null });
    // No readable patient data in the file: the database part is SQLCipher, the rest sealed.
    expect(readFileSync(result.file).includes(Buffer.from('Иванова'))).toBe(false);

    const before = await (async () => {
      const deskId = d.store.read((tx) => deskIdOf(tx));
      const rows = d.store.read((tx) => tx.all('SELECT id, surname FROM patients ORDER BY id'));
      await d.store.close();
      return { deskId, rows, vault: d.vaultFiles().map((f) => f.split('/').at(-1)) };
    })();
    // Changes after the backup: a scan lost, the database replaced by garbage.
    const restored = await restoreBackup({
      file: result.file,
      dbPath: d.dbPath,
      key: d.key,
      deskId: before.deskId,
      now: new Date('2026-12-08T09:00:00Z'),
    });
    expect(restored.keptAs).toBe(`${d.dbPath}.before-restore-20261208T090000Z`);
    expect(existsSync(restored.keptAs)).toBe(true);
    expect(await patientsOf(d.dbPath, d.key)).toEqual(before.rows);
    expect(d.vaultFiles().map((f) => f.split('/').at(-1))).toEqual(before.vault);
  });

  it('refuses another key, another desk, a truncated file and one flipped byte, each with its code, the working database unchanged', async () => {
    const d = await desk();
    const other = await desk();
    const outDir = join(d.dir, 'backups');
    const { file } = await makeBackup({ store: d.store, clock: steppingClock(), key: d.key, outDir });
    const deskId = d.store.read((tx) => deskIdOf(tx));
    const otherDeskId = other.store.read((tx) => deskIdOf(tx));
    await d.store.close();
    await other.store.close();
    const working = readFileSync(d.dbPath);
    const restore = (path: string, key: Buffer, id: string, dbPath = d.dbPath) =>
      codeOf(restoreBackup({ file: path, dbPath, key, deskId: id, now: new Date() }));

    expect(await restore(file, randomBytes(32), deskId)).toBe('backup.wrong_key');
    expect(await restore(file, other.key, otherDeskId, other.dbPath)).toBe('backup.other_desk');

    const bytes = readFileSync(file);
    const cut = join(d.dir, 'cut.mcbak');
    writeFileSync(cut, bytes);
    truncateSync(cut, bytes.length - 1000);
    expect(await restore(cut, d.key, deskId)).toBe('backup.truncated');

    const flipped = Buffer.from(bytes);
    const at = Math.floor(bytes.length * 0.6);
    flipped[at] = flipped[at]! ^ 0x01;
    const changed = join(d.dir, 'changed.mcbak');
    writeFileSync(changed, flipped);
    expect(await restore(changed, d.key, deskId)).toBe('backup.tampered');

    const header = Buffer.from(bytes);
    const inHeader = bytes.indexOf(Buffer.from('"createdAt"')) + 15;
    header[inHeader] = header[inHeader]! ^ 0x01;
    writeFileSync(changed, header);
    expect(await restore(changed, d.key, deskId)).toBe('backup.tampered');

    expect(readFileSync(d.dbPath).equals(working)).toBe(true);
    expect(readdirSync(d.dir).filter((name) => name.includes('before-restore'))).toEqual([]);
  });

  it('refuses a restore while the desk has the database open', async () => {
    const d = await desk();
    const { file } = await makeBackup({ store: d.store, clock: steppingClock(), key: d.key, outDir: join(d.dir, 'b') });
    const deskId = d.store.read((tx) => deskIdOf(tx));
    expect(await codeOf(restoreBackup({ file, dbPath: d.dbPath, key: d.key, deskId, now: new Date() }))).toBe(
      'backup.db_in_use',
    );
    expect(d.count('patients')).toBe(2);
  });

  it('a disk that fills up mid-write leaves no file under a backup name and the database untouched', async () => {
    const d = await desk();
    const outDir = join(d.dir, 'backups');
    const fullAfter = 64 * 1024;
    // A real file that refuses bytes past its limit as a full disk does. Written synchronously, so
    // no write of the file is in flight when the backup gives up and closes it.
    const openSink = (path: string) => {
      const fd = openSync(path, 'wx', 0o600);
      let written = 0;
      return new Writable({
        write(chunk: Buffer, _encoding, done) {
          written += chunk.length;
          if (written > fullAfter) {
            done(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
            return;
          }
          writeSync(fd, chunk);
          done();
        },
        destroy(error, done) {
          closeSync(fd);
          done(error);
        },
      });
    };
    expect(await codeOf(makeBackup({ store: d.store, clock: steppingClock(), key: d.key, outDir, openSink }))).toBe(
      'backup.disk_full',
    );
    expect(readdirSync(outDir)).toEqual([]);
    expect(d.store.integrityCheck()).toEqual(['ok']);
    expect(d.count('patients')).toBe(2);
    expect(d.store.read((tx) => lastBackupState(tx))).toMatchObject({ lastBackupOk: false });
    expect(statSync(d.dbPath).size).toBeGreaterThan(0);
  });
});
