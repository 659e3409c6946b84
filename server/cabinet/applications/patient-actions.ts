import type { Knex } from 'knex';
import type { ApplicationView } from '../../../shared/cabinet/cabinet-api';
import { applicationDueAt, suppliedInTime } from '../../../shared/domain/application-deadline';
import { formatRussianDate } from '../../../shared/domain/calendar-date';
import { HttpError } from '../../http/http-error';
import { notify } from './decision-follow-up';
import { withChangeLog } from '../../sync/change-log';
import type { CabinetSession } from '../session/cabinet-session-types';
import { appendEvent, findApplication, isUrgent, jsonList, writeServerRow, type StoredRow } from './application-rows';
import { calendarSource, type ApplicationRuntime } from './application-runtime';
import { deadlineYears, serverCalendar } from './server-calendar';
import { checkScans, viewOf } from './submit-application';

/** The session's own application (another's is not found, as an unknown one is). */
async function ownApplication(db: Knex, session: CabinetSession, id: string): Promise<StoredRow> {
  const row = await findApplication(db, session.clinicId, id);
  if (!row || row.data.account_id !== session.accountId) throw new HttpError(404, 'application.not_found');
  return row;
}

/**
 * The patient supplies what was missing (§3.3) while denied and within the supply time: the
 * review opens again with a new deadline, `supplied` in the journal, the `application_reopened`
 * notice by e-mail.
 */
export async function supplyApplication(
  db: Knex,
  runtime: ApplicationRuntime,
  session: CabinetSession,
  id: string,
  supply: { note: string; scanIds: readonly string[] },
  now: Date,
): Promise<ApplicationView> {
  const at = now.toISOString();
  if (session.patientId !== null) await checkScans(db, session.clinicId, session.patientId, supply.scanIds);
  const calendar = await serverCalendar(calendarSource(db, runtime), session.clinicId, deadlineYears(now));
  await withChangeLog(db, { now, clinicId: session.clinicId }, async (log) => {
    const row = await ownApplication(log.trx, session, id);
    if (row.data.status !== 'denied') throw new HttpError(409, 'application.supply.not_denied');
    const supplyDue = typeof row.data.supply_due === 'string' ? row.data.supply_due : null;
    if (supplyDue === null || !suppliedInTime(supplyDue, now)) {
      throw new HttpError(409, 'application.supply.late', { params: { date: formatRussianDate(supplyDue ?? '') } });
    }
    const scans = [...new Set([...jsonList(row.data.scan_ids), ...supply.scanIds])];
    await writeServerRow(
      log,
      'applications',
      row.id,
      row,
      {
        status: 'in_review',
        supplied_at: at,
        supply_note: supply.note,
        scan_ids: JSON.stringify(scans),
        due_at: applicationDueAt(at, isUrgent(row.data.urgent), runtime.deadlines, calendar),
        overdue_at: null,
        escalated_at: null,
      },
      at,
    );
    await appendEvent(
      log,
      {
        applicationId: row.id,
        kind: 'supplied',
        actorKind: 'patient',
        actorId: session.accountId,
        detail: { scans: supply.scanIds.length },
      },
      at,
    );
    await notify(log, row, 'email', 'application_reopened', { number: String(row.data.number) }, now);
  });
  return viewOf(db, session.clinicId, id);
}

/** The patient appeals a denial: its text and time recorded, `appeal_filed` in the journal. */
export async function appealApplication(
  db: Knex,
  session: CabinetSession,
  id: string,
  text: string,
  now: Date,
): Promise<ApplicationView> {
  const at = now.toISOString();
  await withChangeLog(db, { now, clinicId: session.clinicId }, async (log) => {
    const row = await ownApplication(log.trx, session, id);
    if (row.data.status !== 'denied') throw new HttpError(409, 'application.appeal.not_denied');
    if (typeof row.data.appeal_text === 'string') throw new HttpError(409, 'application.appeal.already');
    await writeServerRow(log, 'applications', row.id, row, { appeal_text: text, appeal_at: at }, at);
    await appendEvent(
      log,
      { applicationId: row.id, kind: 'appeal_filed', actorKind: 'patient', actorId: session.accountId },
      at,
    );
  });
  return viewOf(db, session.clinicId, id);
}
