import type { FastifyInstance } from 'fastify';
import { cabinetPaths, type Representation } from '../../../shared/cabinet/cabinet-api';
import { accountRoute, routeLimits } from '../accounts/account-route-options';
import type { CabinetDeps } from '../cabinet-deps';
import { cabinetSessionOf, requirePatientStage } from '../session/cabinet-session';
import { representationOf } from './representation';

/**
 * GET /representation (B9): whom the signed-in patient may act for. Only a full (patient-stage)
 * session sees it: naming other patients needs the identity confirmed and the account activated.
 */
export function registerRepresentationRoute(
  scope: FastifyInstance,
  deps: Pick<CabinetDeps, 'db' | 'now' | 'rateLimit'>,
): void {
  scope.get(
    cabinetPaths.representation,
    accountRoute(deps, routeLimits.read),
    async (request): Promise<Representation> => {
      const session = requirePatientStage(cabinetSessionOf(request));
      return representationOf(deps.db, session, deps.now());
    },
  );
}
