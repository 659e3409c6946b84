import { z } from 'zod';

const instant = z.iso.datetime({ offset: true });
const count = z.number().int().min(0).max(1e9);

/**
 * What a desk says about itself after each sync cycle (issue 15, G5): the server keeps the latest
 * per device, the admin's «Состояние рабочих мест» judges it with `evaluateHealth`. Counts and sizes
 * only — nothing about patients.
 */
export const healthReportSchema = z.strictObject({
  /** The end of the last cycle that pushed and pulled without failing; null before the first. */
  lastSyncAt: instant.nullable(),
  pendingOutbox: count,
  openConflicts: count,
  /** Changes the server refused that staff have not dealt with. */
  refusedChanges: count,
  /** Free space of the database's volume (MB); null where the system cannot say. */
  freeDiskMb: z.number().min(0).max(1e12).nullable(),
  databaseMb: z.number().min(0).max(1e12),
  lastBackupAt: instant.nullable(),
  lastDrillAt: instant.nullable(),
  appVersion: z.string().min(1).max(40),
  /** When the desk made the report (its own clock). */
  reportedAt: instant,
});
export type HealthReport = z.infer<typeof healthReportSchema>;

/** One desk's latest report as the server answers `GET /v1/devices/health`. */
export const deskHealthSchema = z.strictObject({
  deviceId: z.uuid(),
  deviceName: z.string(),
  /** When the server received the report (the server's clock). */
  receivedAt: instant,
  report: healthReportSchema,
});
export type DeskHealth = z.infer<typeof deskHealthSchema>;

export const desksHealthResponseSchema = z.strictObject({ desks: z.array(deskHealthSchema).max(10_000) });
export type DesksHealthResponse = z.infer<typeof desksHealthResponseSchema>;
