import type { Knex } from 'knex';
import type { NotificationChannel } from './notification-types';

let accountsTableSeen = false;

/**
 * Whether the account turned `channel` off for status notices (cabinet_accounts.notify_email /
 * notify_sms, H1's migration 0008). Codes always go: the caller asks only for status notices.
 * Before the accounts table exists nobody has turned anything off.
 */
export async function channelTurnedOff(db: Knex, accountId: string, channel: NotificationChannel): Promise<boolean> {
  if (!accountsTableSeen) {
    if (!(await db.schema.hasTable('cabinet_accounts'))) return false;
    accountsTableSeen = true;
  }
  const column = channel === 'email' ? 'notify_email' : 'notify_sms';
  const row = await db('cabinet_accounts').where({ id: accountId }).first<Record<string, unknown> | undefined>(column);
  return row !== undefined && row[column] === false;
}
