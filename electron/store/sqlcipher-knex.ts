import type Database from 'better-sqlite3-multiple-ciphers';
import knexFactory, { type Knex } from 'knex';
import ClientBetterSQLite3 from 'knex/lib/dialects/better-sqlite3/index.js';

/**
 * knex on the store's own SQLCipher connection. knex's better-sqlite3 dialect would open a
 * plain file with the `better-sqlite3` package; this one hands it the already keyed connection,
 * so knex (migrations, query building) and the store's synchronous transactions share one handle.
 */
export function knexOnConnection(db: Database.Database): Knex {
  class SqlcipherClient extends ClientBetterSQLite3 {
    _driver(): unknown {
      return null;
    }
    override async acquireRawConnection(): Promise<Database.Database> {
      return db;
    }
    override async destroyRawConnection(): Promise<void> {
      // The store owns the connection and closes it.
    }
  }
  return knexFactory({
    client: SqlcipherClient as unknown as typeof Knex.Client,
    connection: { filename: ':store:' },
    useNullAsDefault: true,
    pool: { min: 1, max: 1 },
  });
}
