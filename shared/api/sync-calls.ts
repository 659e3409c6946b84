import { z } from 'zod';
import { defineCall } from './define-call';
import { syncConflictSchema, syncStatusSchema } from './sync-status';

/** The desk's sync with the central server as staff see it: its state and the conflicts to resolve (G3). */
export const syncCalls = {
  'sync.status': defineCall({
    input: z.strictObject({}),
    output: syncStatusSchema,
    permission: 'session.read',
    passive: true,
  }),
  'sync.conflicts': defineCall({
    input: z.strictObject({}),
    output: z.object({ items: z.array(syncConflictSchema) }),
    permission: 'patients.read',
  }),
  'sync.resolveConflict': defineCall({
    input: z.strictObject({ id: z.uuid(), keep: z.enum(['server', 'device']) }),
    output: z.object({ resolved: z.boolean() }),
    permission: 'patients.write',
    writes: true,
  }),
} as const;
