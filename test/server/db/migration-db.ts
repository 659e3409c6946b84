import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import knexFactory, { type Knex } from 'knex';
import ClientPGLite from 'knex-pglite';
import pg from 'pg';
import { afterEach } from 'vitest';
import { migrationSource } from '../../../server/db/migrations';
import { databaseUrl, onPostgres } from '../support/test-server';

type Migration = Awaited<ReturnType<typeof migrationSource.getMigrations>>[number];

/** The server's migrations up to and including `last`: a database as an older server left it. */
export const upTo = (last: string): Knex.MigrationSource<Migration> => ({
  ...migrationSource,
  getMigrations: async () => {
    const all = await migrationSource.getMigrations([]);
    return all.slice(0, all.findIndex((migration) => migrationSource.getMigrationName(migration) === last) + 1);
  },
});

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

/**
 * Empty, unmigrated databases for a migration's data-move test: PGlite, or a database of its own on
 * PostgreSQL (DATABASE_URL). Each is closed and dropped after its test.
 */
export function useEmptyDatabases(prefix: string): () => Promise<Knex> {
  const opened: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of opened.splice(0)) await close();
  });
  return async () => {
    if (!onPostgres) {
      // As server/db/open.ts opens it: the appointments' migration (0012) needs btree_gist.
      const pglite = new PGlite({ extensions: { btree_gist } });
      await pglite.waitReady;
      const knex = knexFactory({ client: ClientPGLite, connection: { pglite } as Knex.StaticConnectionConfig });
      opened.push(() => knex.destroy());
      return knex;
    }
    const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const url = new URL(databaseUrl!);
    url.pathname = `/${name}`;
    const knex = knexFactory({ client: 'pg', connection: url.toString() });
    opened.push(async () => {
      await knex.destroy();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
    return knex;
  };
}
