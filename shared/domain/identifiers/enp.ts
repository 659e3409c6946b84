import type { ErrorCode } from '../../errors/catalog';

/** Luhn check digit over the first 15 digits of an ЕНП, by position from the right. */
export function enpCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

export function normalizeEnp(raw: string): string {
  return raw.replace(/\s/g, '');
}

export function validateEnp(digits: string): ErrorCode | null {
  if (!/^\d{16}$/.test(digits)) return 'patient.enp.format';
  return enpCheck(digits.slice(0, 15)) === digits[15] ? null : 'patient.enp.checksum';
}
