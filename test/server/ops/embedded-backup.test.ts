import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBlobKey, loadBlobKey } from '../../../server/blobs/blob-key';
import { putWholeBlob, readChunks } from '../../../server/blobs/blob-store';
import { createClinic, defaultClinicId, listClinics } from '../../../server/clinics/clinics';
import { runAdminCommand } from '../../../server/cli/commands';
import { openServerDb } from '../../../server/db/open';
import { restoreEmbedded } from '../../../server/ops/backup/embedded-backup';
import { tarNames } from '../../../server/ops/backup/tar-filter';

/**
 * `medcard-server backup` / `restore` on the embedded PGlite (issue 15, item 2): a backup made
 * while the database is open (as the running server makes it through its admin channel), the
 * database's stored files in it still sealed, restored into a new folder and swapped in.
 */
const dir = mkdtempSync(join(tmpdir(), 'medcard-server-backup-'));
const dataDir = join(dir, 'server');
const keyFile = join(dataDir, 'blob.key');
const backup = join(dir, 'monday.backup');
const scan = Buffer.from('%PDF-1.7 a patient’s scanned consent\n'.repeat(200));
let blobKey: Buffer;
let sha256: string;
let clinicId: string;

const silent = { out: () => undefined, err: () => undefined };
const names = async (db: Knex): Promise<string[]> => (await listClinics(db)).map((clinic) => clinic.name).sort();

beforeAll(async () => {
  const db = await openServerDb({ dataDir });
  try {
    blobKey = loadBlobKey({ dataDir });
    await checkBlobKey(db, blobKey);
    clinicId = await defaultClinicId(db);
    await createClinic(db, 'Филиал на Садовой', new Date());
    sha256 = await db.transaction((trx) => putWholeBlob(trx, blobKey, { clinicId, bytes: scan, now: new Date() }));
    // The server's own path: the open database, its key (what the admin channel runs).
    const deps = { db, now: new Date(), io: silent, serverKey: async () => blobKey };
    expect(await runAdminCommand('backup', { out: backup }, deps)).toBe(0);
    // A change after the backup, which a restore takes back.
    await createClinic(db, 'Филиал после копии', new Date());
    // Never written over.
    await expect(runAdminCommand('backup', { out: backup }, deps)).rejects.toMatchObject({
      code: 'server_ops.backup.exists',
    });
  } finally {
    await db.destroy();
  }
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the backup spoiled by `spoil`, and what restoring it says; the working folder is untouched. */
async function restoreSpoiled(name: string, spoil: (path: string) => void, key = blobKey): Promise<unknown> {
  const path = join(dir, name);
  writeFileSync(path, readFileSync(backup), { mode: 0o600 });
  spoil(path);
  return restoreEmbedded({ file: path, dataDir, blobKey: key, now: new Date() }).then(
    () => 'restored',
    (error: unknown) => error,
  );
}

describe('server backups of the embedded database', { timeout: 180_000 }, () => {
  it('hold the database and its files, but not the blob key, the lock or the admin socket', () => {
    const bytes = readFileSync(backup);
    const header = JSON.parse(bytes.subarray(0, bytes.indexOf(0x0a)).toString('utf8')) as { blobKeyId: string };
    expect(header.blobKeyId).toMatch(/^[0-9a-f]{16}$/);
    const entries = tarNames(gunzipSync(bytes.subarray(bytes.indexOf(0x0a) + 1)));
    expect(entries).toContain('/PG_VERSION');
    expect(entries.filter((name) => /blob\.key|medcard-server\.pid|admin/.test(name))).toEqual([]);
    expect(bytes.includes(readFileSync(keyFile, 'utf8').trim())).toBe(false);
  });

  it('refuse a cut, a changed or another server’s backup, leaving the working folder as it was', async () => {
    const size = readFileSync(backup).length;
    expect(await restoreSpoiled('cut.backup', (path) => truncateSync(path, size - 1000))).toMatchObject({
      code: 'server_ops.backup.truncated',
    });
    const flip = (path: string) => {
      const bytes = readFileSync(path);
      bytes[bytes.length - 5000] = (bytes[bytes.length - 5000] ?? 0) ^ 0xff;
      writeFileSync(path, bytes);
    };
    expect(await restoreSpoiled('changed.backup', flip)).toMatchObject({ code: 'server_ops.backup.tampered' });
    expect(await restoreSpoiled('other.backup', () => undefined, randomBytes(32))).toMatchObject({
      code: 'server_ops.backup.other_key',
    });
    expect(await restoreSpoiled('photo.backup', (path) => writeFileSync(path, 'JFIF…'))).toMatchObject({
      code: 'server_ops.backup.format',
    });
    expect(readdirSync(dir).filter((name) => name.includes('.restoring-'))).toEqual([]);
  });

  it('are never restored under a running server (whose database the refused restores left as it was)', async () => {
    const running = await openServerDb({ dataDir });
    try {
      expect(await names(running)).toEqual(['default', 'Филиал на Садовой', 'Филиал после копии']);
      await expect(restoreEmbedded({ file: backup, dataDir, blobKey, now: new Date() })).rejects.toMatchObject({
        code: 'server_ops.restore.running',
      });
    } finally {
      await running.destroy();
    }
  });

  it('restore into a new folder swapped in, the old one kept, the files readable with the same key', async () => {
    const report = await restoreEmbedded({ file: backup, dataDir, blobKey, blobKeyFile: keyFile, now: new Date() });
    expect(report.keptAs).toBeDefined();
    expect(existsSync(join(report.keptAs!, 'blob.key'))).toBe(true);
    expect(loadBlobKey({ dataDir }).equals(blobKey)).toBe(true);
    const db = await openServerDb({ dataDir });
    try {
      expect(await names(db)).toEqual(['default', 'Филиал на Садовой']);
      await checkBlobKey(db, blobKey);
      const parts: Buffer[] = [];
      for await (const part of readChunks(db, blobKey, { clinicId, sha256 }, 0, scan.length - 1)) parts.push(part);
      expect(Buffer.concat(parts).equals(scan)).toBe(true);
    } finally {
      await db.destroy();
    }
  });
});
