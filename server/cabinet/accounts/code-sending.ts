import type { Knex } from 'knex';
import type { CodeSent } from '../../../shared/cabinet/cabinet-api';
import { HttpError } from '../../http/http-error';
import { enqueueNotification } from '../../notifications/enqueue';
import type { NotificationTemplate } from '../../notifications/notification-types';
import type { AccountRow } from './account-store';
import { maskEmail, maskPhone } from './contact-mask';
import { issueCode } from './one-time-codes';

/** Another code of the same purpose may be asked for this long after the last. */
export const resendAfterSeconds = 60;

export interface CodeToSend {
  purpose: string;
  channel: 'sms' | 'email';
  template: NotificationTemplate;
  ttlMs: number;
  challengeId?: string;
}

/** 429 `cabinet.code.resend_wait` while the last code of the purpose is younger than a minute. */
export async function assertMayResend(db: Knex, accountId: string, purpose: string, now: Date): Promise<void> {
  const last = await db('cabinet_codes')
    .where({ account_id: accountId, purpose })
    .orderBy('created_at', 'desc')
    .first<{ created_at: Date | string } | undefined>('created_at');
  if (!last) return;
  const waitMs = new Date(last.created_at).getTime() + resendAfterSeconds * 1000 - now.getTime();
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new HttpError(429, 'cabinet.code.resend_wait', {
      params: { seconds },
      headers: { 'retry-after': String(seconds) },
    });
  }
}

/**
 * A new 6-digit code for the account, queued to its phone or e-mail in `trx` (the worker sends
 * it); the answer says where it went, masked.
 */
export async function sendCode(trx: Knex, account: AccountRow, code: CodeToSend, now: Date): Promise<CodeSent> {
  await assertMayResend(trx, account.id, code.purpose, now);
  const clear = await issueCode(trx, {
    accountId: account.id,
    purpose: code.purpose,
    channel: code.channel,
    ttlMs: code.ttlMs,
    now,
    ...(code.challengeId === undefined ? {} : { challengeId: code.challengeId }),
  });
  const to = code.channel === 'sms' ? account.phone : account.email;
  await enqueueNotification(
    trx,
    {
      clinicId: account.clinic_id,
      accountId: account.id,
      channel: code.channel,
      to,
      template: code.template,
      params: { code: clear },
    },
    now,
  );
  return { sentTo: code.channel === 'sms' ? maskPhone(to) : maskEmail(to), resendAfterSeconds };
}
