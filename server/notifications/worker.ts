import type { FastifyBaseLogger } from 'fastify';
import type { Knex } from 'knex';
import type { ErrorCode } from '../../shared/errors/catalog';
import { channelTurnedOff } from './channel-choice';
import type { NotificationTransports } from './notification-types';
import { registerLocalWorker } from './local-kick';
import { claimDue, markFinal, markRetry, markSent, release, type ClaimedRow } from './outbox-store';
import { openSenders, SendError, sendTimeoutMs, type Senders } from './senders';
import { renderMessage, statusNoticeTemplates, TemplateParamError } from './templates';

export interface NotificationWorkerDeps {
  db: Knex;
  now: () => Date;
  transports: NotificationTransports;
  /** How often the outbox is looked at when nothing kicks the worker (default 2 s). */
  pollMs?: number;
  /** Rows claimed at once, and sent at once (defaults 32 and 8). */
  batchSize?: number;
  concurrency?: number;
  /** How long a claim holds a row (default 2 min, well over a send's timeout). */
  leaseMs?: number;
  /** The cabinet's public address: links in messages that carry a path only (a video visit's). */
  publicUrl?: string;
}

/** The waits after the 1st, 2nd, … failed attempt; after the last one the message is given up. */
export const retryDelaysMs = [30_000, 120_000, 600_000, 3_600_000, 21_600_000] as const;
export const maxAttempts = retryDelaysMs.length + 1;

/** The wait after failed attempt `attempts` (1-based), ±20 % so that retries of a burst spread out. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = retryDelaysMs[Math.min(attempts, retryDelaysMs.length) - 1] ?? retryDelaysMs[0];
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * Sends the outbox's due messages, with retries and backoff, until stopped.
 *
 * Never lost: a message is a row until it is sent or given up; a worker that stops releases the
 * rows it claimed but did not start, and one that dies leaves them leased, to be claimed again
 * when the lease runs out. Never sent twice: the row is marked sent right after the provider
 * accepted it, only by the worker whose lease it holds, and the row id goes with every attempt
 * (the e-mail's Message-ID, the gateway's `idempotency-key`). What remains is the moment between
 * the provider's "accepted" and that mark: a process that dies there sends the message again
 * after the lease, with the same Message-ID / key, so the gateway drops the repeat and a mail
 * client shows the e-mail once.
 */
export function startNotificationWorker(
  deps: NotificationWorkerDeps,
  log: FastifyBaseLogger,
): { stop(): Promise<void>; kick(): void } {
  const pollMs = deps.pollMs ?? 2000;
  const batchSize = deps.batchSize ?? 32;
  const concurrency = deps.concurrency ?? 8;
  const leaseMs = Math.max(deps.leaseMs ?? 120_000, 2 * sendTimeoutMs);
  const senders: Senders = openSenders(deps.transports, concurrency);
  let running = true;
  let kicked = false;
  let wake: (() => void) | undefined;

  const finish = async (id: string, attempts: number, error: unknown): Promise<void> => {
    if (error instanceof TemplateParamError) {
      log.error({ notification: id, code: 'notification.template.params', param: error.param }, 'notification failed');
      await markFinal(deps.db, id, attempts, 'failed', 'notification.template.params');
      return;
    }
    const send = error instanceof SendError ? error : undefined;
    const code: ErrorCode = send?.code ?? 'notification.smtp.unavailable';
    if (!send) log.error({ notification: id, err: error }, 'notification send crashed');
    if (send?.permanent || attempts >= maxAttempts) {
      log.warn(
        { notification: id, code, attempts, gaveUp: send?.permanent ? undefined : 'notification.gave_up' },
        'notification failed',
      );
      await markFinal(deps.db, id, attempts, 'failed', code);
      return;
    }
    const next = new Date(deps.now().getTime() + retryDelayMs(attempts));
    log.info({ notification: id, code, attempts, next: next.toISOString() }, 'notification will be retried');
    await markRetry(deps.db, id, attempts, code, next);
  };

  const deliver = async (row: ClaimedRow): Promise<void> => {
    let providerId: string;
    try {
      if (
        row.accountId &&
        statusNoticeTemplates.has(row.template) &&
        (await channelTurnedOff(deps.db, row.accountId, row.channel))
      ) {
        await markFinal(deps.db, row.id, row.attempts, 'skipped', null);
        log.info({ notification: row.id, channel: row.channel, template: row.template }, 'notification skipped');
        return;
      }
      const message = renderMessage(row.template, row.params, {
        ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}),
        mailFrom: deps.transports.mailFrom,
        recipient: row.recipient,
        now: deps.now(),
      });
      providerId =
        row.channel === 'email'
          ? await senders.email({
              id: row.id,
              to: row.recipient,
              subject: message.subject,
              text: message.text,
              html: message.html,
              ...(message.attachments ? { attachments: message.attachments } : {}),
            })
          : await senders.sms({ id: row.id, to: row.recipient, text: message.sms });
    } catch (error) {
      await finish(row.id, row.attempts, error);
      return;
    }
    await recordSent(row, providerId);
  };

  /**
   * Once the provider took the message it must not be retried as a failure: if the journal
   * cannot be written the row is still marked sent (without the event); if even that fails the
   * row keeps its lease and is the residual window (README.md).
   */
  const recordSent = async (row: ClaimedRow, providerId: string): Promise<void> => {
    const facts = { notification: row.id, channel: row.channel, template: row.template, attempts: row.attempts };
    try {
      const marked = await markSent(deps.db, row, providerId, deps.now());
      log.info({ ...facts, marked }, 'notification sent');
    } catch (error) {
      log.error({ ...facts, err: error }, 'notification sent, its journal event not written');
      try {
        await markSent(deps.db, { ...row, applicationId: null }, providerId, deps.now());
      } catch {
        log.error(facts, 'notification sent, not marked: it will be sent again after its lease');
      }
    }
  };

  const runBatch = async (): Promise<number> => {
    const claimed = await claimDue(deps.db, deps.now(), leaseMs, batchSize);
    const queue = [...claimed];
    const lane = async (): Promise<void> => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        if (!running) {
          await release(
            deps.db,
            next.ok ? next.row.id : next.id,
            next.ok ? next.row.attempts : next.attempts,
            deps.now(),
          );
          continue;
        }
        if (next.ok) await deliver(next.row);
        else await markFinal(deps.db, next.id, next.attempts, 'failed', 'notification.request.invalid');
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, lane));
    return claimed.length;
  };

  const pause = (): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(done, pollMs);
      function done(): void {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const loop = async (): Promise<void> => {
    while (running) {
      kicked = false;
      let claimed = 0;
      try {
        claimed = await runBatch();
      } catch (error) {
        if (running) log.error({ err: error }, 'notification outbox unreachable');
      }
      if (running && claimed === 0 && !kicked) await pause();
    }
  };
  const done = loop();
  const kick = (): void => {
    kicked = true;
    wake?.();
  };
  const unregister = registerLocalWorker(kick);

  return {
    kick,
    async stop() {
      running = false;
      unregister();
      wake?.();
      await done;
      senders.close();
    },
  };
}
