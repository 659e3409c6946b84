import type { FastifyInstance } from 'fastify';
import type { CabinetDeps } from '../cabinet-deps';

/** A patient's requests for their records (issue 14, F3): ask, confirm with a code, follow, download. */
export function registerRecordRequestRoutes(_app: FastifyInstance, _deps: CabinetDeps): void {}
