import type { ErrorCode } from '../../errors/catalog';

/** Check digits of a SNILS body (9 digits), per the Pension Fund's rule (see DOMAIN.md). */
export function snilsCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (9 - i);
  if (sum < 100) return String(sum).padStart(2, '0');
  if (sum === 100 || sum === 101) return '00';
  const rest = sum % 101;
  return rest === 100 ? '00' : String(rest).padStart(2, '0');
}

/** Digits only: `112-233-445 95` → `11223344595`. */
export function normalizeSnils(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

export function validateSnils(digits: string): ErrorCode | null {
  if (!/^\d{11}$/.test(digits)) return 'patient.snils.format';
  if (/^0+$/.test(digits)) return 'patient.snils.zero';
  const body = digits.slice(0, 9);
  // Numbers up to 001-001-998 were issued before the check rule and are not checked.
  if (Number(body) <= 1001998) return null;
  return snilsCheck(body) === digits.slice(9) ? null : 'patient.snils.checksum';
}

export function formatSnils(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)} ${digits.slice(9, 11)}`;
}
