import { z } from 'zod';
import { apiErrorSchema } from '../errors/app-error';
import { backupSettingsSchema } from '../backup/backup-settings';
import { defineCall } from './define-call';

const progressSchema = z.object({
  phase: z.enum(['snapshot', 'write', 'verify', 'unpack', 'rotate']),
  bytesDone: z.number(),
  bytesTotal: z.number(),
  partsDone: z.number().int(),
  partsTotal: z.number().int(),
});
/** What a backup, a restore or a drill reports while it works (the screen's bar, the CLI's line). */
export type BackupProgress = z.infer<typeof progressSchema>;

/** A backup being made, polled by the screen. */
export const backupJobSchema = z.object({
  jobId: z.uuid(),
  state: z.enum(['running', 'done', 'failed']),
  progress: progressSchema.nullable(),
  error: apiErrorSchema.nullable(),
  file: z.string().nullable(),
});
export type BackupJob = z.infer<typeof backupJobSchema>;

export const drillReportSchema = z.object({
  ok: z.boolean(),
  file: z.string(),
  createdAt: z.string(),
  ageSeconds: z.number(),
  size: z.number(),
  patients: z.number().int(),
  chartEntries: z.number().int(),
  scans: z.number().int(),
  auditEvents: z.number().int(),
  chainOk: z.boolean(),
  integrityOk: z.boolean(),
  failure: z.string().nullable(),
  durationMs: z.number(),
});
/** What a restore drill found: the newest backup restored into a scratch place and checked. */
export type DrillReport = z.infer<typeof drillReportSchema>;

export const backupLogRowSchema = z.object({
  kind: z.enum(['backup', 'drill']),
  file: z.string(),
  at: z.string(),
  ok: z.boolean(),
  size: z.number(),
  durationMs: z.number(),
});

/**
 * Calls: the desk's backups and the restore drill (issue 15, G4). Restore itself is `medcard restore`
 * (the desk closed).
 */
export const backupCalls = {
  'backups.list': defineCall({
    input: z.strictObject({}),
    output: z.object({
      dir: z.string(),
      files: z.array(z.object({ name: z.string(), createdAt: z.string(), size: z.number() })),
      log: z.array(backupLogRowSchema),
    }),
    permission: 'ops.manage',
  }),
  'backups.run': defineCall({
    input: z.strictObject({}),
    output: z.object({ jobId: z.uuid() }),
    permission: 'ops.manage',
  }),
  'backups.job': defineCall({
    input: z.strictObject({ jobId: z.uuid() }),
    output: backupJobSchema,
    permission: 'ops.manage',
    passive: true,
  }),
  'backups.drill': defineCall({
    input: z.strictObject({}),
    output: drillReportSchema,
    permission: 'ops.manage',
  }),
  'backups.settings.get': defineCall({
    input: z.strictObject({}),
    output: backupSettingsSchema,
    permission: 'ops.manage',
  }),
  'backups.settings.set': defineCall({
    input: backupSettingsSchema,
    output: backupSettingsSchema,
    permission: 'ops.manage',
  }),
} as const;
