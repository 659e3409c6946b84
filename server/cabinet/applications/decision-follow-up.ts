import type { ActivationChannel } from '../../../shared/domain/application';
import { supplyDueDate } from '../../../shared/domain/application-deadline';
import { enqueueNotification } from '../../notifications/enqueue';
import type { NotificationChannel, NotificationTemplate } from '../../notifications/notification-types';
import type { ChangeLogWriter } from '../../sync/change-log';
import type { Mutation } from '../../../shared/sync/protocol';
import type { RowState } from '../../sync/table-rules';
import { activationLink, issueActivationCode } from './activation-codes';
import { openDeskApplicantAccount } from './desk-applicant-account';
import { appendEvent, findApplication, writeServerRow, type StoredRow } from './application-rows';
import { applicationRuntime, calendarSource, type ApplicationRuntime } from './application-runtime';
import { deadlineYears, serverCalendar } from './server-calendar';

/**
 * What the server does once a desk's move of an application is applied, in the same transaction:
 * tells the patient (received, review started, approved with the activation code, denied with the
 * supply time), sets the supply time of a denial, and records the activation code's dispatch.
 */
export async function followDecision(
  log: ChangeLogWriter,
  mutation: Mutation,
  before: RowState | undefined,
  now: Date,
): Promise<void> {
  const row = await findApplication(log.trx, log.clinicId, mutation.rowId);
  if (!row) return;
  const from = before?.data.status ?? null;
  const to = row.data.status;
  if (from === to) return;
  const runtime = applicationRuntime(log.trx);
  const number = String(row.data.number);
  if (from === null) {
    await notify(log, row, 'email', 'application_received', { number, dueAt: String(row.data.due_at) }, now);
  } else if (to === 'in_review' && from === 'submitted') {
    await notify(log, row, 'sms', 'review_started', { number }, now);
  } else if (to === 'approved' && runtime) {
    await sendActivation(log, runtime, row, now);
  } else if (to === 'denied' && runtime) {
    await deny(log, runtime, row, now);
  }
}

/** A message about the application to its contact by `channel`; false (nothing queued) when it has none. */
export async function notify(
  log: ChangeLogWriter,
  row: StoredRow,
  channel: NotificationChannel,
  template: NotificationTemplate,
  params: Record<string, string>,
  now: Date,
): Promise<boolean> {
  const to = channel === 'email' ? row.data.contact_email : row.data.contact_phone;
  if (typeof to !== 'string' || to === '') return false;
  await enqueueNotification(
    log.trx,
    {
      clinicId: log.clinicId,
      accountId: typeof row.data.account_id === 'string' ? row.data.account_id : null,
      applicationId: row.id,
      channel,
      to,
      template,
      params,
    },
    now,
  );
  return true;
}

/** E-mail (a link) or SMS (a code): issued, sent, and its dispatch in the row and the journal. */
async function sendActivation(
  log: ChangeLogWriter,
  runtime: ApplicationRuntime,
  row: StoredRow,
  now: Date,
): Promise<void> {
  const channel = row.data.activation_channel as ActivationChannel;
  if (channel !== 'email' && channel !== 'sms') return;
  // Taken at the desk: the patient's cabinet account is opened now (the rule checked its contacts).
  if (typeof row.data.account_id !== 'string') row = await openDeskApplicantAccount(log, row, now);
  const accountId = row.data.account_id;
  if (typeof accountId !== 'string') return;
  const email = row.data.contact_email;
  const issued = await issueActivationCode(
    log.trx,
    { clinicId: log.clinicId, applicationId: row.id, accountId, channel },
    now,
  );
  const params: Record<string, string> = { number: String(row.data.number), expiresAt: issued.expiresAt };
  if (channel === 'email') params.link = activationLink(runtime.publicUrl, issued.code, String(email ?? ''));
  else params.code = issued.code;
  if (!(await notify(log, row, channel, 'application_approved', params, now))) return;
  const at = now.toISOString();
  await writeServerRow(log, 'applications', row.id, row, { activation_sent_at: at }, at);
  await appendEvent(
    log,
    { applicationId: row.id, kind: 'activation_sent', actorKind: 'server', actorId: null, detail: { channel } },
    at,
  );
}

/** The supply time (5 working days) on the row, and the patient told why and until when. */
async function deny(log: ChangeLogWriter, runtime: ApplicationRuntime, row: StoredRow, now: Date): Promise<void> {
  const calendar = await serverCalendar(calendarSource(log.trx, runtime), log.clinicId, deadlineYears(now));
  const at = now.toISOString();
  const supplyDue = supplyDueDate(at, calendar);
  await writeServerRow(log, 'applications', row.id, row, { supply_due: supplyDue }, at);
  await notify(
    log,
    row,
    'email',
    'application_denied',
    {
      number: String(row.data.number),
      reason: String(row.data.deny_reason ?? ''),
      note: String(row.data.deny_note ?? ''),
      supplyDue,
    },
    now,
  );
}
