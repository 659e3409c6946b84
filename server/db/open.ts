import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import knexFactory, { type Knex } from 'knex';
import ClientPGLite from 'knex-pglite';
import { lockDataDir } from './data-dir-lock';
import { migrationSource } from './migrations';

export interface ServerDbOptions {
  /** PostgreSQL (`postgres://…`). When absent, the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite's folder; undefined for an in-memory database (tests). */
  dataDir?: string;
  /** Connection pool size for PostgreSQL (PGlite always has exactly one connection). */
  poolMax?: number;
}

/** The PGlite behind a Knex opened here, for LISTEN (see change-feed.ts). */
const embedded = new WeakMap<Knex, PGlite>();

export function embeddedPglite(db: Knex): PGlite | undefined {
  return embedded.get(db);
}

/** Opens the server database (PostgreSQL or embedded PGlite) and brings its schema up to date. */
export async function openServerDb(options: ServerDbOptions = {}): Promise<Knex> {
  if (options.databaseUrl) {
    const db = knexFactory({
      client: 'pg',
      connection: options.databaseUrl,
      pool: { min: 0, max: options.poolMax ?? 10 },
    });
    await migrate(db);
    return db;
  }
  let unlock = (): void => undefined;
  if (options.dataDir !== undefined) {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    unlock = lockDataDir(options.dataDir);
  }
  try {
    // btree_gist: the appointments' exclusion constraints (0012) mix `=` on ids with `&&` on ranges.
    const extensions = { btree_gist };
    const pglite =
      options.dataDir === undefined ? new PGlite({ extensions }) : new PGlite(options.dataDir, { extensions });
    await pglite.waitReady;
    // Releasing the folder belongs to closing the database, whoever closes it (knex's destroy
    // ends in pglite.close()).
    const close = pglite.close.bind(pglite);
    pglite.close = async () => {
      try {
        await close();
      } finally {
        unlock();
      }
    };
    const db = knexFactory({ client: ClientPGLite, connection: { pglite } as Knex.StaticConnectionConfig });
    embedded.set(db, pglite);
    await migrate(db);
    return db;
  } catch (error) {
    unlock();
    throw error;
  }
}

async function migrate(db: Knex): Promise<void> {
  try {
    await db.migrate.latest({ migrationSource });
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
