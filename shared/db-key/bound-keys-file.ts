import { z } from 'zod';

/** A credential id or a PRF output as WebAuthn JSON carries it: unpadded base64url. */
export const base64urlSchema = z.string().regex(/^[A-Za-z0-9_-]+$/);

const sealedSchema = z.strictObject({ iv: z.base64(), tag: z.base64(), ciphertext: z.base64() });

/** One hardware key the database key is bound to: its WebAuthn credential and the key sealed under its PRF. */
export const boundKeySchema = z.strictObject({
  credentialId: base64urlSchema.max(1366),
  /** Who bound it and what it is called («ключ Ивановой»), for the admin's list. */
  label: z.string().min(1).max(200),
  boundAt: z.iso.datetime(),
  sealed: sealedSchema,
});
export type BoundKey = z.infer<typeof boundKeySchema>;

/**
 * The bound-keys file beside the database (`desk.db.bound-keys`, mode 0600): the database key
 * sealed (AES-256-GCM) under a key derived (HKDF-SHA256) from each bound hardware key's PRF
 * output, and under the recovery key. It holds no secret by itself: the disk alone opens nothing.
 * `desk` names this desk in every derivation, so that entries cannot be moved between desks;
 * `prfSalt` is what every bound key is asked to evaluate (WebAuthn `prf.eval.first`).
 */
export const boundKeysFileSchema = z.strictObject({
  format: z.literal('medcard-bound-keys/1'),
  desk: z.uuid(),
  prfSalt: base64urlSchema.length(43),
  keys: z.array(boundKeySchema).max(50),
  recovery: sealedSchema.nullable(),
});
export type BoundKeysFile = z.infer<typeof boundKeysFileSchema>;
