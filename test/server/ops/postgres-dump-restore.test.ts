import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../server/app';
import { openServerDb } from '../../../server/db/open';
import { draft, validSnils } from '../../support/fixtures';
import { testPortalToken } from '../../support/portal-client';
import { databaseUrl, onPostgres, testBlobKey } from '../support/test-server';
import { createPatientAt, editPatient, openSyncDesk, startSyncServer, type SyncDesk } from '../../sync/sync-harness';

/**
 * The PostgreSQL recipe of docs/operations.md, run for real (issue 15, item 2): a server's
 * database dumped with `pg_dump -Fc` and restored with `pg_restore` into a new database; the
 * server started on the copy serves the desk the very change log it served before.
 */
const dir = mkdtempSync(join(tmpdir(), 'medcard-pg-dump-'));
const restoredName = `medcard_restored_${process.pid}_${randomBytes(4).toString('hex')}`;
const cleanups: (() => Promise<unknown>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

/** A PostgreSQL tool with the database's address as its argument and the password in its env, never in argv. */
function pgTool(tool: string, args: string[], url: string): Promise<void> {
  const address = new URL(url);
  const password = decodeURIComponent(address.password);
  address.password = '';
  return new Promise((done, fail) => {
    execFile(
      tool,
      [...args, `--dbname=${address.toString()}`],
      { env: { ...process.env, PGPASSWORD: password }, timeout: 120_000 },
      (error, _stdout, stderr) => (error ? fail(new Error(`${tool}: ${stderr || error.message}`)) : done()),
    );
  });
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function databaseIn(name: string): string {
  const url = new URL(databaseUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

const everything = (desk: SyncDesk) => desk.transport.pull(0, 500);

describe.skipIf(!onPostgres)(
  'a PostgreSQL server database dumped and restored (DATABASE_URL)',
  { timeout: 240_000 },
  () => {
    it('serves the same change log — same seqs, same rows — from the restored copy', async () => {
      const server = await startSyncServer();
      cleanups.push(() => server.stop());
      const desk = await openSyncDesk(server, 'Регистратура 1');
      cleanups.push(() => desk.cleanup());
      const first = await createPatientAt(desk, draft({ surname: 'Дампова', snils: validSnils('321654987') }));
      await createPatientAt(desk, draft({ surname: 'Восстановлена', snils: validSnils('456789123') }));
      editPatient(desk, first, { phone: '+79160000001' });
      await desk.sync();
      const before = await everything(desk);
      expect(before.changes.filter((change) => change.table === 'patients').length).toBeGreaterThanOrEqual(3);

      // The clinic's server stops; its database is dumped and restored into a new one.
      await server.kill();
      const { rows } = await server.db.raw<{ rows: { name: string }[] }>('SELECT current_database() AS name');
      const sourceUrl = databaseIn(rows[0]!.name);
      const dump = join(dir, 'medcard.dump');
      await pgTool('pg_dump', ['-Fc', '--no-owner', `--file=${dump}`], sourceUrl);
      await admin(`CREATE DATABASE ${restoredName}`);
      cleanups.push(() => admin(`DROP DATABASE IF EXISTS ${restoredName} WITH (FORCE)`));
      const restoredUrl = databaseIn(restoredName);
      await pgTool('pg_restore', ['--no-owner', '--exit-on-error', dump], restoredUrl);

      // The server on the copy, at the same address the desk knows.
      const db = await openServerDb({ databaseUrl: restoredUrl });
      cleanups.push(() => db.destroy());
      const app: FastifyInstance = await buildServer({
        db,
        rateLimit: false,
        blobKey: testBlobKey,
        portalToken: testPortalToken,
      });
      cleanups.push(() => app.close());
      await app.listen({ host: '127.0.0.1', port: Number(new URL(server.url).port) });

      const after = await everything(desk);
      expect(after).toEqual(before);
      await desk.sync();
    });
  },
);

describe.skipIf(onPostgres)('a PostgreSQL server database dumped and restored', () => {
  it.skip('needs DATABASE_URL (a PostgreSQL where tests may create databases): the pg_dump/pg_restore recipe is not run on PGlite', () =>
    undefined);
});
