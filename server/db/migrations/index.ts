import type { Knex } from 'knex';
import * as initial from './0001-initial';
import * as yubikeys from './0002-yubikeys';
import * as portalIdentity from './0003-portal-identity';

interface Migration {
  name: string;
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

/** Migrations in order. Imported, not read from disk, so they work from a bundle too. */
const migrations: Migration[] = [
  { name: '0001-initial', ...initial },
  { name: '0002-yubikeys', ...yubikeys },
  { name: '0003-portal-identity', ...portalIdentity },
];

export const migrationSource: Knex.MigrationSource<Migration> = {
  getMigrations: async () => migrations,
  getMigrationName: (migration) => migration.name,
  getMigration: async (migration) => migration,
};
