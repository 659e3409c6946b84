import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import type { ApplicationView } from '../../../shared/cabinet/cabinet-api';
import { submitApplicationSchema } from '../../../shared/cabinet/cabinet-api';
import { applicationNumber } from '../../../shared/domain/application';
import { applicationDueAt, moscowDay } from '../../../shared/domain/application-deadline';
import type { ErrorCode } from '../../../shared/errors/catalog';
import { parseInput } from '../../../shared/errors/zod-issues';
import { toNumber } from '../../db/values';
import { HttpError } from '../../http/http-error';
import { enqueueNotification } from '../../notifications/enqueue';
import { withChangeLog, type ChangeLogWriter } from '../../sync/change-log';
import { checkCode } from '../accounts/one-time-codes';
import type { CabinetSession } from '../session/cabinet-session-types';
import { appendEvent, eventsOf, findApplication, writeServerRow } from './application-rows';
import { calendarSource, type ApplicationRuntime } from './application-runtime';
import { applicationView } from './application-view';
import { consentTextInForce } from './consent-version';
import { deadlineYears, serverCalendar } from './server-calendar';

/** The cabinet's own source letter in application numbers. */
export const portalSource = 'П';

/** Statuses of an application still under way: a second one is refused while one is. */
export const openStatuses = ['submitted', 'in_review', 'approved'] as const;

export interface AccountRow {
  id: string;
  clinic_id: string;
  email: string;
  phone: string;
  email_confirmed_at: Date | string | null;
  phone_confirmed_at: Date | string | null;
  patient_id: string | null;
}

export async function accountOf(db: Knex, session: CabinetSession): Promise<AccountRow> {
  const account = await db('cabinet_accounts')
    .where({ id: session.accountId, clinic_id: session.clinicId })
    .first<AccountRow | undefined>(
      'id',
      'clinic_id',
      'email',
      'phone',
      'email_confirmed_at',
      'phone_confirmed_at',
      'patient_id',
    );
  if (!account) throw new HttpError(401, 'cabinet.session.none');
  return account;
}

/** The account's application still under way, if any. */
export async function openApplicationOf(
  db: Knex,
  clinicId: string,
  accountId: string,
): Promise<{ id: string; number: string } | undefined> {
  const row = await db('records')
    .where({ table_name: 'applications', clinic_id: clinicId })
    .whereRaw("data->>'account_id' = ?", [accountId])
    .whereRaw(`data->>'status' IN (${openStatuses.map(() => '?').join(', ')})`, [...openStatuses])
    .first<{ id: string; number: string } | undefined>('id', db.raw("data->>'number' AS number"));
  return row;
}

/** The next number of the clinic's source for the year, taken in the submitting transaction. */
export async function nextApplicationNumber(
  trx: Knex,
  clinicId: string,
  source: string,
  year: number,
): Promise<string> {
  const result = await trx.raw<{ rows: { last: unknown }[] }>(
    `INSERT INTO application_counters (clinic_id, source, year, last) VALUES (?, ?, ?, 1)
     ON CONFLICT (clinic_id, source, year) DO UPDATE SET last = application_counters.last + 1
     RETURNING last`,
    [clinicId, source, year],
  );
  return applicationNumber(year, source, toNumber(result.rows[0]?.last));
}

/** The scans must be the patient's own uploads (document_scans of the card). */
export async function checkScans(
  db: Knex,
  clinicId: string,
  patientId: string,
  scanIds: readonly string[],
): Promise<void> {
  if (scanIds.length === 0) return;
  const found = await db('records')
    .where({ table_name: 'document_scans', clinic_id: clinicId })
    .whereIn('id', [...scanIds])
    .whereRaw("data->>'patient_id' = ?", [patientId])
    .count<{ n: unknown }[]>('* as n');
  if (toNumber(found[0]?.n ?? 0) !== new Set(scanIds).size) {
    throw new HttpError(400, 'application.scan.unknown', { field: 'scanIds' });
  }
}

const signatureRefusals: Record<'wrong' | 'expired' | 'used' | 'locked', [number, ErrorCode]> = {
  wrong: [400, 'application.signature.wrong'],
  expired: [410, 'application.signature.expired'],
  used: [410, 'application.signature.used'],
  locked: [423, 'application.signature.locked'],
};

/** The account may apply: linked to a card, both contacts confirmed, nothing under way. */
export async function checkMayApply(db: Knex, account: AccountRow): Promise<string> {
  if (account.email_confirmed_at === null)
    throw new HttpError(409, 'application.account.email_unconfirmed', { field: 'email' });
  if (account.phone_confirmed_at === null)
    throw new HttpError(409, 'application.account.phone_unconfirmed', { field: 'phone' });
  if (account.patient_id === null) throw new HttpError(409, 'application.account.no_card');
  const open = await openApplicationOf(db, account.clinic_id, account.id);
  if (open) throw new HttpError(409, 'application.already_open', { params: { number: open.number } });
  return account.patient_id;
}

/**
 * Submits the cabinet's application (C1, §3.3): the consent (a simple electronic signature — the
 * code sent to the confirmed phone), the application with its number and deadline, its first
 * events and the notice with the number, in one transaction: a failure anywhere leaves nothing.
 * The code is checked (and spent, or its wrong try counted) before that transaction.
 */
export async function submitApplication(
  db: Knex,
  runtime: ApplicationRuntime,
  session: CabinetSession,
  /** The request's body, parsed here (`submitApplicationSchema`). */
  input: unknown,
  now: Date,
): Promise<ApplicationView> {
  const body = parseInput(submitApplicationSchema, input);
  const account = await accountOf(db, session);
  const patientId = await checkMayApply(db, account);
  const consentText = consentTextInForce(moscowDay(now));
  if (!consentText || consentText.version !== body.consentTextVersion) {
    throw new HttpError(409, 'application.consent.version', {
      field: 'consentTextVersion',
      params: { current: consentText?.version ?? '—' },
    });
  }
  await checkScans(db, account.clinic_id, patientId, body.scanIds);
  const signature = await checkCode(db, { accountId: account.id, purpose: 'signature', code: body.signatureCode, now });
  if (signature !== 'ok') {
    const [status, code] = signatureRefusals[signature];
    throw new HttpError(status, code, { field: 'signatureCode' });
  }
  const calendar = await serverCalendar(calendarSource(db, runtime), account.clinic_id, deadlineYears(now));
  const at = now.toISOString();
  const dueAt = applicationDueAt(at, body.urgent, runtime.deadlines, calendar);
  const applicationId = uuidv7();
  await withChangeLog(db, { now, clinicId: account.clinic_id }, async (log) => {
    const open = await openApplicationOf(log.trx, account.clinic_id, account.id);
    if (open) throw new HttpError(409, 'application.already_open', { params: { number: open.number } });
    const number = await nextApplicationNumber(
      log.trx,
      account.clinic_id,
      portalSource,
      Number(moscowDay(now).slice(0, 4)),
    );
    const consentId = uuidv7();
    await writeServerRow(
      log,
      'consents',
      consentId,
      undefined,
      {
        patient_id: patientId,
        text_version: consentText.version,
        text_sha256: consentText.sha256,
        method: 'electronic_signature',
        signature_sha256: null,
        scan_id: null,
        accepted_at: at,
        // The patient themself, through their cabinet account (no staff member took it).
        accepted_by: account.id,
        withdrawn_at: null,
        withdrawn_by: null,
        withdrawal_reason: null,
      },
      at,
    );
    await writeServerRow(
      log,
      'applications',
      applicationId,
      undefined,
      {
        ...emptyApplication,
        patient_id: patientId,
        account_id: account.id,
        number,
        channel: 'portal',
        urgent: body.urgent,
        status: 'submitted',
        submitted_at: at,
        due_at: dueAt,
        consent_id: consentId,
        scan_ids: JSON.stringify(body.scanIds),
        contact_email: account.email,
        contact_phone: account.phone,
      },
      at,
    );
    await journalReceipt(log, { applicationId, number, dueAt, accountId: account.id, email: account.email }, now);
  });
  return viewOf(db, account.clinic_id, applicationId);
}

/** Every synced field of an application, empty: a new row names them all. */
export const emptyApplication = {
  review_started_at: null,
  review_started_by: null,
  decided_at: null,
  decided_by: null,
  activation_channel: null,
  deny_reason: null,
  deny_note: null,
  supply_due: null,
  supplied_at: null,
  supply_note: null,
  appeal_text: null,
  appeal_at: null,
  appeal_outcome: null,
  appeal_note: null,
  appeal_decided_at: null,
  appeal_decided_by: null,
  overdue_at: null,
  escalated_at: null,
  activation_sent_at: null,
  activated_at: null,
} as const;

/** `received` and `number_sent` in the journal, and the number on its way by e-mail. */
async function journalReceipt(
  log: ChangeLogWriter,
  receipt: { applicationId: string; number: string; dueAt: string; accountId: string; email: string },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const { applicationId } = receipt;
  await appendEvent(
    log,
    {
      applicationId,
      kind: 'received',
      actorKind: 'patient',
      actorId: receipt.accountId,
      detail: { channel: 'portal' },
    },
    at,
  );
  await appendEvent(
    log,
    { applicationId, kind: 'number_sent', actorKind: 'server', actorId: null, detail: { number: receipt.number } },
    at,
  );
  await enqueueNotification(
    log.trx,
    {
      clinicId: log.clinicId,
      accountId: receipt.accountId,
      applicationId,
      channel: 'email',
      to: receipt.email,
      template: 'application_received',
      params: { number: receipt.number, dueAt: receipt.dueAt },
    },
    now,
  );
}

export async function viewOf(db: Knex, clinicId: string, applicationId: string): Promise<ApplicationView> {
  const row = await findApplication(db, clinicId, applicationId);
  if (!row) throw new HttpError(404, 'application.not_found');
  return applicationView(row, await eventsOf(db, clinicId, [row.id]));
}
