import { createHash } from 'node:crypto';

/** Logins are Latin, case-insensitive and short: what a clerk types without thinking of layouts. */
export const loginPattern = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** The setup account's login: never a person's, never signed in with. */
export const reservedLogins: readonly string[] = ['desk-setup'];

/** `Ivanova ` and `ivanova` are one login: compared after NFKC, trimming and lower-casing. */
export function normalizeLogin(login: string): string {
  return login.normalize('NFKC').trim().toLowerCase();
}

/**
 * How an unknown login is named in the desk's tables and audit log: its SHA-256, never its
 * text, because people type their password into the login field often enough.
 */
export function loginDigest(normalized: string): string {
  return createHash('sha256').update(normalized, 'utf8').digest('hex');
}
