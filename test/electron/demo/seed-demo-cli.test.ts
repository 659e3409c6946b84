import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { applyKey } from '../../../electron/store/open-store';
import { useMedcardCli } from '../../support/medcard-cli';
import { writeDemoNsiFiles } from './demo-nsi-files';

const key = randomBytes(32);
const cli = useMedcardCli('medcard-demo-cli-', { each: true, env: { MEDCARD_DB_KEY: key.toString('hex') } });

function countOf(db: string, sql: string): number {
  const file = new Database(db, { readonly: true });
  try {
    applyKey(file, key);
    return (file.prepare(sql).get() as { n: number }).n;
  } finally {
    file.close();
  }
}

// Child processes (tsx): slow on a loaded machine, never timed.
describe('medcard seed-demo --charts (issue 12, item 8)', { timeout: 300_000 }, () => {
  it('without the НСИ dictionaries: says which to import and how, and enrols no one', () => {
    const db = join(cli.dir, 'desk.db');
    const run = cli.run(['seed-demo', '--db', db, '--patients', '3', '--charts']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('No active version of icd10, medicines');
    expect(run.err).toContain('medcard import dictionary icd10');
    expect(run.err).toContain('--dictionaries DIR');
    expect(countOf(db, 'SELECT count(*) AS n FROM patients')).toBe(0);
  });

  it('with --dictionaries: imports them, then writes each patient’s history as the demo doctors, and the audit chain holds', () => {
    const db = join(cli.dir, 'desk.db');
    writeDemoNsiFiles(join(cli.dir, 'data'));
    const run = cli.run([
      'seed-demo',
      '--db',
      db,
      '--patients',
      '4',
      '--seed',
      '7',
      '--charts',
      '--dictionaries',
      join(cli.dir, 'data'),
    ]);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('Dictionary icd10, version 1.0');
    expect(run.out).toContain('Dictionary medicines, version 1.0');
    expect(run.out).toMatch(/Wrote \d+ chart entries and \d+ amendments for 4 patients/);
    expect(run.out).toContain('Иванова Мария Сергеевна');
    expect(run.out).not.toContain('refused by the chart');
    expect(run.err).toContain('charts: 4 / 4 patients');
    const entries = countOf(db, 'SELECT count(*) AS n FROM chart_entries');
    expect(entries).toBeGreaterThan(4);
    expect(countOf(db, "SELECT count(*) AS n FROM staff WHERE role = 'doctor' AND login LIKE 'demo.%'")).toBe(3);
    expect(cli.run(['verify', '--db', db]).code).toBe(0);
  });
});
