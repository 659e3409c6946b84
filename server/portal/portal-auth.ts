import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Knex } from 'knex';
import { clinicByPortalToken, defaultClinicId, portalTokenDigest } from '../clinics/clinics';
import { HttpError } from '../http/http-error';

const bearer = /^Bearer ([\x21-\x7e]{1,512})$/;

declare module 'fastify' {
  interface FastifyRequest {
    /** The clinic whose portal sent the request (portal-auth.ts). */
    portalClinicId?: string;
  }
}

/**
 * Every route of this scope answers only a clinic's patients' portal: `authorization: Bearer
 * <token>`. The token says which clinic's portal is asking: MEDCARD_PORTAL_TOKEN is the default
 * clinic's; any clinic may have a token of its own (`medcard-server portal-token --clinic ID`,
 * stored as its SHA-256 in `clinics`). Digests are compared, so neither the length nor any prefix
 * of a secret leaks through timing; the header is redacted from logs (http/logger.ts). Without
 * any token configured every request is refused: the portal's routes exist but are shut.
 *
 * Added to each route, as the device signature is, so that the rate limiter sees a request first.
 */
export function requirePortalToken(app: FastifyInstance, db: Knex, token: string | undefined): void {
  const expected = token === undefined ? undefined : Buffer.from(portalTokenDigest(token), 'hex');
  const check: onRequestAsyncHookHandler = async (request) => {
    const header = request.headers.authorization;
    const given = header === undefined ? undefined : bearer.exec(header)?.[1];
    const digest = given === undefined ? undefined : portalTokenDigest(given);
    const clinicId =
      digest === undefined
        ? undefined
        : expected !== undefined && timingSafeEqual(Buffer.from(digest, 'hex'), expected)
          ? await defaultClinicId(db)
          : await clinicByPortalToken(db, digest);
    if (clinicId !== undefined) {
      request.portalClinicId = clinicId;
      return;
    }
    if (!expected && !(await anyClinicToken(db))) throw new HttpError(503, 'portal.not_configured');
    if (header === undefined) throw new HttpError(401, 'portal.auth.missing');
    throw new HttpError(401, 'portal.auth.wrong');
  };
  app.addHook('onRoute', (route) => {
    const existing = route.onRequest;
    route.onRequest = [...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]), check];
  });
}

async function anyClinicToken(db: Knex): Promise<boolean> {
  return (await db('clinics').whereNotNull('portal_token_sha256').first('id')) !== undefined;
}

/** The clinic a portal route answers for; the hook above guarantees it in this scope. */
export function portalClinicOf(request: FastifyRequest): string {
  if (request.portalClinicId === undefined) throw new HttpError(401, 'portal.auth.missing');
  return request.portalClinicId;
}
