import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { kickAfterCommit } from './local-kick';
import { notificationRequestSchema, type NotificationRequest } from './notification-types';

/**
 * Queues one message in the caller's transaction (one outbox row); the worker sends it. Returns
 * the row's id, which is also the message's idempotency key (Message-ID, the gateway's key).
 * A first attempt is due at once whatever the worker's clock (`now` only stamps `created_at`).
 */
export async function enqueueNotification(
  db: Knex,
  message: NotificationRequest,
  now: Date = new Date(),
): Promise<string> {
  const parsed = notificationRequestSchema.parse(message);
  const id = uuidv7();
  await db('notification_outbox').insert({
    id,
    clinic_id: parsed.clinicId,
    account_id: parsed.accountId,
    application_id: parsed.applicationId ?? null,
    channel: parsed.channel,
    recipient: parsed.to,
    template: parsed.template,
    params: JSON.stringify(parsed.params),
    status: 'queued',
    attempts: 0,
    next_attempt_at: now,
    created_at: now,
  });
  kickAfterCommit(db);
  return id;
}
