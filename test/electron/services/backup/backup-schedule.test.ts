import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDue, startDeskBackups } from '../../../../electron/services/backup/desk-backups';
import { lastBackupState } from '../../../../electron/services/backup/backup-state';
import { writeBackupSettings } from '../../../../electron/services/backup/backup-settings-store';
import { recordBackupLog } from '../../../../electron/store/local-writers/backup-log';
import type { TempDesk } from '../../../support/temp-desk';
import { deskWithData, steppingClock } from './backup-helpers';

const desks: TempDesk[] = [];
afterEach(async () => {
  for (const desk of desks.splice(0)) await desk.cleanup();
});

// The schedule's time is the desk's local time: these instants are local too.
const today = (hours: number, minutes = 0) => new Date(2026, 11, 7, hours, minutes);

describe('the daily backup (G4): due once its time has passed and no backup was made since', () => {
  it('is due only when turned on, after its time, until a backup is made; drills do not count', async () => {
    const desk = await deskWithData();
    desks.push(desk);
    const { store } = desk;
    expect(backupDue(store, today(3))).toBe(false);
    store.transaction((tx) => writeBackupSettings(tx, { scheduled: true, time: '02:00', keepDaily: 7, keepWeekly: 4 }));
    expect(backupDue(store, today(1, 59))).toBe(false);
    expect(backupDue(store, today(2, 1))).toBe(true);

    const drillAt = today(2, 30).toISOString();
    store.transaction((tx) =>
      recordBackupLog(tx, { kind: 'drill', file: 'x', at: drillAt, ok: true, size: 1, durationMs: 1, report: {} }),
    );
    expect(backupDue(store, today(3))).toBe(true);
    const beforeToday = today(1).toISOString();
    store.transaction((tx) =>
      recordBackupLog(tx, { kind: 'backup', file: 'y', at: beforeToday, ok: true, size: 1, durationMs: 1, report: {} }),
    );
    expect(backupDue(store, today(3))).toBe(true);
  });

  it('the timer makes the backup when it is due, and then waits for tomorrow', async () => {
    const desk = await deskWithData();
    desks.push(desk);
    const { store } = desk;
    store.transaction((tx) => writeBackupSettings(tx, { scheduled: true, time: '02:00', keepDaily: 7, keepWeekly: 4 }));
    const clock = steppingClock(today(2, 5).toISOString());
    const ticks: (() => void)[] = [];
    const outDir = join(desk.dir, 'scheduled');
    const backups = startDeskBackups({
      store,
      key: desk.key,
      clock,
      outDir,
      schedule: { every: (_ms, tick) => (ticks.push(tick), { stop: () => undefined }) },
    });
    try {
      expect(ticks).toHaveLength(1);
      ticks[0]!();
      const state = () => store.read((tx) => lastBackupState(tx));
      for (let i = 0; i < 1200 && state().lastBackupAt === null; i++) {
        await new Promise((done) => setTimeout(done, 50));
      }
      expect(state()).toMatchObject({ lastBackupOk: true });
      expect(readdirSync(outDir).filter((name) => name.endsWith('.mcbak'))).toHaveLength(1);
      expect(backupDue(store, clock.now())).toBe(false);
      expect(backupDue(store, new Date(today(2, 5).getTime() + 24 * 3_600_000))).toBe(true);
    } finally {
      backups.stop();
    }
  });
});
