import type { FastifyBaseLogger } from 'fastify';
import type { Knex } from 'knex';
import pg from 'pg';
import { embeddedPglite } from '../db/open';
import { changesChannel, latestSeqs, parseChangeNotice } from './change-log';
import type { ChangeHub } from './change-hub';

export interface ChangeFeed {
  stop(): Promise<void>;
  /** Whether this instance hears the notifications now (false while reconnecting and once stopped). */
  up(): boolean;
}

/**
 * Forwards `NOTIFY medcard_changes` to this instance's hub. PostgreSQL: a dedicated pg.Client
 * (LISTEN needs a connection of its own, outside the pool), reconnecting with backoff and poking
 * everyone after a reconnect, since notifications sent meanwhile are lost. PGlite: its listen API
 * on the one embedded connection.
 */
export async function startChangeFeed(db: Knex, hub: ChangeHub, log: FastifyBaseLogger): Promise<ChangeFeed> {
  const publish = (payload: string | undefined) => {
    const notice = parseChangeNotice(payload);
    if (notice) hub.publish(notice.clinicId, notice.seq);
  };

  const pglite = embeddedPglite(db);
  if (pglite) {
    // PGlite's one session is shared with knex, whose transactions are plain BEGIN…COMMIT
    // queries; a LISTEN slipped into someone else's transaction would vanish if it rolled back.
    // Holding knex's only connection in a transaction of our own keeps it out of theirs.
    const exclusively = <T>(work: () => Promise<T>) => db.transaction(() => work());
    const unlisten = await exclusively(() => pglite.listen(changesChannel, publish));
    // At shutdown the database may already be closed, which ends the LISTEN anyway.
    let listening = true;
    return {
      stop: () => {
        listening = false;
        return exclusively(() => unlisten()).catch(() => undefined);
      },
      up: () => listening,
    };
  }

  const connection = (db.client as Knex.Client).config.connection as string | pg.ClientConfig;
  let client: pg.Client | undefined;
  let stopped = false;
  let retryMs = 500;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (isReconnect: boolean): Promise<void> => {
    const next = new pg.Client(connection);
    next.on('notification', (message) => {
      if (message.channel === changesChannel) publish(message.payload);
    });
    next.on('error', (error) => {
      log.warn({ err: error }, 'change feed connection lost');
      scheduleReconnect(next);
    });
    next.on('end', () => scheduleReconnect(next));
    await next.connect();
    await next.query(`LISTEN ${changesChannel}`);
    client = next;
    retryMs = 500;
    if (isReconnect) for (const [clinicId, seq] of await latestSeqs(db)) hub.publish(clinicId, seq);
  };

  const retry = async (): Promise<void> => {
    timer = undefined;
    if (stopped) return;
    try {
      await connect(true);
    } catch (error) {
      log.warn({ err: error }, 'change feed reconnect failed');
      retryMs = Math.min(retryMs * 2, 30_000);
      timer = setTimeout(() => void retry(), retryMs);
      timer.unref();
    }
  };

  const scheduleReconnect = (failed: pg.Client) => {
    if (stopped || client !== failed || timer) return;
    client = undefined;
    failed.removeAllListeners('end');
    void failed.end().catch(() => undefined);
    timer = setTimeout(() => void retry(), retryMs);
    timer.unref();
  };

  await connect(false);
  return {
    up: () => !stopped && client !== undefined,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      const current = client;
      client = undefined;
      if (current) {
        current.removeAllListeners('end');
        await current.end().catch(() => undefined);
      }
    },
  };
}
