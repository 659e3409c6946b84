import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { ErrorCode } from '../../shared/errors/catalog';

/** The tab's cookie: HttpOnly (no script reads it), SameSite=Strict, for this launch only. */
export const tabCookieName = 'medcard_tab';

export const exchangeBodySchema = z.object({ token: z.string().min(1).max(256) }).strict();

export type ExchangeOutcome =
  | { ok: true; setCookie?: string }
  | { ok: false; status: 401 | 403; code: Extract<ErrorCode, 'host.unauthorized' | 'host.token_spent'> };

/**
 * The launch secret is good for one exchange: the first client that shows it gets the tab's
 * cookie and the secret is forgotten; from then on only that cookie opens the API. Whoever else
 * got the printed address (another local user, a squatted port) is left with a spent token.
 */
export class LaunchSession {
  private secretDigest: Buffer | null;
  private cookieDigest: Buffer | null = null;

  constructor(secret: string) {
    this.secretDigest = digest(secret);
  }

  /** Trades the secret for the cookie; a client already holding the cookie keeps it (a reload). */
  exchange(token: string, cookieHeader: string | undefined): ExchangeOutcome {
    if (this.holdsCookie(cookieHeader)) return { ok: true };
    if (!this.secretDigest) return { ok: false, status: 403, code: 'host.token_spent' };
    if (!timingSafeEqual(digest(token), this.secretDigest))
      return { ok: false, status: 401, code: 'host.unauthorized' };
    this.secretDigest = null;
    const cookie = randomBytes(32).toString('base64url');
    this.cookieDigest = digest(cookie);
    return { ok: true, setCookie: `${tabCookieName}=${cookie}; Path=/; HttpOnly; SameSite=Strict` };
  }

  /** Whether the request carries the cookie the secret was traded for. */
  holdsCookie(cookieHeader: string | undefined): boolean {
    if (!this.cookieDigest) return false;
    const expected = this.cookieDigest;
    // Any of them: a page on another localhost port may set a cookie of the same name (cookies
    // ignore the port), which must not push the tab's own out.
    return cookieValues(cookieHeader, tabCookieName).some((value) => timingSafeEqual(digest(value), expected));
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function cookieValues(header: string | undefined, name: string): string[] {
  return (header ?? '')
    .split(';')
    .map((part) => part.split('='))
    .filter(([key, value]) => key?.trim() === name && value !== undefined)
    .map(([, value]) => (value ?? '').trim());
}
