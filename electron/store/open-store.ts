import { existsSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Knex } from 'knex';
import { AppError } from '../../shared/errors/app-error';
import { migrationSource } from './migrations';
import { knexOnConnection } from './sqlcipher-knex';

export type SqlParams = readonly unknown[] | Record<string, unknown>;

/** A synchronous transaction: nothing else runs on the connection until it returns. */
export interface Tx {
  get<T>(sql: string, params?: SqlParams): T | undefined;
  all<T>(sql: string, params?: SqlParams): T[];
  /** Streams rows one by one, for tables too large to hold in memory. */
  iterate<T>(sql: string, params?: SqlParams): IterableIterator<T>;
  run(sql: string, params?: SqlParams): Database.RunResult;
  /** Runs a knex-built query on this transaction. */
  query<T>(builder: Knex.QueryBuilder | Knex.Raw): T[];
}

export interface Store {
  readonly path: string;
  /** knex for migrations and query building; writes of patient data go through `transaction`. */
  readonly knex: Knex;
  /** Runs `fn` in one IMMEDIATE transaction: all of it commits, or none of it. */
  transaction<T>(fn: (tx: Tx) => T): T;
  /** The SQLite integrity check: 'ok' or the problems found. */
  integrityCheck(): string[];
  close(): Promise<void>;
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
  return createStore(db, knex, options.path);
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

function createStore(db: Database.Database, knex: Knex, path: string): Store {
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

  const tx: Tx = {
    get: <T>(sql: string, params?: SqlParams) => prepare(sql).get(...args(params)) as T | undefined,
    all: <T>(sql: string, params?: SqlParams) => prepare(sql).all(...args(params)) as T[],
    iterate: <T>(sql: string, params?: SqlParams) => db.prepare(sql).iterate(...args(params)) as IterableIterator<T>,
    run: (sql, params) => prepare(sql).run(...args(params)),
    query: <T>(builder: Knex.QueryBuilder | Knex.Raw) => {
      const { sql, bindings } = builder.toSQL().toNative();
      const statement = prepare(sql);
      return (statement.reader ? statement.all(...bindings) : [statement.run(...bindings)]) as T[];
    },
  };

  return {
    path,
    knex,
    transaction: <T>(fn: (tx: Tx) => T): T => db.transaction(() => fn(tx)).immediate(),
    integrityCheck: () => (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check),
    close: async () => {
      await knex.destroy();
      db.close();
    },
  };
}
