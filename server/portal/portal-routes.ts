import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { z } from 'zod';
import { parseOr400 } from '../http/parse';
import { accessState } from './access-state';
import { identityAttemptSchema, recordIdentityAttempt } from './identity-attempts';
import { portalClinicOf, requirePortalToken } from './portal-auth';

export interface PortalRouteDeps {
  db: Knex;
  now: () => Date;
  /**
   * MEDCARD_PORTAL_TOKEN, the default clinic's portal; other clinics' tokens are in `clinics`.
   * Without any, the routes refuse every request (portal.not_configured).
   */
  token: string | undefined;
}

const patientParamsSchema = z.strictObject({ patientId: z.uuid().transform((id) => id.toLowerCase()) });

/**
 * The patients' portal's API (B6), under /v1/portal: authenticated by the portal's token, not by
 * a desk's signature. The portal reports identity-confirmation attempts and asks whether a
 * patient's online access is allowed.
 */
export function registerPortalRoutes(app: FastifyInstance, deps: PortalRouteDeps): void {
  requirePortalToken(app, deps.db, deps.token);

  app.post('/identity-attempts', async (request) => {
    const attempt = parseOr400(identityAttemptSchema, request.body);
    const answer = await recordIdentityAttempt(deps.db, attempt, deps.now(), portalClinicOf(request));
    request.log.info(
      {
        portal: {
          patientId: answer.patientId,
          method: attempt.method,
          outcome: attempt.outcome,
          status: answer.status,
        },
      },
      'identity attempt',
    );
    return answer;
  });

  app.get('/patients/:patientId/access', async (request) => {
    const { patientId } = parseOr400(patientParamsSchema, request.params);
    return accessState(deps.db, patientId, deps.now(), portalClinicOf(request));
  });
}
