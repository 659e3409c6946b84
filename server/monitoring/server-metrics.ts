import { performance } from 'node:perf_hooks';
import type { Knex } from 'knex';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { toNumber } from '../db/values';

/**
 * The server's metrics (issue 15, G5), one registry per server instance (never prom-client's
 * global one: tests run several servers in one process). Counters move as requests are served;
 * queue depths, the change log's head and the database's probe are read at each scrape.
 */
export interface ServerMetrics {
  readonly registry: Registry;
  readonly httpRequests: Counter<'route' | 'method' | 'status'>;
  readonly httpDuration: Histogram<'route' | 'method' | 'status'>;
  readonly httpErrors: Counter<'route' | 'method'>;
  readonly pushMutations: Counter<'result'>;
  readonly pulls: Counter;
  readonly pulledRows: Counter;
  readonly healthReports: Counter;
  readonly alerts: Counter<'source'>;
}

interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/** knex's tarn pool on PostgreSQL; PGlite's client has none. */
function poolOf(db: Knex): TarnPool | undefined {
  const pool = (db.client as { pool?: Partial<TarnPool> }).pool;
  return pool && typeof pool.numUsed === 'function' ? (pool as TarnPool) : undefined;
}

export function createServerMetrics(db: Knex): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const notifications = new Gauge({
    name: 'medcard_notification_outbox',
    help: 'Messages in the notification outbox by state (pending: queued or sending; failed: given up)',
    labelNames: ['state'],
    registers,
    async collect() {
      const rows = await db('notification_outbox')
        .whereIn('status', ['queued', 'sending', 'failed'])
        .groupBy('status')
        .select<{ status: string; n: unknown }[]>('status', db.raw('count(*) AS n'));
      let pending = 0;
      let failed = 0;
      for (const row of rows) {
        if (row.status === 'failed') failed += toNumber(row.n);
        else pending += toNumber(row.n);
      }
      this.set({ state: 'pending' }, pending);
      this.set({ state: 'failed' }, failed);
    },
  });
  void notifications;

  new Gauge({
    name: 'medcard_change_log_head',
    help: 'The newest sequence number in the change log',
    registers,
    async collect() {
      const row = await db('change_log').max<{ max: unknown }>('seq as max').first();
      this.set(row?.max === null || row?.max === undefined ? 0 : toNumber(row.max));
    },
  });

  new Gauge({
    name: 'medcard_db_probe_seconds',
    help: 'How long a probe query (SELECT 1) took at the scrape; -1 when it failed',
    registers,
    async collect() {
      const started = performance.now();
      try {
        await db.raw('SELECT 1');
        this.set((performance.now() - started) / 1000);
      } catch {
        this.set(-1);
      }
    },
  });

  new Gauge({
    name: 'medcard_db_pool_connections',
    help: 'The PostgreSQL pool: size (used + idle), idle, and requests waiting for a connection',
    labelNames: ['state'],
    registers,
    collect() {
      const pool = poolOf(db);
      if (!pool) return;
      this.set({ state: 'size' }, pool.numUsed() + pool.numFree());
      this.set({ state: 'idle' }, pool.numFree());
      this.set({ state: 'waiting' }, pool.numPendingAcquires());
    },
  });

  return {
    registry,
    httpRequests: new Counter({
      name: 'medcard_http_requests_total',
      help: 'HTTP requests by route pattern, method and status',
      labelNames: ['route', 'method', 'status'],
      registers,
    }),
    httpDuration: new Histogram({
      name: 'medcard_http_request_duration_seconds',
      help: 'HTTP request latency by route pattern, method and status',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    httpErrors: new Counter({
      name: 'medcard_http_errors_total',
      help: 'Answers with a 5xx status by route pattern and method',
      labelNames: ['route', 'method'],
      registers,
    }),
    pushMutations: new Counter({
      name: 'medcard_sync_push_mutations_total',
      help: 'Desks’ pushed mutations by result (applied, conflict, refused)',
      labelNames: ['result'],
      registers,
    }),
    pulls: new Counter({ name: 'medcard_sync_pulls_total', help: 'Pull requests served', registers }),
    pulledRows: new Counter({ name: 'medcard_sync_pulled_rows_total', help: 'Changes served by pulls', registers }),
    healthReports: new Counter({
      name: 'medcard_device_health_reports_total',
      help: 'Desks’ health reports received',
      registers,
    }),
    alerts: new Counter({
      name: 'medcard_health_alerts_total',
      help: 'Alerts raised on a turn to red, by what turned (desk, notifications)',
      labelNames: ['source'],
      registers,
    }),
  };
}
