import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import { HttpError } from '../http/http-error';

const bearer = /^Bearer ([\x21-\x7e]{1,512})$/;

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * Every route of this scope answers only the patients' portal: `authorization: Bearer <token>`
 * with the token from the server's settings (MEDCARD_PORTAL_TOKEN). Compared as SHA-256 digests
 * in constant time, so neither the length nor any prefix of the secret leaks through timing; the
 * header is redacted from logs (http/logger.ts). Without a configured token every request is
 * refused: the portal's routes exist but are shut.
 *
 * Added to each route, as the device signature is, so that the rate limiter sees a request first.
 */
export function requirePortalToken(app: FastifyInstance, token: string | undefined): void {
  const expected = token === undefined ? undefined : digest(token);
  const check: onRequestAsyncHookHandler = async (request) => {
    if (!expected) throw new HttpError(503, 'portal.not_configured');
    const header = request.headers.authorization;
    if (header === undefined) throw new HttpError(401, 'portal.auth.missing');
    const given = bearer.exec(header)?.[1];
    if (given === undefined || !timingSafeEqual(digest(given), expected)) throw new HttpError(401, 'portal.auth.wrong');
  };
  app.addHook('onRoute', (route) => {
    const existing = route.onRequest;
    route.onRequest = [...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]), check];
  });
}
