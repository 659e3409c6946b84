import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useMedcardCli } from '../../support/medcard-cli';

const cli = useMedcardCli('medcard-backup-cli-', { each: true });

// The command line in child processes (tsx): slow on a loaded machine, never timed.
describe('medcard backup, restore-drill and restore (issue 15, G4)', { timeout: 180_000 }, () => {
  it('backs up a desk, drills the newest backup, and restores it with the old database kept aside', () => {
    const env = { MEDCARD_DB_KEY: randomBytes(32).toString('hex') };
    const db = join(cli.dir, 'desk.db');
    const run = (args: string[]) => cli.run(args, { env });
    expect(run(['seed-demo', '--db', db, '--patients', '20']).code).toBe(0);

    const backup = run(['backup', '--db', db]);
    expect(backup.code, backup.err).toBe(0);
    expect(backup.out).toMatch(/Backup: .*desk-\d{8}-\d{6}\.mcbak/);
    expect(backup.out).toContain('Patients: 20');

    const drill = run(['restore-drill', '--db', db]);
    expect(drill.code, drill.err).toBe(0);
    expect(drill.out).toContain('Restore drill: OK');
    expect(drill.out).toMatch(/Patients: 20; chart entries: 0; scans: 0; audit events: \d+/);

    const [file] = readdirSync(`${db}.backups`);
    const restored = run(['restore', join(`${db}.backups`, file!), '--db', db]);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toContain('before-restore-');
    expect(run(['verify', '--db', db]).code).toBe(0);

    const other = cli.run(['restore', join(`${db}.backups`, file!), '--db', db], {
      env: { MEDCARD_DB_KEY: randomBytes(32).toString('hex') },
    });
    expect(other.code).toBe(1);
    expect(other.err).toContain('backup.wrong_key');
  });
});
