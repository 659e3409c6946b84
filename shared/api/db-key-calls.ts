import { z } from 'zod';
import { base64urlSchema } from '../db-key/bound-keys-file';
import { defineCall } from './define-call';

/** A 32-byte PRF output (CTAP2 hmac-secret) as the page carries it: unpadded base64url. */
const prfOutputSchema = base64urlSchema.length(43);
const credentialIdSchema = base64urlSchema.min(1).max(1366);

/** What the admin's page shows of the binding: never a key, never a PRF output. */
export const dbKeyStatusSchema = z.object({
  /** `bindable`: this host can bind; `other-source`: MEDCARD_DB_KEY / a key file; `not-here`: Electron, the CLI. */
  where: z.enum(['bindable', 'other-source', 'not-here']),
  keys: z.array(z.object({ credentialId: credentialIdSchema, label: z.string(), boundAt: z.string() })),
  recoveryKey: z.boolean(),
});
export type DbKeyStatus = z.infer<typeof dbKeyStatusSchema>;

/** What a page needs to ask hardware keys for their PRF: the desk's salt and the credentials bound so far. */
const prfOptionsSchema = z.object({
  desk: z.uuid(),
  prfSalt: prfOutputSchema,
  credentialIds: z.array(credentialIdSchema),
});

/** Calls: the database key bound to hardware keys (WebAuthn PRF) and its recovery key (issue 15, A5). */
export const dbKeyCalls = {
  'dbKey.status': defineCall({
    input: z.object({}).strict(),
    output: dbKeyStatusSchema,
    permission: 'ops.manage',
  }),
  /** The salt a new key is asked to evaluate (a new desk's when nothing is bound yet) and the keys already bound. */
  'dbKey.bindOptions': defineCall({
    input: z.object({}).strict(),
    output: prfOptionsSchema,
    permission: 'ops.manage',
  }),
  /**
   * Binds the database key to one more hardware key. The first binding also makes the recovery
   * key, answered here once and never again, and then deletes the copy kept before.
   */
  'dbKey.bind': defineCall({
    input: z
      .object({
        desk: z.uuid(),
        prfSalt: prfOutputSchema,
        credentialId: credentialIdSchema,
        prfOutput: prfOutputSchema,
        label: z.string().trim().min(1).max(200),
      })
      .strict(),
    output: z.object({ status: dbKeyStatusSchema, recoveryKey: z.string().nullable() }),
    permission: 'ops.manage',
    recentAuth: true,
  }),
  'dbKey.unbind': defineCall({
    input: z.object({ credentialId: credentialIdSchema }).strict(),
    output: dbKeyStatusSchema,
    permission: 'ops.manage',
    recentAuth: true,
  }),
  /**
   * Before the database is open (the browser host's unlock page): the salt and the bound keys to
   * ask. The host answers it itself while locked; once open, `open` is true and nothing is asked.
   */
  'dbKey.unlockOptions': defineCall({
    input: z.object({}).strict(),
    output: z.object({ open: z.boolean(), options: prfOptionsSchema.nullable() }),
    permission: 'public',
    whileLocked: 'allowed',
    passive: true,
  }),
  /** A touched key's PRF output: the host unwraps the database key and opens the store. */
  'dbKey.unlock': defineCall({
    input: z.object({ credentialId: credentialIdSchema, prfOutput: prfOutputSchema }).strict(),
    output: z.object({ open: z.literal(true) }),
    permission: 'public',
    whileLocked: 'allowed',
  }),
} as const;

export const dbKeyUnlockInputSchema = dbKeyCalls['dbKey.unlock'].input;
