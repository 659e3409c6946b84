import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { serverVersion } from '../version';
import { startHealthAlerts } from './health-alerts';
import { failingChecks } from './health-checks';
import { mayScrape, readMetricsToken } from './metrics-access';
import { installRequestMetrics } from './request-metrics';
import { createServerMetrics, type ServerMetrics } from './server-metrics';

export interface MonitoringOptions {
  db: Knex;
  now: () => Date;
  /** Whether this instance hears the change feed. */
  feedUp: () => boolean;
  /** The metrics bearer token's file (mode 0600); without it /metrics answers loopback only. */
  metricsTokenFile?: string | undefined;
  /** The alert pass's interval; false: no pass (tests run it themselves). */
  alertIntervalMs?: number | false;
}

/**
 * The server's monitoring (issue 15, G5), installed on the root before any route so that every
 * route is counted: the metrics registry and its request hooks, `GET /metrics` (Prometheus text,
 * not public), `GET /health` (public: ok, or 503 with the failing checks by name, nothing else)
 * and the periodic alert pass. Answers the metrics, for the routes registered elsewhere.
 */
export function registerMonitoring(app: FastifyInstance, options: MonitoringOptions): ServerMetrics {
  const metrics = createServerMetrics(options.db);
  const token = options.metricsTokenFile ? readMetricsToken(options.metricsTokenFile) : undefined;
  installRequestMetrics(app, metrics);

  app.get('/metrics', async (request, reply) => {
    if (!mayScrape(request, token)) {
      return reply.code(403).send({ code: 'health.metrics_forbidden' });
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  app.get('/health', async (_request, reply) => {
    const failing = await failingChecks(options);
    if (failing.length === 0) return { status: 'ok', version: serverVersion };
    app.log.warn({ failing }, 'health check failed');
    return reply.code(503).send({ status: 'failing', failing });
  });

  if (options.alertIntervalMs !== false) {
    const pass = startHealthAlerts({
      db: options.db,
      now: options.now,
      log: app.log,
      metrics,
      ...(options.alertIntervalMs === undefined ? {} : { intervalMs: options.alertIntervalMs }),
    });
    app.addHook('onClose', () => pass.stop());
  }
  return metrics;
}
