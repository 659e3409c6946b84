import type { FastifyInstance } from 'fastify';
import type { CabinetDeps } from '../cabinet-deps';

/** «Кто открывал мою карту» (issue 14, F2): the patient's view of the clinic-wide audit. */
export function registerAccessLogRoutes(_app: FastifyInstance, _deps: CabinetDeps): void {}
