import type { ErrorCode } from '../../errors/catalog';

const weights10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const weights11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const weights12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function control(digits: string, weights: readonly number[]): string {
  let sum = 0;
  weights.forEach((weight, i) => (sum += weight * Number(digits[i])));
  return String((sum % 11) % 10);
}

/** Check digits for an INN body: 9 digits (organisation) → 1 digit, 10 digits (person) → 2. */
export function innCheck(body: string): string {
  if (body.length === 9) return control(body, weights10);
  const first = control(body, weights11);
  return first + control(body + first, weights12);
}

export function normalizeInn(raw: string): string {
  return raw.replace(/\s/g, '');
}

/** A patient's INN is a person's: 12 digits. `kind: 'organisation'` checks a 10-digit one. */
export function validateInn(digits: string, kind: 'person' | 'organisation' = 'person'): ErrorCode | null {
  const bodyLength = kind === 'person' ? 10 : 9;
  const length = kind === 'person' ? 12 : 10;
  if (digits.length !== length || !/^\d+$/.test(digits)) return 'patient.inn.format';
  return innCheck(digits.slice(0, bodyLength)) === digits.slice(bodyLength) ? null : 'patient.inn.checksum';
}
