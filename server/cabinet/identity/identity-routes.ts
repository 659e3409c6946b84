import type { FastifyInstance } from 'fastify';
import type { CabinetDeps } from '../cabinet-deps';

export function registerIdentityRoutes(_scope: FastifyInstance, _deps: CabinetDeps): void {}
