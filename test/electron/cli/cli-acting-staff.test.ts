import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openStore, type Tx } from '../../../electron/store/open-store';
import { writeSyncIdentity } from '../../../electron/sync/sync-settings';
import { addDeskStaff } from '../../support/desk-staff';
import { useMedcardCli } from '../../support/medcard-cli';
import { insurersCsv } from '../services/dictionaries/dictionary-fixtures';

const key = randomBytes(32).toString('hex');
const cli = useMedcardCli('medcard-cli-as-', { env: { MEDCARD_DB_KEY: key } });
const db = () => join(cli.dir, 'desk.db');
const medcard = (args: string[]) => cli.run([...args, '--db', db()]);

async function onDesk<T>(work: (tx: Tx) => T): Promise<T> {
  const store = await openStore({ path: db(), key: Buffer.from(key, 'hex'), create: false });
  try {
    return store.transaction(work);
  } finally {
    await store.close();
  }
}
const query = <T>(sql: string): Promise<T[]> => onDesk((tx) => tx.all<T>(sql));

beforeAll(async () => {
  expect(medcard(['init']).code).toBe(0);
  await addDeskStaff(db(), key, ['clerk']);
});

describe('the command line writes in a staff member’s name (--as LOGIN)', { timeout: 120_000 }, () => {
  it('seed-demo --as a clerk: the patients, their audit events and outbox entries are the clerk’s', async () => {
    const result = medcard(['seed-demo', '--patients', '20', '--as', 'clerk.one']);
    expect(result.code, result.err).toBe(0);
    expect(result.err).not.toContain('Warning');
    const writers = await query<{ login: string; n: number }>(
      'SELECT s.login, count(*) AS n FROM patients p JOIN staff s ON s.id = p.created_by GROUP BY s.login',
    );
    expect(writers).toEqual([{ login: 'clerk.one', n: 20 }]);
    const outbox = await query<{ actor_id: string }>(
      "SELECT DISTINCT actor_id FROM sync_outbox WHERE table_name = 'patients'",
    );
    const clerk = await query<{ id: string }>("SELECT id FROM staff WHERE login = 'clerk.one'");
    expect(outbox).toEqual([{ actor_id: clerk[0]!.id }]);
  });

  it('seed-demo without --as on a desk with no server: done as the setup account, with a warning that they stay here', () => {
    const result = medcard(['seed-demo', '--patients', '5', '--seed', '99']);
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain('these patients stay on this desk');
  });

  it('seed-demo without --as on a desk connected to a server: refused, saying to pass --as', async () => {
    const before = await query<{ n: number }>('SELECT count(*) AS n FROM patients');
    await onDesk((tx) =>
      writeSyncIdentity(tx, {
        servers: ['https://sync.clinic.test'],
        deviceId: randomUUID(),
        privateKey: 'x',
        enrolledAt: new Date().toISOString(),
      }),
    );
    const result = medcard(['seed-demo', '--patients', '5', '--seed', '98']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('cli.as.required');
    expect(result.err).toContain('Give --as LOGIN');
    expect(await query<{ n: number }>('SELECT count(*) AS n FROM patients')).toEqual(before);
  });

  it('refuses --as for a login the desk does not have, or whose role may not do it, writing nothing', async () => {
    const before = await query<{ n: number }>('SELECT count(*) AS n FROM patients');
    const unknown = medcard(['seed-demo', '--patients', '5', '--seed', '97', '--as', 'ghost.user']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('cli.as.unknown');
    const admin = medcard(['seed-demo', '--patients', '5', '--seed', '97', '--as', 'admin.one']);
    expect(admin.code).toBe(1);
    expect(admin.err).toContain('cli.as.forbidden');
    expect(admin.err).toContain('lacks the permission “patients.write”');
    expect(await query<{ n: number }>('SELECT count(*) AS n FROM patients')).toEqual(before);
  });

  it('--as on a desk enrolled with a server needs the person’s key touch: without one it is refused, writing nothing', async () => {
    const file = cli.write('smo.csv', insurersCsv());
    const clerk = medcard(['import', 'dictionary', 'insurers', file, '--version', '2026-11-01', '--as', 'clerk.one']);
    expect(clerk.code).toBe(1);
    expect(clerk.err).toContain('cli.as.forbidden');
    // The review's attack: `--as` acted as anyone without their password or key. These people have
    // no key on this desk, so no touch can prove them (auth.key.none).
    const admin = medcard(['import', 'dictionary', 'insurers', file, '--version', '2026-11-01', '--as', 'admin.one']);
    expect(admin.code).toBe(1);
    expect(admin.err).toContain('auth.key.none');
    expect(await query('SELECT 1 FROM dictionary_releases')).toHaveLength(0);
    expect(await query("SELECT 1 FROM sync_outbox WHERE table_name = 'dictionary_releases'")).toHaveLength(0);
    const seeded = medcard(['seed-demo', '--patients', '3', '--seed', '5', '--as', 'clerk.one']);
    expect(seeded.code).toBe(1);
    expect(seeded.err).toContain('auth.key.none');
    const local = medcard(['import', 'dictionary', 'insurers', file, '--version', '2026-11-01']);
    expect(local.out).toContain('on this desk only: pass --as ADMIN');
  });
});
