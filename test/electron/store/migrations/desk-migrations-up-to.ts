import type { Knex } from 'knex';
import { migrationSource } from '../../../../electron/store/migrations';

type Migration = Awaited<ReturnType<typeof migrationSource.getMigrations>>[number];

/** The desk's migrations up to and including `last`, as a source of their own (a desk as it was then). */
export async function sourceUpTo(last: string): Promise<Knex.MigrationSource<Migration>> {
  const all = await migrationSource.getMigrations([]);
  const lastIndex = all.findIndex((migration) => migrationSource.getMigrationName(migration) === last);
  if (lastIndex < 0) throw new Error(`No desk migration ${last}`);
  const upTo = all.slice(0, lastIndex + 1);
  return { ...migrationSource, getMigrations: async () => upTo };
}
