import { existsSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Knex } from 'knex';
import { AppError } from '../../shared/errors/app-error';
import { enableReadGroups, flushWaitingReads } from './audit-log';
import { migrationSource } from './migrations';
import { withRawRunner } from './raw-tx';
import { knexOnConnection } from './sqlcipher-knex';

export type SqlParams = readonly unknown[] | Record<string, unknown>;

/** Reads, on any handle: the only thing a read handle can do. */
export interface ReadTx {
  get<T>(sql: string, params?: SqlParams): T | undefined;
  all<T>(sql: string, params?: SqlParams): T[];
  /** Streams rows one by one, for tables too large to hold in memory. */
  iterate<T>(sql: string, params?: SqlParams): IterableIterator<T>;
}

declare const writeAccess: unique symbol;

/**
 * A synchronous write transaction as services hold it (nothing else runs on the connection
 * until it returns). It reads, and it is what the door (`record-door.ts`, `audit-log.ts`) and
 * the store's named per-desk writers (`local-writers/`, `sync-writers/`) take to write; it has
 * no way to run SQL that writes (ARCHITECTURE rule 4). The brand keeps a read handle from
 * passing for one. Only the store reaches the statement runner behind it (`raw-tx.ts`).
 */
export interface Tx extends ReadTx {
  readonly [writeAccess]: true;
}

export interface Store {
  readonly path: string;
  /** Runs `fn` in one read transaction: one consistent view of the data, and no writes. */
  read<T>(fn: (tx: ReadTx) => T): T;
  /** Runs `fn` in one IMMEDIATE transaction: all of it commits, or none of it. */
  transaction<T>(fn: (tx: Tx) => T): T;
  /** The SQLite integrity check: 'ok' or the problems found. */
  integrityCheck(): string[];
  close(): Promise<void>;
}

/** Whether the lines of an integrity or quick check say the database is whole (one line, `ok`). */
export function integrityPassed(lines: readonly string[]): boolean {
  return lines.length === 1 && lines[0] === 'ok';
}

export interface StoreOptions {
  path: string;
  /**
   * The 256-bit SQLCipher key. `null` opens an unencrypted file and exists only so that the
   * benchmarks can measure what encryption costs; the product never passes it.
   */
  key: Buffer | null;
  /** Create the file when it is missing. An existing file is never recreated or overwritten. */
  create: boolean;
  /** Path of a SQLite addon built for another ABI (Electron in development). */
  nativeBinding?: string;
  /**
   * Page cache in MiB. The desk's main connection keeps the search indexes of a million
   * patients in memory (default 256); the sync worker's connection needs far less.
   */
  cacheMiB?: number;
  /**
   * Commit the audit events of reads in groups (audit-log.ts states the rule and what a crash
   * loses). The desk's core and the bench turn it on; off, each read's event commits with it.
   */
  groupReadAudit?: boolean;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  const existed = existsSync(options.path);
  if (!existed && !options.create) throw new AppError('store.missing', { params: { path: options.path } });
  if (options.key !== null && options.key.length !== 32) throw new AppError('store.key.format');

  const db = new Database(options.path, { fileMustExist: existed, nativeBinding: options.nativeBinding });
  try {
    if (options.key !== null) applyKey(db, options.key);
    checkReadable(db, options.path, existed);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma(`cache_size = -${Math.round((options.cacheMiB ?? 256) * 1024)}`);
    db.pragma('temp_store = MEMORY');
  } catch (error) {
    db.close();
    if (!existed) removeDatabaseFiles(options.path);
    throw error;
  }

  const knex = knexOnConnection(db);
  try {
    await knex.migrate.latest({ migrationSource, tableName: 'schema_migrations' });
  } catch (error) {
    await knex.destroy();
    db.close();
    if (!existed) removeDatabaseFiles(options.path);
    throw error;
  }
  return createStore(db, knex, options.path, options.groupReadAudit ?? false);
}

/**
 * SQLCipher's format (`legacy = 4`: SQLCipher 4 defaults, AES-256-CBC with HMAC-SHA512 per page).
 * `legacy` is a parameter only so that a test can check the raw-key handling against an older
 * official sqlcipher tool; the product always uses 4.
 */
export function applyKey(db: Database.Database, key: Buffer, legacy: 3 | 4 = 4): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma(`legacy = ${legacy}`);
  // A raw 256-bit key (x'…'): no passphrase derivation, so opening costs nothing extra.
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

function checkReadable(db: Database.Database, path: string, existed: boolean): void {
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    if (existed && tables.length > 0 && !tables.includes('schema_migrations')) {
      throw new AppError('store.not_database', { params: { path } });
    }
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_NOTADB') {
      throw new AppError('store.key.wrong');
    }
    throw error;
  }
}

function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

function createStore(db: Database.Database, knex: Knex, path: string, groupReadAudit: boolean): Store {
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const args = (params: SqlParams | undefined): unknown[] =>
    params === undefined ? [] : Array.isArray(params) ? [...params] : [params];

  // A read never writes: `DELETE … RETURNING` would return rows through `get`, so SQLite's own
  // verdict on the statement (sqlite3_stmt_readonly) is checked before it runs.
  const readOnly = (statement: Database.Statement): Database.Statement => {
    if (!statement.readonly) throw new Error(`A read may not run a statement that writes: ${statement.source}`);
    return statement;
  };
  const reads: ReadTx = {
    get: <T>(sql: string, params?: SqlParams) => readOnly(prepare(sql)).get(...args(params)) as T | undefined,
    all: <T>(sql: string, params?: SqlParams) => readOnly(prepare(sql)).all(...args(params)) as T[],
    iterate: <T>(sql: string, params?: SqlParams) =>
      readOnly(db.prepare(sql)).iterate(...args(params)) as IterableIterator<T>,
  };
  // Two objects, so that a read handle cast to a write one still finds no runner behind it.
  const tx = withRawRunner({ ...reads }, { run: (sql, params) => prepare(sql).run(...args(params)) });
  if (groupReadAudit) enableReadGroups(tx, (write) => db.transaction(() => write(tx)).immediate());

  return {
    path,
    read: <T>(fn: (tx: ReadTx) => T): T => db.transaction(() => fn(reads)).deferred(),
    transaction: <T>(fn: (tx: Tx) => T): T => db.transaction(() => fn(tx)).immediate(),
    integrityCheck: () =>
      (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check),
    close: async () => {
      flushWaitingReads(tx);
      await knex.destroy();
      db.close();
    },
  };
}
