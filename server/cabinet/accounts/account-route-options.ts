import type { RouteShorthandOptions } from 'fastify';
import type { CabinetDeps } from '../cabinet-deps';

/** No cabinet account call needs more: a bigger body is refused (413) before it is read. */
export const accountBodyLimit = 64 * 1024;

/** Requests per address and window for one route (`@fastify/rate-limit`, per route). */
export interface RouteLimit {
  max: number;
  perMs: number;
}

const minute = 60_000;

/** The limits per address, by what a route does: guessing is slow, sending is slower. */
export const routeLimits = {
  register: { max: 10, perMs: 60 * minute },
  send: { max: 5, perMs: minute },
  check: { max: 20, perMs: minute },
  read: { max: 120, perMs: minute },
} as const satisfies Record<string, RouteLimit>;

/** A cabinet account route's options: the body limit, and the address's rate limit when limiting is on. */
export function accountRoute(deps: Pick<CabinetDeps, 'rateLimit'>, limit: RouteLimit): RouteShorthandOptions {
  return {
    bodyLimit: accountBodyLimit,
    config: deps.rateLimit ? { rateLimit: { max: limit.max, timeWindow: limit.perMs } } : {},
  };
}
