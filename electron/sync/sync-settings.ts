import { z } from 'zod';
import type { Tx } from '../store/open-store';
import { readSetting, writeSetting } from '../store/settings';

/**
 * This desk's sync identity, kept inside the encrypted database: the servers it talks to, the id
 * the server gave it, and its Ed25519 private key (PKCS#8 DER, base64) — never on disk in clear.
 */
export const syncIdentitySchema = z.object({
  servers: z.array(z.url()).min(1).max(2),
  deviceId: z.uuid(),
  privateKey: z.string(),
  enrolledAt: z.string(),
});
export type SyncIdentity = z.infer<typeof syncIdentitySchema>;

const identityKey = 'sync.identity';
const cursorKey = 'sync.cursor';

export function readSyncIdentity(tx: Tx): SyncIdentity | undefined {
  const value = readSetting<unknown>(tx, identityKey);
  return value === undefined ? undefined : syncIdentitySchema.parse(value);
}

export function writeSyncIdentity(tx: Tx, identity: SyncIdentity): void {
  writeSetting(tx, identityKey, syncIdentitySchema.parse(identity));
}

/** The change-log position this desk has applied; undefined before the first full sync. */
export function readCursor(tx: Tx): number | undefined {
  return readSetting<number>(tx, cursorKey);
}

export function writeCursor(tx: Tx, cursor: number): void {
  writeSetting(tx, cursorKey, cursor);
}
