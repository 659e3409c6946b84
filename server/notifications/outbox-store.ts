import type { Knex } from 'knex';
import { z } from 'zod';
import type { ErrorCode } from '../../shared/errors/catalog';
import { appendEvent } from '../cabinet/applications/application-rows';
import { toNumber, toRecord } from '../db/values';
import { withChangeLog } from '../sync/change-log';
import { notificationChannels, notificationTemplates } from './notification-types';

/** A row the worker claimed: it holds the lease until `leaseUntil` for attempt number `attempts`. */
export const claimedRowSchema = z.object({
  id: z.string(),
  clinicId: z.string(),
  accountId: z.string().nullable(),
  applicationId: z.string().nullable(),
  channel: z.enum(notificationChannels),
  recipient: z.string(),
  template: z.enum(notificationTemplates),
  params: z.record(z.string(), z.string()),
  attempts: z.number().int().positive(),
});
export type ClaimedRow = z.infer<typeof claimedRowSchema>;

/** What came back from the claim: a row fit to send, or one that cannot be (its id and attempt). */
export type Claimed = { ok: true; row: ClaimedRow } | { ok: false; id: string; attempts: number };

interface RawRow {
  id: string;
  clinic_id: string;
  account_id: string | null;
  application_id: string | null;
  channel: string;
  recipient: string;
  template: string;
  params: unknown;
  attempts: unknown;
}

/**
 * Claims up to `limit` due rows for this worker: queued ones (a first attempt is due at once),
 * retries whose time came, and rows a sender claimed but never finished (its lease ran out, it
 * crashed). `FOR UPDATE SKIP LOCKED` lets several instances claim at once without taking the same
 * row; the claim itself pushes `next_attempt_at` to the lease's end, so the row stays out of
 * everyone's reach while this worker sends it, and comes back if this worker dies.
 */
export async function claimDue(db: Knex, now: Date, leaseMs: number, limit: number): Promise<Claimed[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const result = await db.raw<{ rows: RawRow[] }>(
    `UPDATE notification_outbox AS o
        SET status = 'sending', attempts = o.attempts + 1, lease_until = ?, next_attempt_at = ?
      WHERE o.id IN (
        SELECT id FROM notification_outbox
         WHERE status IN ('queued', 'sending') AND (attempts = 0 OR next_attempt_at <= ?)
         ORDER BY next_attempt_at, id
         LIMIT ?
         FOR UPDATE SKIP LOCKED)
      RETURNING o.id, o.clinic_id, o.account_id, o.application_id, o.channel, o.recipient, o.template, o.params, o.attempts`,
    [leaseUntil, leaseUntil, now, limit],
  );
  return result.rows.map((raw): Claimed => {
    const attempts = toNumber(raw.attempts);
    const parsed = claimedRowSchema.safeParse({
      id: raw.id,
      clinicId: raw.clinic_id,
      accountId: raw.account_id,
      applicationId: raw.application_id,
      channel: raw.channel,
      recipient: raw.recipient,
      template: raw.template,
      params: toRecord(raw.params),
      attempts,
    });
    return parsed.success ? { ok: true, row: parsed.data } : { ok: false, id: raw.id, attempts };
  });
}

/** Only the worker holding the row's lease for this attempt may finish it. */
function held(db: Knex, id: string, attempts: number): Knex.QueryBuilder {
  return db('notification_outbox').where({ id, attempts, status: 'sending' });
}

/**
 * The message went: the row says so (its secret parameters gone), and an application's journal
 * gets its `notification_sent` event in the same transaction. Returns false when the lease was
 * lost meanwhile (another instance took the row over after it ran out).
 */
export async function markSent(db: Knex, row: ClaimedRow, providerId: string, now: Date): Promise<boolean> {
  const done = {
    status: 'sent',
    sent_at: now,
    provider_id: providerId.slice(0, 500),
    params: '{}',
    lease_until: null,
    last_error: null,
  };
  const applicationId = row.applicationId;
  if (!applicationId) return (await held(db, row.id, row.attempts).update(done)) === 1;
  return withChangeLog(db, { now, clinicId: row.clinicId }, async (log) => {
    if ((await held(log.trx, row.id, row.attempts).update(done)) !== 1) return false;
    await appendEvent(
      log,
      {
        applicationId,
        kind: 'notification_sent',
        actorKind: 'server',
        actorId: null,
        detail: { channel: row.channel, template: row.template },
      },
      now.toISOString(),
    );
    return true;
  });
}

/** Another attempt later (backoff); the parameters stay, for it. */
export async function markRetry(
  db: Knex,
  id: string,
  attempts: number,
  code: ErrorCode,
  nextAttemptAt: Date,
): Promise<void> {
  await held(db, id, attempts).update({
    status: 'queued',
    next_attempt_at: nextAttemptAt,
    lease_until: null,
    last_error: code,
  });
}

/** Given up (`failed`, with its code) or not to be sent (`skipped`): the secret parameters go. */
export async function markFinal(
  db: Knex,
  id: string,
  attempts: number,
  status: 'failed' | 'skipped',
  code: ErrorCode | null,
): Promise<void> {
  await held(db, id, attempts).update({ status, params: '{}', lease_until: null, last_error: code });
}

/** A claimed row this worker will not send after all (it is stopping): due again at once, the attempt not counted. */
export async function release(db: Knex, id: string, attempts: number, now: Date): Promise<void> {
  await held(db, id, attempts).update({
    status: 'queued',
    attempts: attempts - 1,
    next_attempt_at: now,
    lease_until: null,
  });
}
