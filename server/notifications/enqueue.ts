import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { normalizePhone } from '../../shared/domain/phone';
import { AppError } from '../../shared/errors/app-error';
import { kickAfterCommit } from './local-kick';
import { notificationRequestSchema, type NotificationRequest } from './notification-types';

/** An address as the outbox keeps it: an e-mail trimmed and in lower case, a Russian phone as E.164. */
function recipientOf(message: NotificationRequest): string {
  const to = message.to.trim();
  if (message.channel === 'email') return to.toLowerCase();
  const phone = normalizePhone(to);
  return phone.ok ? phone.e164 : to;
}

/**
 * Queues one message in the caller's transaction (one outbox row); the worker sends it. Returns
 * the row's id, which is also the message's idempotency key (Message-ID, the gateway's key).
 * A first attempt is due at once whatever the worker's clock (`now` only stamps `created_at`).
 * A request that is not fit to send is refused here (`notification.request.invalid`, with the
 * field), in the caller's transaction, rather than failing later unseen. With a `dedupeKey`, a
 * message already queued under that key is kept and its id returned: nothing new is queued.
 */
export async function enqueueNotification(
  db: Knex,
  message: NotificationRequest,
  now: Date = new Date(),
): Promise<string> {
  const parsed = notificationRequestSchema.safeParse({ ...message, to: recipientOf(message) });
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.');
    throw new AppError('notification.request.invalid', field ? { field } : {});
  }
  const request = parsed.data;
  const id = uuidv7();
  const row = {
    id,
    clinic_id: request.clinicId,
    account_id: request.accountId,
    application_id: request.applicationId ?? null,
    channel: request.channel,
    recipient: request.to,
    template: request.template,
    params: JSON.stringify(request.params),
    status: 'queued',
    attempts: 0,
    next_attempt_at: now,
    created_at: now,
  };
  if (request.dedupeKey) {
    // Queued before under this key: that message stands, and its id is the answer.
    const added = await db('notification_outbox')
      .insert({ ...row, dedupe_key: request.dedupeKey })
      .onConflict('dedupe_key')
      .ignore()
      .returning<{ id: string }[]>('id');
    if (added.length === 0) {
      const queued = await db('notification_outbox')
        .where({ dedupe_key: request.dedupeKey })
        .first<{ id: string }>('id');
      return queued.id;
    }
  } else {
    await db('notification_outbox').insert(row);
  }
  kickAfterCommit(db);
  return id;
}
