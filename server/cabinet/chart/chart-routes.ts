import type { FastifyInstance } from 'fastify';
import type { CabinetDeps } from '../cabinet-deps';

/**
 * The cabinet's chart (issue 12, shared/cabinet/chart-api.ts): history, entries, inaccuracy
 * reports, lab uploads. The sharing routes are server/cabinet/chart/share-routes.ts.
 */
export function registerChartRoutes(scope: FastifyInstance, deps: CabinetDeps): void {
  void scope;
  void deps;
}
