import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { deviceOf } from '../auth/device-auth';
import { latestSeq } from './change-log';
import type { ChangeHub } from './change-hub';

export interface EventsDeps {
  db: Knex;
  hub: ChangeHub;
  heartbeatMs: number;
}

/**
 * `GET /v1/sync/events`: Server-Sent Events of the device's clinic. On connect its newest seq (so a desk that was away
 * pulls at once), then `event: change` whenever the log grows, and a comment line every
 * heartbeat so proxies and the desk can tell a quiet stream from a dead one.
 */
export function registerEventsRoute(app: FastifyInstance, deps: EventsDeps): void {
  const open = new Set<ServerResponse>();

  // Hijacked responses are not Fastify's to close; end them so close() does not wait forever.
  app.addHook('preClose', async () => {
    for (const response of open) response.end();
    open.clear();
  });

  app.get('/sync/events', async (request, reply) => {
    const { clinicId } = deviceOf(request);
    const seq = await latestSeq(deps.db, clinicId);
    reply.hijack();
    const response = reply.raw;
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // nginx and friends buffer responses unless told not to.
      'x-accel-buffering': 'no',
    });
    const send = (text: string) => {
      if (!response.writableEnded) response.write(text);
    };
    send(`retry: 2000\n\n`);
    send(changeEvent(seq));
    open.add(response);
    const unsubscribe = deps.hub.subscribe(clinicId, (next) => send(changeEvent(next)));
    const heartbeat = setInterval(() => send(': heartbeat\n\n'), deps.heartbeatMs);
    heartbeat.unref();
    const cleanup = () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(response);
    };
    request.raw.on('close', cleanup);
    response.on('close', cleanup);
  });
}

function changeEvent(seq: number): string {
  return `event: change\ndata: ${JSON.stringify({ seq })}\n\n`;
}
