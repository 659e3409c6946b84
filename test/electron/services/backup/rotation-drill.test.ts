import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBackup } from '../../../../electron/services/backup/make-backup';
import { restoreDrill } from '../../../../electron/services/backup/restore-drill';
import { lastBackupState } from '../../../../electron/services/backup/backup-state';
import { cleanCloseMark, refuseDamagedDatabase } from '../../../../electron/services/backup/startup-integrity';
import { openCore } from '../../../../electron/core/open-core';
import { writeBackupSettings } from '../../../../electron/services/backup/backup-settings-store';
import { backupsToKeep } from '../../../../shared/backup/rotation';
import { backupSettingsSchema } from '../../../../shared/backup/backup-settings';
import { AppError } from '../../../../shared/errors/app-error';
import type { TempDesk } from '../../../support/temp-desk';
import { deskWithData, steppingClock } from './backup-helpers';

const desks: TempDesk[] = [];
afterEach(async () => {
  for (const desk of desks.splice(0)) await desk.cleanup();
});

const at = (iso: string) => ({ name: iso, createdAt: new Date(iso) });

describe('rotation: N daily, M weekly, never the newest', () => {
  it('keeps the newest of each of the last days and weeks', () => {
    const backups = [
      at('2026-12-07T02:00:00Z'),
      at('2026-12-07T14:00:00Z'),
      at('2026-12-06T02:00:00Z'),
      at('2026-12-05T02:00:00Z'),
      at('2026-12-04T02:00:00Z'),
      at('2026-11-29T02:00:00Z'),
      at('2026-11-22T02:00:00Z'),
      at('2026-11-15T02:00:00Z'),
    ];
    const kept = backupsToKeep(backups, { keepDaily: 2, keepWeekly: 3 });
    expect([...kept].sort()).toEqual(
      // Days: the 7th (its newest) and the 6th; ISO weeks from Monday: 7 Dec, 30 Nov (the 6th), 23 Nov (the 29th).
      ['2026-12-07T14:00:00Z', '2026-12-06T02:00:00Z', '2026-11-29T02:00:00Z'].sort(),
    );
    expect(backupsToKeep([at('2026-01-01T00:00:00Z')], { keepDaily: 1, keepWeekly: 0 }).size).toBe(1);
  });

  it('refuses nonsense settings with their codes', () => {
    const codes = (input: unknown) =>
      backupSettingsSchema
        .safeParse(input)
        .error?.issues.map((issue) => (issue as { params?: { code?: string } }).params?.code);
    expect(codes({ scheduled: true, time: '25:00', keepDaily: 7, keepWeekly: 4 })).toEqual(['backup.settings.time']);
    expect(codes({ scheduled: true, time: '02:00', keepDaily: 0, keepWeekly: -1 })).toEqual([
      'backup.settings.keep',
      'backup.settings.keep',
    ]);
    expect(codes({ scheduled: true, time: '02:00', keepDaily: 1.5, keepWeekly: 4 })).toEqual(['backup.settings.keep']);
  });

  it('a desk making backups over nine days keeps what its settings say', async () => {
    const d = await deskWithData();
    desks.push(d);
    d.store.transaction((tx) =>
      writeBackupSettings(tx, { scheduled: false, time: '02:00', keepDaily: 3, keepWeekly: 0 }),
    );
    const clock = steppingClock();
    const outDir = join(d.dir, 'backups');
    for (let day = 1; day <= 9; day++) {
      clock.set(`2026-12-0${day}T02:00:00Z`);
      await makeBackup({ store: d.store, clock, key: d.key, outDir });
    }
    expect(readdirSync(outDir).sort()).toEqual([
      'desk-20261207-020001.mcbak',
      'desk-20261208-020001.mcbak',
      'desk-20261209-020001.mcbak',
    ]);
  });
});

describe('restore drill and the start-up integrity check', () => {
  it('the drill restores the newest backup into a scratch place and reports what it holds', async () => {
    const d = await deskWithData();
    desks.push(d);
    const clock = steppingClock('2026-12-07T02:00:00Z');
    const outDir = join(d.dir, 'backups');
    await makeBackup({ store: d.store, clock, key: d.key, outDir });
    clock.set('2026-12-07T08:00:00Z');
    const report = await restoreDrill({ store: d.store, clock, key: d.key, dir: outDir });
    expect(report).toMatchObject({
      ok: true,
      patients: 2,
      scans: 1,
      chainOk: true,
      integrityOk: true,
      failure: null,
    });
    expect(report.ageSeconds).toBeGreaterThan(6 * 3600 - 10);
    expect(report.auditEvents).toBeGreaterThanOrEqual(2);
    expect(d.store.read((tx) => lastBackupState(tx))).toMatchObject({ lastBackupOk: true, lastDrillOk: true });
  });

  it('a database that fails its quick check is refused, naming the newest backup and the command', async () => {
    const d = await deskWithData();
    desks.push(d);
    const outDir = `${d.dbPath}.backups`;
    const { file } = await makeBackup({ store: d.store, clock: steppingClock(), key: d.key, outDir });
    expect(() => refuseDamagedDatabase(d.dbPath, d.key)).not.toThrow();
    await d.store.close();
    // A copy whose pages past the first are damaged: garbage over a page in the middle.
    const bytes = readFileSync(d.dbPath);
    const damaged = join(d.dir, 'damaged', 'desk.db');
    mkdirSync(join(d.dir, 'damaged'));
    const page = 4096;
    const pages = Math.floor(bytes.length / page);
    for (let i = 0; i < page; i++) bytes[Math.floor(pages / 2) * page + i] = i % 251;
    writeFileSync(damaged, bytes);
    let refusal: AppError | undefined;
    try {
      refuseDamagedDatabase(damaged, d.key, outDir);
    } catch (error) {
      refusal = error as AppError;
    }
    expect(refusal?.code).toBe('store.integrity_failed');
    expect(refusal?.params).toMatchObject({ backup: file, command: `medcard restore ${file} --db ${damaged}` });
  });
});

describe('the start-up check after an unclean close', () => {
  it('a desk closed cleanly starts without the check; one that was not is checked, and a damaged one is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'medcard-clean-close-'));
    const dbPath = join(dir, 'desk.db');
    const key = randomBytes(32);
    const open = () =>
      openCore({
        dbPath,
        key,
        create: true,
        sync: false,
        relyingParty: { rpId: 'localhost', origin: 'http://localhost' },
      });
    try {
      await (await open()).close();
      expect(existsSync(cleanCloseMark(dbPath))).toBe(true);
      const core = await open();
      // Open again: the mark is taken away, so a kill from now on leaves none.
      expect(existsSync(cleanCloseMark(dbPath))).toBe(false);
      await core.close();

      // A page in the middle overwritten, as a failing disk would: without the mark the start refuses.
      const bytes = readFileSync(dbPath);
      const page = 4096;
      const middle = Math.floor(bytes.length / page / 2) * page;
      for (let i = 0; i < page; i++) bytes[middle + i] = i % 251;
      writeFileSync(dbPath, bytes);
      rmSync(cleanCloseMark(dbPath));
      await expect(open()).rejects.toMatchObject({ code: 'store.integrity_failed' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
