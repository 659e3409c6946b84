import type { CabinetStage } from '../../../shared/cabinet/cabinet-api';

/** The cabinet session a request carries, resolved by cabinet-session.ts's hook. */
export interface CabinetSession {
  /** SHA-256 (hex) of the cookie's value: the row's key in `cabinet_sessions`. */
  readonly idHash: string;
  readonly accountId: string;
  readonly clinicId: string;
  readonly stage: CabinetStage;
  /** The clinic's card the account is linked to, when it is. */
  readonly patientId: string | null;
  /** The token writes must carry in `x-csrf-token` (GET /me hands it to the page). */
  readonly csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the cabinet's session hook when the request carries a live session (and, for writes, its CSRF token). */
    cabinetSession?: CabinetSession;
  }
}
