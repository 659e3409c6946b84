import { z } from 'zod';

/**
 * A desk backup is one file (`desk-YYYYMMDD-HHMMSS.mcbak`):
 *   magic (8 bytes) · header length (u32 BE) · header (JSON, in clear, authenticated) ·
 *   manifest length (u32 BE) · manifest (AES-256-GCM, the header as additional data) · parts.
 * The clear header names the desk and carries a key check, so that a file from another desk or
 * under another key is told apart from a damaged one before anything is unpacked; the manifest
 * lists every part with its size and SHA-256, and the parts follow in its order.
 */
export const backupMagic = 'MCBAK\u0000\u0000\u0001';
export const backupExtension = '.mcbak';

export const backupHeaderSchema = z.strictObject({
  format: z.literal(1),
  deskId: z.string().min(1).max(100),
  createdAt: z.iso.datetime(),
  schemaVersion: z.string().max(200),
  /** HMAC-SHA256 of a fixed text under the backup's check key, hex: says "this key" without the key. */
  keyCheck: z.string().regex(/^[0-9a-f]{64}$/),
  /** The manifest's GCM nonce and tag, hex. */
  iv: z.string().regex(/^[0-9a-f]{24}$/),
  tag: z.string().regex(/^[0-9a-f]{32}$/),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

/** A part: the database (SQLCipher, under the desk key) or one sealed file of the scan vault. */
export const backupPartSchema = z.strictObject({
  kind: z.enum(['database', 'scan']),
  /** The database: `desk.db`; a scan: its path inside the vault (`ab/abcd…`). */
  name: z
    .string()
    .min(1)
    .max(200)
    .regex(/^(desk\.db|[0-9a-f]{2}\/[0-9a-f]{64})$/),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupPart = z.infer<typeof backupPartSchema>;

export const backupManifestSchema = z.strictObject({
  deskId: z.string().min(1).max(100),
  parts: z.array(backupPartSchema).min(1),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

const pad = (n: number) => String(n).padStart(2, '0');

/** `desk-20261207-181500.mcbak` for that moment in UTC: names sort as the backups were made. */
export function backupFileName(at: Date): string {
  const day = `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}`;
  const time = `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`;
  return `desk-${day}-${time}${backupExtension}`;
}

/** The moment a backup's file name says, or null for any other name. */
export function backupFileTime(name: string): Date | null {
  const match = /^desk-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.mcbak$/.exec(name);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const at = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  return Number.isNaN(at.getTime()) ? null : at;
}
