import { Secret, TOTP } from 'otpauth';

/**
 * TOTP, the backup factor (A2): RFC 6238 with the parameters every authenticator app reads from
 * a QR code (SHA-1, 6 digits, 30 s). A code is accepted one step early or late, for clocks that
 * drift, and never twice: the last accepted step is kept and only later steps pass.
 */
const period = 30;
const digits = 6;
const algorithm = 'SHA1';
const issuer = 'Medcard Desk';

/** 160 random bits, base32: the size RFC 4226 recommends for SHA-1. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, login: string): TOTP {
  return new TOTP({ issuer, label: login, secret: Secret.fromBase32(secret), algorithm, digits, period });
}

/** The otpauth:// URI an authenticator app scans as a QR code. */
export function totpUri(secret: string, login: string): string {
  return totp(secret, login).toString();
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'totp_wrong' | 'totp_reused' };

/** Checks a typed code at `at`; `lastStep` is the step of the last code accepted for this secret. */
export function verifyTotpCode(secret: string, code: string, at: Date, lastStep: number | null): TotpCheck {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return { ok: false, reason: 'totp_wrong' };
  const generator = totp(secret, '');
  const timestamp = at.getTime();
  const delta = generator.validate({ token, timestamp, window: 1 });
  if (delta === null) return { ok: false, reason: 'totp_wrong' };
  const step = generator.counter({ timestamp }) + delta;
  if (lastStep !== null && step <= lastStep) return { ok: false, reason: 'totp_reused' };
  return { ok: true, step };
}

/** The code an app shows at `at` (for tests and for the software authenticator's peers). */
export function totpCodeAt(secret: string, at: Date): string {
  return totp(secret, '').generate({ timestamp: at.getTime() });
}
