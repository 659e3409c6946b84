import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../shared/errors/app-error';
import type { ErrorCode } from '../../shared/errors/catalog';

/**
 * The desk's side of YubiKey OTP sign-in (A2): a YK-VAL 2.0 client of the central server. The
 * desk never validates an OTP itself: counters kept here could be bypassed at another desk, and
 * the AES secrets live only on the server. So when no server answers, there is no verdict.
 */

const statuses = [
  'OK',
  'BAD_OTP',
  'REPLAYED_OTP',
  'BAD_SIGNATURE',
  'MISSING_PARAMETER',
  'NO_SUCH_CLIENT',
  'OPERATION_NOT_ALLOWED',
  'BACKEND_ERROR',
  'REPLAYED_REQUEST',
  // Sent by a replicated YK-VAL, never by ours; handled like BACKEND_ERROR.
  'NOT_ENOUGH_ANSWERS',
] as const;
export type YkvalStatus = (typeof statuses)[number];
export type YkvalRefusal = Exclude<YkvalStatus, 'OK'>;

/** What the sign-in screen shows for each refusal. */
export const refusalCodes: Record<YkvalRefusal, ErrorCode> = {
  BAD_OTP: 'yubikey.bad_otp',
  REPLAYED_OTP: 'yubikey.replayed_otp',
  BAD_SIGNATURE: 'yubikey.bad_signature',
  MISSING_PARAMETER: 'yubikey.missing_parameter',
  NO_SUCH_CLIENT: 'yubikey.no_such_client',
  OPERATION_NOT_ALLOWED: 'yubikey.operation_not_allowed',
  BACKEND_ERROR: 'yubikey.backend_error',
  REPLAYED_REQUEST: 'yubikey.replayed_request',
  NOT_ENOUGH_ANSWERS: 'yubikey.backend_error',
};

export type YubikeyVerdict =
  | {
      status: 'OK';
      /** Whose key: the staff member is looked up by it. */
      publicId: string;
      /** The key's usage counter and session use, as the server accepted them. */
      sessionCounter: number;
      sessionUse: number;
      /** The key's internal 8 Hz timestamp. */
      timestamp: number;
      /** The server that gave the verdict. */
      server: string;
    }
  | { status: YkvalRefusal; code: ErrorCode; server: string };

export interface VerifyYubikeyOtpOptions {
  /** Base URLs, the primary first, then the backup. */
  servers: string[];
  /** This desk's YK-VAL client id and API key (base64), from `medcard-server yk-client-add`. */
  clientId: number | string;
  apiKey: string;
  /** As typed by the key; normalizeYubikeyOtp is applied first. */
  otp: string;
  fetch?: typeof fetch;
  /** Per server; the person is standing at the desk waiting. */
  timeoutMs?: number;
}

const modhex = 'cbdefghijklnrtuv';
/**
 * A YubiKey types key positions, so with the Russian layout active (ЙЦУКЕН) the modhex letters
 * arrive as these Cyrillic ones, in the same order. YK-VAL maps Dvorak back the same way.
 */
const russianLayout = 'сивуапршолдткегм';

/**
 * The OTP as it must be sent: trimmed, lower-case, typed on a Russian layout mapped back, and of
 * the protocol's shape (32–48 modhex letters). Throws AppError `yubikey.otp.length` or
 * `yubikey.otp.alphabet` (field `otp`): nothing malformed leaves the desk.
 */
export function normalizeYubikeyOtp(typed: string): string {
  let otp = '';
  for (const letter of typed.trim().toLowerCase()) {
    const index = russianLayout.indexOf(letter);
    otp += index >= 0 ? modhex[index] : letter;
  }
  if (otp.length < 32 || otp.length > 48) throw new AppError('yubikey.otp.length', { field: 'otp' });
  if (!/^[cbdefghijklnrtuv]+$/.test(otp)) throw new AppError('yubikey.otp.alphabet', { field: 'otp' });
  return otp;
}

/**
 * Asks the validation authority. Tries each server in turn while it cannot be reached (network
 * error, timeout, an HTTP error, BACKEND_ERROR); the first signed verdict is final. An answer
 * whose signature or echoed otp/nonce is wrong is refused at once with an AppError
 * (`yubikey.response.signature` / `.mismatch` / `.malformed`), not retried elsewhere: it may
 * have consumed the OTP on the way. No answer at all: AppError `yubikey.authority_unreachable`.
 */
export async function verifyYubikeyOtp(options: VerifyYubikeyOtpOptions): Promise<YubikeyVerdict> {
  const otp = normalizeYubikeyOtp(options.otp);
  const apiKey = Buffer.from(options.apiKey, 'base64');
  const doFetch = options.fetch ?? fetch;
  let backendRefusal: YubikeyVerdict | undefined;
  for (const server of options.servers) {
    // A fresh nonce per server: each attempt is its own request.
    const nonce = randomBytes(16).toString('hex');
    const params: Record<string, string> = { id: String(options.clientId), otp, nonce, timestamp: '1' };
    const url = new URL('/wsapi/2.0/verify', server);
    for (const [key, value] of Object.entries({ ...params, h: sign(params, apiKey) })) url.searchParams.set(key, value);
    let body: string;
    try {
      const response = await doFetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 5_000) });
      if (response.status !== 200) continue;
      body = await response.text();
    } catch {
      continue;
    }
    const verdict = readAnswer(body, { apiKey, otp, nonce, server });
    if (verdict.status === 'BACKEND_ERROR' || verdict.status === 'NOT_ENOUGH_ANSWERS') {
      backendRefusal = verdict;
      continue;
    }
    return verdict;
  }
  if (backendRefusal) return backendRefusal;
  throw new AppError('yubikey.authority_unreachable');
}

function readAnswer(
  body: string,
  request: { apiKey: Buffer; otp: string; nonce: string; server: string },
): YubikeyVerdict {
  const fields: Record<string, string> = {};
  for (const line of body.split(/\r?\n/)) {
    const equals = line.indexOf('=');
    if (equals <= 0) continue;
    const key = line.slice(0, equals);
    if (Object.hasOwn(fields, key)) throw new AppError('yubikey.response.malformed');
    fields[key] = line.slice(equals + 1);
  }
  const status = statuses.find((known) => known === fields.status);
  if (!status || fields.h === undefined) throw new AppError('yubikey.response.malformed');
  if (!signatureMatches(fields, request.apiKey, fields.h)) {
    // A server that does not know this client cannot sign for it. Believing an unsigned
    // refusal lets nobody in; anything else unsigned may be forged.
    if (status !== 'NO_SUCH_CLIENT') throw new AppError('yubikey.response.signature');
  }
  // "The client MUST verify that the otp in the response is the same as the otp supplied in
  // the request" (ValidationProtocolV20): the same for the nonce. Refusals may omit them.
  const echoed = (name: 'otp' | 'nonce', sent: string) =>
    status === 'OK' ? fields[name] === sent : (fields[name] ?? sent) === sent;
  if (!echoed('otp', request.otp) || !echoed('nonce', request.nonce)) throw new AppError('yubikey.response.mismatch');
  if (status !== 'OK') return { status, code: refusalCodes[status], server: request.server };

  const count = (name: string): number => {
    const value = fields[name];
    if (value === undefined || !/^\d{1,10}$/.test(value)) throw new AppError('yubikey.response.malformed');
    return Number(value);
  };
  return {
    status: 'OK',
    publicId: request.otp.slice(0, request.otp.length - 32),
    sessionCounter: count('sessioncounter'),
    sessionUse: count('sessionuse'),
    timestamp: count('timestamp'),
    server: request.server,
  };
}

/** YK-VAL's signature: HMAC-SHA1 over the sorted `key=value` pairs but `h`, base64. */
function sign(params: Record<string, string>, apiKey: Buffer): string {
  const text = Object.keys(params)
    .filter((key) => key !== 'h')
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&');
  return createHmac('sha1', apiKey).update(text, 'utf8').digest('base64');
}

function signatureMatches(fields: Record<string, string>, apiKey: Buffer, h: string): boolean {
  const expected = Buffer.from(sign(fields, apiKey), 'base64');
  const given = Buffer.from(h, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
