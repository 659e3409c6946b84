import { z } from 'zod';

const localizedText = z.object({ ru: z.string(), en: z.string() });

/** What the status bar and the sync page show (G3). */
export const syncStatusSchema = z.object({
  status: z.enum(['not_configured', 'connecting', 'syncing', 'online', 'offline', 'refused']),
  server: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  error: z.object({ code: z.string(), message: localizedText }).nullable(),
  progress: z
    .object({
      phase: z.enum(['snapshot', 'push', 'pull', 'dictionary']),
      done: z.number(),
      total: z.number().nullable(),
    })
    .nullable(),
  /** Local changes not yet confirmed by the server. */
  pending: z.number().int(),
  /** Changes the server refused: shown to staff, never dropped. */
  refused: z.array(
    z.object({ table: z.string(), rowId: z.string(), code: z.string(), field: z.string().nullable(), at: z.string() }),
  ),
  /** Unresolved conflicts. */
  conflicts: z.number().int(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** A conflict as staff see it: both values, who and when. */
export const syncConflictSchema = z.object({
  id: z.string(),
  table: z.string(),
  rowId: z.string(),
  field: z.string(),
  patientName: z.string().nullable(),
  serverValue: z.string().nullable(),
  serverActor: z.string().nullable(),
  serverAt: z.string().nullable(),
  deviceValue: z.string().nullable(),
  deviceActor: z.string(),
  deviceName: z.string(),
  at: z.string(),
});
export type SyncConflictView = z.infer<typeof syncConflictSchema>;
