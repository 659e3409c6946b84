import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Knex } from 'knex';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationSource as deskMigrations } from '../electron/store/migrations';
import { applyKey, openStore } from '../electron/store/open-store';
import { migrationSource as serverMigrations } from '../server/db/migrations';
import { openTestDb } from './server/support/test-server';

/**
 * The migrations of the desk and of the server, as sets (Joplin's db.migrations.test.ts): each
 * index lists every file of its folder, an empty database migrates to the latest, and every
 * migration that moves data has a test of its own, like Signal's per-migration tests.
 */

const root = join(import.meta.dirname, '..');

interface Migration {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

const sets = [
  { side: 'desk', folder: 'electron/store/migrations', source: deskMigrations },
  { side: 'server', folder: 'server/db/migrations', source: serverMigrations },
] as const;

/**
 * Migrations that move rows already there (copy, rebuild, rewrite) and the test that proves no
 * row is lost or changed on the way. A new migration the detector below calls a data move adds
 * its test and a line here.
 */
const dataMoves: Readonly<Record<string, string>> = {
  'electron/store/migrations/0004-staff-sync.ts': 'test/electron/store/migrations/staff-sync-migration.test.ts',
  'electron/store/migrations/0010-scan-links.ts': 'test/electron/store/migrations/scan-links-migration.test.ts',
  'electron/store/migrations/0019-second-factors.ts': 'test/electron/store/migrations/second-factors-migration.test.ts',
  'electron/store/migrations/0021-online-scans.ts': 'test/electron/store/migrations/online-scans-migration.test.ts',
  'electron/store/migrations/0022-server-written-rows.ts':
    'test/electron/store/migrations/server-written-rows-migration.test.ts',
  'electron/store/migrations/0024-dictionary-words.ts':
    'test/electron/services/dictionaries/dictionary-words-migration.test.ts',
  'server/db/migrations/0004-clinics.ts': 'test/server/db/clinics-migration.test.ts',
  'server/db/migrations/0006-second-factors.ts': 'test/server/db/second-factors-migration.test.ts',
};

/** Migration files of a folder, by name, in order: `0001-initial.ts` → `0001-initial`. */
function migrationFiles(folder: string): string[] {
  return readdirSync(join(root, folder))
    .filter((file) => /^\d{4}-.+\.ts$/.test(file))
    .sort()
    .map((file) => file.replace(/\.ts$/, ''));
}

/** Names of the migrations a source lists, in its order. */
async function listedNames(source: Knex.MigrationSource<unknown>): Promise<string[]> {
  return (await source.getMigrations([])).map((migration) => source.getMigrationName(migration));
}

/**
 * Whether a migration's source reads rows that exist and writes them again: `INSERT … SELECT`,
 * `UPDATE … SET`, knex's `.update(`, or a read (`.select(`, `.first(`, `.pluck(`) together with
 * an `.insert(`. Comments are left out; seeding a fresh value (the server's id) is not a move.
 */
function movesData(source: string): boolean {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  if (/\bINSERT\s+INTO\b[^;`'"]*?\bSELECT\b/i.test(code)) return true;
  if (/\bUPDATE\s+\w+\s+SET\b/i.test(code)) return true;
  if (/\.update\s*[<(]/.test(code)) return true;
  return /\.(select|first|pluck)\s*[<(]/.test(code) && /\.insert\s*[<(]/.test(code);
}

describe.each(sets)('$side migrations as a set', ({ folder, source }) => {
  it('the index lists every migration file of its folder, once, in order, each with its own module', async () => {
    const files = migrationFiles(folder);
    expect(files.length).toBeGreaterThan(0);
    expect(await listedNames(source)).toEqual(files);
    const listed = (await source.getMigrations([])) as Migration[];
    for (const [i, name] of files.entries()) {
      const module = (await import(join(root, folder, `${name}.ts`))) as Migration;
      expect(listed[i]?.up, `${name}: the index's entry runs this file's up()`).toBe(module.up);
      expect(listed[i]?.down, `${name}: the index's entry runs this file's down()`).toBe(module.down);
    }
  });

  it('every migration that moves data has its own test, which names it', () => {
    for (const name of migrationFiles(folder)) {
      const path = `${folder}/${name}.ts`;
      const moves = movesData(readFileSync(join(root, path), 'utf8'));
      const test = dataMoves[path];
      if (!moves) {
        expect(test, `${path} is listed as a data move, but the detector sees none`).toBeUndefined();
        continue;
      }
      expect(test, `${path} moves data: write its test and list it in dataMoves`).toBeDefined();
      expect(existsSync(join(root, test!)), `${test} exists`).toBe(true);
      const number = name.slice(0, 4);
      expect(readFileSync(join(root, test!), 'utf8'), `${test} names migration ${number}`).toMatch(
        new RegExp(`migration ${number}\\b`),
      );
    }
  });
});

describe('the data-move detector', () => {
  it('sees copies, rewrites and read-then-insert, and not schema changes or seeds', () => {
    expect(movesData('await knex.raw(`INSERT INTO a_new (id) SELECT id FROM a`);')).toBe(true);
    expect(movesData("await knex.raw('UPDATE patients SET address = NULL');")).toBe(true);
    expect(movesData("await knex('staff').where({ id }).update({ role: 'admin' });")).toBe(true);
    expect(movesData("const rows = await knex('a').select('*');\nawait knex('b').insert(rows);")).toBe(true);
    expect(movesData("const rows = await knex('a').select<Row[]>('*');\nawait knex('b').insert(rows);")).toBe(true);
    expect(movesData("await knex('server_meta').insert({ key: 'server_id', value: randomUUID() });")).toBe(false);
    expect(movesData("await knex.raw('ALTER TABLE patients ADD COLUMN address TEXT');")).toBe(false);
    const commented =
      '// one conditional UPDATE keys SET counter (otp/yubikeys.ts)\nawait knex.raw(`CREATE INDEX i ON t (c)`);';
    expect(movesData(commented)).toBe(false);
  });
});

describe('an empty database migrates to the latest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medcard-migrations-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('desk: a new SQLCipher file gets every migration, and opening it again runs none', async () => {
    const path = join(dir, 'desk.db');
    const key = randomBytes(32);
    const store = await openStore({ path, key, create: true });
    await store.close();
    const names = await listedNames(deskMigrations);

    const db = new Database(path, { fileMustExist: true });
    try {
      applyKey(db, key);
      const applied = db.prepare('SELECT name FROM schema_migrations ORDER BY id').pluck().all();
      expect(applied).toEqual(names);
    } finally {
      db.close();
    }
    // Encrypted: without the key the file is not a database.
    const plain = new Database(path, { fileMustExist: true });
    try {
      expect(() => plain.prepare('SELECT name FROM sqlite_master').all()).toThrow();
    } finally {
      plain.close();
    }

    const again = await openStore({ path, key, create: false });
    await again.close();
    const reopened = new Database(path, { fileMustExist: true });
    try {
      applyKey(reopened, key);
      expect(reopened.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(names.length);
    } finally {
      reopened.close();
    }
  });

  it('server: a new database (PGlite, or PostgreSQL with DATABASE_URL) gets every migration', async () => {
    const test = await openTestDb();
    try {
      const applied = await test.db('knex_migrations').orderBy('id').pluck('name');
      expect(applied).toEqual(await listedNames(serverMigrations));
      const [, pending] = (await test.db.migrate.list({ migrationSource: serverMigrations })) as [unknown[], unknown[]];
      expect(pending).toEqual([]);
    } finally {
      await test.cleanup();
    }
  }, 120_000);
});
