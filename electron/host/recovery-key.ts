import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors/app-error';

/**
 * The recovery key: 32 random bytes written for the admin's safe as 14 groups of four
 * characters in Crockford's base32 (no I, L, O, U: nothing to misread), the last group a check
 * (20 bits of SHA-256) that catches a typo before any unwrapping is tried. Typed back, case,
 * spaces and dashes do not matter, and I/L read as 1, O as 0.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const keyBytes = 32;
const bodyChars = 52; // 256 bits in 5-bit symbols, the last padded with zeros
const checkChars = 4;

export function newRecoveryKey(): Buffer {
  return randomBytes(keyBytes);
}

export function formatRecoveryKey(key: Buffer): string {
  const text = toBase32(key) + check(key);
  return (text.match(/.{4}/g) ?? []).join('-');
}

/** The key the admin typed; `db_key.recovery_typo` when it is malformed or its check group does not match. */
export function parseRecoveryKey(typed: string): Buffer {
  const text = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (text.length !== bodyChars + checkChars || [...text].some((c) => !alphabet.includes(c))) {
    throw new AppError('db_key.recovery_typo');
  }
  const key = fromBase32(text.slice(0, bodyChars));
  if (!key || check(key) !== text.slice(bodyChars)) throw new AppError('db_key.recovery_typo');
  return key;
}

function check(key: Buffer): string {
  return toBase32(createHash('sha256').update('medcard-recovery-key/1').update(key).digest()).slice(0, checkChars);
}

function toBase32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string): Buffer | undefined {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text) {
    value = (value << 5) | alphabet.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  // The padding bits of the last symbol are zeros in a key this program wrote.
  if (bytes.length !== keyBytes || value !== 0) return undefined;
  return Buffer.from(bytes);
}
