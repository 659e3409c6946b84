import type { Knex } from 'knex';
import { channelOf, type AccountContacts } from '../../chart/report-follow-up';
import { enqueueNotification } from '../../notifications/enqueue';
import type { NotificationTemplate } from '../../notifications/notification-types';

/** The cabinet's page of the patient's record requests (portal: «Запросы документов»). */
export const cabinetRecordRequestsPage = '/cabinet/record-requests';

export interface RequestNotice {
  clinicId: string;
  /** The account that asked (`record_requests.account_id`); null or gone: nobody to tell. */
  accountId: unknown;
  requestId: string;
  template: Extract<
    NotificationTemplate,
    'record_request_received' | 'record_request_ready' | 'record_request_delayed'
  >;
  params: Record<string, string>;
}

/**
 * Tells the account that asked about its request, in the caller's transaction: by e-mail, or SMS
 * when e-mail notices are off (server/chart/report-follow-up.ts `channelOf`); once per request and
 * template (the outbox's dedupe key), so a retried push or a second sweep adds nothing. False
 * when there is nobody to tell.
 */
export async function noticeAboutRequest(trx: Knex, notice: RequestNotice, now: Date): Promise<boolean> {
  if (typeof notice.accountId !== 'string') return false;
  const account = await trx('cabinet_accounts')
    .where({ id: notice.accountId, clinic_id: notice.clinicId })
    .first<AccountContacts | undefined>('email', 'phone', 'notify_email', 'notify_sms');
  const reach = account ? channelOf(account) : null;
  if (!reach) return false;
  await enqueueNotification(
    trx,
    {
      clinicId: notice.clinicId,
      accountId: notice.accountId,
      channel: reach.channel,
      to: reach.to,
      template: notice.template,
      params: notice.params,
      dedupeKey: `${notice.template}:${notice.requestId}`,
    },
    now,
  );
  return true;
}
