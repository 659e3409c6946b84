import type { FastifyInstance } from 'fastify';
import { cabinetPaths, type CodeSent, type IdentityState } from '../../../shared/cabinet/cabinet-api';
import {
  identityCodeConfirmSchema,
  identityCodeSendSchema,
  identityDocumentSchema,
} from '../../../shared/cabinet/identity-requests';
import { parseInput } from '../../../shared/errors/zod-issues';
import { accountRoute, routeLimits } from '../accounts/account-route-options';
import type { CabinetDeps } from '../cabinet-deps';
import { registerOidcRoutes } from '../oidc/oidc-routes';
import { cabinetSessionOf } from '../session/cabinet-session';
import { confirmIdentityCode, sendIdentityCode } from './identity-code';
import { checkIdentityDocument } from './identity-document';
import { identityStateOf } from './identity-state';
import { registerRepresentationRoute } from './representation-route';

/**
 * Identity confirmation online (B6, seed §3.2) — a code to the contact on the clinic's card, or
 * an uploaded document compared with the card's — feeding the counter whose third failure locks
 * online confirmation; federated sign-in through the identity provider (oidc/); the people the
 * account represents (B9). Every route answers for the session's own card only.
 */
export function registerIdentityRoutes(scope: FastifyInstance, deps: CabinetDeps): void {
  const { db } = deps;
  // Per address, on top of the per-card lock: codes cost money to send, guesses are counted anyway.
  const sendLimit = accountRoute(deps, routeLimits.send);
  const tryLimit = accountRoute(deps, routeLimits.check);

  scope.get(cabinetPaths.identity, accountRoute(deps, routeLimits.read), async (request): Promise<IdentityState> => {
    return identityStateOf(db, cabinetSessionOf(request));
  });

  scope.post(cabinetPaths.identityCodeSend, sendLimit, async (request): Promise<CodeSent> => {
    const session = cabinetSessionOf(request);
    const { channel } = parseInput(identityCodeSendSchema, request.body);
    return sendIdentityCode(deps, session, channel);
  });

  scope.post(cabinetPaths.identityCodeConfirm, tryLimit, async (request): Promise<IdentityState> => {
    const session = cabinetSessionOf(request);
    const { code } = parseInput(identityCodeConfirmSchema, request.body);
    await confirmIdentityCode(deps, session, code);
    return identityStateOf(db, session);
  });

  scope.post(cabinetPaths.identityDocument, tryLimit, async (request): Promise<IdentityState> => {
    const session = cabinetSessionOf(request);
    const input = parseInput(identityDocumentSchema, request.body);
    await checkIdentityDocument(deps, session, input);
    return identityStateOf(db, session);
  });

  registerRepresentationRoute(scope, deps);
  registerOidcRoutes(scope, deps);
}
