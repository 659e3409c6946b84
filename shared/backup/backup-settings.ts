import { z } from 'zod';

/** Bounds of the kept backups: at least one daily, at most a year of each. */
export const keepDailyRange = { min: 1, max: 365 } as const;
export const keepWeeklyRange = { min: 0, max: 520 } as const;

const wholeIn = (range: { min: number; max: number }) =>
  z.custom<number>(
    (value) => Number.isInteger(value) && (value as number) >= range.min && (value as number) <= range.max,
    { params: { code: 'backup.settings.keep', ...range } },
  );

/** How the desk's backups are made and kept (the admin's settings form); nonsense is refused with a code. */
export const backupSettingsSchema = z.strictObject({
  /** A backup every day at `time` (the desk's local time) while the desk runs. */
  scheduled: z.boolean(),
  time: z.custom<string>((value) => typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value), {
    params: { code: 'backup.settings.time' },
  }),
  /** The newest backup of each of the last `keepDaily` days is kept. */
  keepDaily: wholeIn(keepDailyRange),
  /** And the newest of each of the last `keepWeekly` weeks. */
  keepWeekly: wholeIn(keepWeeklyRange),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

/** Off until an admin turns it on (a test's or a demo's desk makes no backups by itself). */
export const defaultBackupSettings: BackupSettings = { scheduled: false, time: '02:00', keepDaily: 7, keepWeekly: 4 };
