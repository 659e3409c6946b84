import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * YK-VAL validation protocol 2.0 (Yubico/yubikey-val, doc/ValidationProtocolV20.adoc): the
 * statuses, the HMAC-SHA1 signature over sorted `key=value` pairs, and the text response.
 */

export const ykvalStatuses = [
  'OK',
  'BAD_OTP',
  'REPLAYED_OTP',
  'BAD_SIGNATURE',
  'MISSING_PARAMETER',
  'NO_SUCH_CLIENT',
  'OPERATION_NOT_ALLOWED',
  'BACKEND_ERROR',
  'REPLAYED_REQUEST',
] as const;
export type YkvalStatus = (typeof ykvalStatuses)[number];

/**
 * `h` = base64(HMAC-SHA1(api key, "k1=v1&k2=v2…")) over every pair but `h` itself, sorted by key,
 * values as they are (not URL-encoded).
 */
export function ykvalSignature(params: Readonly<Record<string, string>>, apiKey: Uint8Array): string {
  const text = Object.keys(params)
    .filter((key) => key !== 'h')
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&');
  return createHmac('sha1', apiKey).update(text, 'utf8').digest('base64');
}

/** Compares in constant time, so the answer's timing cannot be used to guess a signature. */
export function ykvalSignatureMatches(
  params: Readonly<Record<string, string>>,
  apiKey: Uint8Array,
  h: string,
): boolean {
  const expected = Buffer.from(ykvalSignature(params, apiKey), 'base64');
  const given = Buffer.from(h, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** YK-VAL's `t`: UTC to the second, then `Z0` and the milliseconds (e.g. 2008-11-21T06:11:55Z0711). */
export function ykvalTime(at: Date): string {
  const iso = at.toISOString();
  return `${iso.slice(0, 19)}Z0${iso.slice(20, 23)}`;
}

export interface YkvalAnswer {
  status: YkvalStatus;
  /** Echoed only when well-formed, so nothing a caller sent can add a line to the answer. */
  otp?: string;
  nonce?: string;
  sl?: string;
  timestamp?: number;
  sessioncounter?: number;
  sessionuse?: number;
}

/**
 * The signed text answer, in YK-VAL's order: h, t, the echoed and extra fields, status, then an
 * empty line; CRLF line ends. Without a client key (unknown or malformed id) it is signed with
 * an empty key, as YK-VAL does: a client can tell it was not signed for it.
 */
export function formatYkvalAnswer(answer: YkvalAnswer, apiKey: Uint8Array | undefined, at: Date): string {
  const fields: Record<string, string> = { t: ykvalTime(at) };
  for (const name of ['otp', 'nonce', 'sl', 'timestamp', 'sessioncounter', 'sessionuse'] as const) {
    const value = answer[name];
    if (value !== undefined) fields[name] = String(value);
  }
  fields.status = answer.status;
  const h = ykvalSignature(fields, apiKey ?? Buffer.alloc(0));
  return `${[`h=${h}`, ...Object.entries(fields).map(([key, value]) => `${key}=${value}`)].join('\r\n')}\r\n\r\n`;
}
