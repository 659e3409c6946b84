import { z } from 'zod';
import type { ReadTx, Tx } from '../open-store';
import { readSetting, writeSetting } from '../settings';

/**
 * Sync-only writer: how far this desk's audit chain is anchored on the server, as the server last
 * answered a push — where the next push starts. Only a cursor: whoever holds the database key can
 * change it, so the chain is never judged by it (`medcard verify` asks the server itself).
 */
const anchorKey = 'audit.anchor';
const anchorSchema = z.object({ seq: z.number().int().min(0), hash: z.string() });
export type AuditAnchor = z.infer<typeof anchorSchema>;

export function readAuditAnchor(tx: ReadTx): AuditAnchor | undefined {
  const value = readSetting<unknown>(tx, anchorKey);
  const parsed = anchorSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function writeAuditAnchor(tx: Tx, anchor: AuditAnchor | null): void {
  writeSetting(tx, anchorKey, anchor ?? { seq: 0, hash: '' });
}
