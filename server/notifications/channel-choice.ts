import type { Knex } from 'knex';
import type { NotificationChannel } from './notification-types';

/**
 * Whether the account turned `channel` off for status notices (cabinet_accounts.notify_email /
 * notify_sms, migration 0008). Codes always go: the caller asks only for status notices.
 */
export async function channelTurnedOff(db: Knex, accountId: string, channel: NotificationChannel): Promise<boolean> {
  const column = channel === 'email' ? 'notify_email' : 'notify_sms';
  const row = await db('cabinet_accounts').where({ id: accountId }).first<Record<string, unknown> | undefined>(column);
  return row !== undefined && row[column] === false;
}
