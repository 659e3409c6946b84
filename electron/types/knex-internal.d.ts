// knex ships its dialect classes without declarations; this is the one we extend.
declare module 'knex/lib/dialects/better-sqlite3/index.js' {
  import type { Knex } from 'knex';
  const ClientBetterSQLite3: new (config: Knex.Config) => Knex.Client;
  export default ClientBetterSQLite3;
}
