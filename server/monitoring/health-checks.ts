import type { Knex } from 'knex';
import { toNumber } from '../db/values';

/** The server's own checks `GET /health` names when one fails (issue 15: "says what is wrong"). */
export type ServerCheck = 'database' | 'notification_outbox' | 'change_feed';

/** A message queued this long ago and still not sent means the notification worker is stuck. */
export const outboxStuckMinutes = 30;
/** This many messages waiting is more than the worker keeps up with. */
export const outboxPendingLimit = 5000;
/** The probe query's time limit: a database that does not answer in time counts as unreachable. */
const probeTimeoutMs = 3000;

export interface ServerCheckDeps {
  db: Knex;
  now: () => Date;
  /** Whether this instance still hears the change feed (server/sync/change-feed.ts). */
  feedUp: () => boolean;
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function outboxHealthy(db: Knex, now: Date): Promise<boolean> {
  const stuckBefore = new Date(now.getTime() - outboxStuckMinutes * 60_000);
  const row = await db('notification_outbox')
    .whereIn('status', ['queued', 'sending'])
    .select<{ pending: unknown; oldest: unknown }[]>(
      db.raw('count(*) AS pending'),
      db.raw('min(next_attempt_at) AS oldest'),
    )
    .first();
  const pending = toNumber(row?.pending ?? 0);
  const oldest = row?.oldest ? new Date(row.oldest as string | Date) : null;
  return pending < outboxPendingLimit && (oldest === null || oldest >= stuckBefore);
}

/** The checks that fail now, by name (empty: healthy). The database first: without it the rest cannot be asked. */
export async function failingChecks(deps: ServerCheckDeps): Promise<ServerCheck[]> {
  const failing: ServerCheck[] = [];
  try {
    await withTimeout(deps.db.raw('SELECT 1'), probeTimeoutMs);
  } catch {
    failing.push('database');
  }
  if (failing.length === 0) {
    const healthy = await withTimeout(outboxHealthy(deps.db, deps.now()), probeTimeoutMs).catch(() => false);
    if (!healthy) failing.push('notification_outbox');
  }
  if (!deps.feedUp()) failing.push('change_feed');
  return failing;
}
