import { moscowDay } from '../../shared/domain/application-deadline';
import type { Mutation } from '../../shared/sync/protocol';
import { applicationRuntime } from '../cabinet/applications/application-runtime';
import { toRecord } from '../db/values';
import { enqueueNotification } from '../notifications/enqueue';
import type { NotificationChannel, NotificationTemplate } from '../notifications/notification-types';
import type { ChangeLogWriter } from '../sync/change-log';
import type { RowState } from '../sync/table-rules';

/** The cabinet's page of the patient's charts (portal/app/sections.tsx: «Мои карты»). */
export const cabinetChartPage = '/cabinet/cards';

const templates: Readonly<Record<string, NotificationTemplate>> = {
  accepted: 'chart_report_accepted',
  declined: 'chart_report_declined',
};

export interface AccountContacts {
  email: string | null;
  phone: string | null;
  notify_email: boolean | null;
  notify_sms: boolean | null;
}

/**
 * The channel of an outcome notice: e-mail, unless the patient turned e-mail notices off and kept
 * SMS (cabinet_accounts.notify_email / notify_sms); none when both are off.
 */
export function channelOf(account: AccountContacts): { channel: NotificationChannel; to: string } | null {
  if (account.notify_email !== false && account.email) return { channel: 'email', to: account.email };
  if (account.notify_sms !== false && account.phone) return { channel: 'sms', to: account.phone };
  return null;
}

/**
 * Once a desk's decision on a report is applied, in the same transaction: the patient is told the
 * outcome in plain words — accepted (the entry corrected) or declined (the reason and the
 * statement of disagreement in the cabinet) — with a link to their chart. Nothing clinical goes
 * by e-mail or SMS. A report without a cabinet account, or a server without the cabinet, is not
 * notified.
 */
export async function followReportDecision(
  log: ChangeLogWriter,
  mutation: Mutation,
  before: RowState | undefined,
  now: Date,
): Promise<void> {
  if (before?.data.status !== 'open') return;
  const row = await log
    .trx('records')
    .where({ table_name: 'chart_reports', clinic_id: log.clinicId, id: mutation.rowId })
    .first<{ data: unknown } | undefined>('data');
  if (!row) return;
  const report = toRecord(row.data);
  const template = templates[String(report.status)];
  const runtime = applicationRuntime(log.trx);
  if (!template || !runtime || typeof report.account_id !== 'string') return;
  const account = await log
    .trx('cabinet_accounts')
    .where({ id: report.account_id, clinic_id: log.clinicId })
    .first<AccountContacts | undefined>('email', 'phone', 'notify_email', 'notify_sms');
  const reach = account ? channelOf(account) : null;
  if (!reach) return;
  await enqueueNotification(
    log.trx,
    {
      clinicId: log.clinicId,
      accountId: report.account_id,
      channel: reach.channel,
      to: reach.to,
      template,
      params: {
        submittedOn: moscowDay(String(report.submitted_at)),
        link: `${runtime.publicUrl.replace(/\/+$/, '')}${cabinetChartPage}`,
      },
    },
    now,
  );
}
