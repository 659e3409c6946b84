import { createHash } from 'node:crypto';

/**
 * How an unknown login is named in the desk's tables and audit log: its SHA-256, never its
 * text, because people type their password into the login field often enough. (Its format and
 * normalizing: shared/auth/login-name.ts, used by the contract's schemas.)
 */
export function loginDigest(normalized: string): string {
  return createHash('sha256').update(normalized, 'utf8').digest('hex');
}
