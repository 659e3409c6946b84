import type { FastifyInstance } from 'fastify';
import type { CabinetDeps } from '../cabinet-deps';

/** Desk-signed routes of applications (under /v1, device signature checked by the scope). */
export function registerDeskApplicationRoutes(_signed: FastifyInstance, _deps: CabinetDeps): void {}
