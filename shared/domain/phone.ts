import type { ErrorCode } from '../errors/catalog';

/**
 * Russian numbers in E.164 (`+79161234567`). Accepts `+7…`, `8…`, `7…` or 10 bare digits, with
 * any spaces, dashes and brackets. The first digit of the 10-digit national number is 3, 4, 8
 * (geographic and toll-free codes) or 9 (mobile); others are not assigned in Russia.
 *
 * 6xx and 7xx belong to Kazakhstan, which shares country code 7. They are refused on purpose
 * (`patient.phone.code`): this field is a Russian contact number that the clinic's Russian SMS
 * and call services reach at domestic rates, and a 10-digit entry starting with 7 is far more
 * often a Russian number typed with its country code and a digit missing than a Kazakh one.
 * Recording a foreign number needs its own field, not a loophole in this one.
 */
export type PhoneResult = { ok: true; e164: string } | { ok: false; code: ErrorCode; params?: Record<string, string> };

export function normalizePhone(raw: string): PhoneResult {
  const compact = raw.replace(/[\s\-()]/g, '');
  if (!/^\+?\d+$/.test(compact)) return { ok: false, code: 'patient.phone.format' };
  let national: string;
  if (compact.startsWith('+')) {
    if (!compact.startsWith('+7') || compact.length !== 12) return { ok: false, code: 'patient.phone.format' };
    national = compact.slice(2);
  } else if (compact.length === 11 && (compact.startsWith('8') || compact.startsWith('7'))) {
    national = compact.slice(1);
  } else if (compact.length === 10) {
    national = compact;
  } else {
    return { ok: false, code: 'patient.phone.format' };
  }
  if (!/^[3489]/.test(national))
    return { ok: false, code: 'patient.phone.code', params: { prefix: national.slice(0, 3) } };
  return { ok: true, e164: `+7${national}` };
}

export function isMobile(e164: string): boolean {
  return e164.startsWith('+79');
}

/** `+79161234567` → `+7 (916) 123-45-67`. */
export function formatPhone(e164: string): string {
  const n = e164.slice(2);
  return `+7 (${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8, 10)}`;
}
