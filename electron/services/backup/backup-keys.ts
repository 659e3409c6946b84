import { createHmac, hkdfSync } from 'node:crypto';
import { AppError } from '../../../shared/errors/app-error';

/** The backup container's keys, derived from the desk's store key (never the SQLCipher key itself). */
export interface BackupKeys {
  /** AES-256-GCM key of the manifest. */
  manifest: Buffer;
  /** The key check written in the clear header: HMAC-SHA256 of a fixed text, hex. */
  check: string;
}

export function deriveBackupKeys(storeKey: Buffer): BackupKeys {
  if (storeKey.length !== 32) throw new AppError('store.key.format');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', storeKey, 'medcard-desk backup', info, 32));
  const check = createHmac('sha256', derive('key check v1')).update('medcard-desk backup key check').digest('hex');
  return { manifest: derive('aes-256-gcm manifest v1'), check };
}
