import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerMetrics } from './server-metrics';

/** The route's pattern (`/v1/blobs/:sha256`), never the URL with its ids; `unmatched` for a 404. */
function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}

interface PushAnswer {
  results?: { status?: unknown }[];
}
interface PullAnswer {
  changes?: unknown[];
}

/**
 * Counts every answer by route, method and status, with its latency, and — from the sync routes'
 * answers, before they are serialised — the pushed mutations by result and the rows pulls served,
 * so sync itself knows nothing of metrics. Installed on the root before any route is registered,
 * so every scope inherits the hooks.
 */
export function installRequestMetrics(app: FastifyInstance, metrics: ServerMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    const labels = { route: routeOf(request), method: request.method, status: String(reply.statusCode) };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
    if (reply.statusCode >= 500) metrics.httpErrors.inc({ route: labels.route, method: labels.method });
  });

  app.addHook('preSerialization', async (request, reply, payload: unknown) => {
    if (reply.statusCode !== 200 || typeof payload !== 'object' || payload === null) return payload;
    const route = routeOf(request);
    if (route === '/v1/sync/push') {
      for (const result of (payload as PushAnswer).results ?? []) {
        if (typeof result.status === 'string') metrics.pushMutations.inc({ result: result.status });
      }
    } else if (route === '/v1/sync/pull') {
      metrics.pulls.inc();
      metrics.pulledRows.inc((payload as PullAnswer).changes?.length ?? 0);
    }
    return payload;
  });
}
