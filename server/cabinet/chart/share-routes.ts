import type { FastifyInstance } from 'fastify';
import type { CabinetDeps } from '../cabinet-deps';

/** The cabinet's consents to share (D6): list, give, revoke (shared/cabinet/chart-api.ts). */
export function registerShareRoutes(scope: FastifyInstance, deps: CabinetDeps): void {
  void scope;
  void deps;
}
