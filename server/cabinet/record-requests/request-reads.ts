import type { Knex } from 'knex';
import type { CabinetRecordRequest, CabinetRecordRequestDetail } from '../../../shared/cabinet/record-requests-api';
import { moscowDay } from '../../../shared/domain/application-deadline';
import { fileFormats } from '../../../shared/rights/record-requests';
import { toNumber } from '../../db/values';
import { HttpError } from '../../http/http-error';
import { representationOf } from '../identity/representation';
import type { CabinetSession } from '../session/cabinet-session-types';
import {
  accountRequests,
  cardNames,
  downloadExpired,
  fileView,
  requestFiles,
  requestRow,
  requestView,
} from './request-rows';

/**
 * What the cabinet reads of its requests: only the account's own (`account_id`), and of those
 * only the ones whose person the account may still act for today — its own card, or a person it
 * represents (a lapsed proxy ends the representative's access to the files too).
 */
async function peopleInReach(db: Knex, session: CabinetSession, now: Date): Promise<Map<string, string | null>> {
  const { persons } = await representationOf(db, session, now);
  return new Map(
    persons.map((person) => [
      person.patientId,
      person.self ? null : [person.surname, person.name, person.patronymic].filter(Boolean).join(' '),
    ]),
  );
}

/** The account's requests, newest first, each with its status, due day, files ready and download time. */
export async function cabinetRequests(db: Knex, session: CabinetSession, now: Date): Promise<CabinetRecordRequest[]> {
  const rows = await accountRequests(db, session.clinicId, session.accountId);
  const files = await requestFiles(
    db,
    session.clinicId,
    rows.map((row) => row.id),
  );
  const ready = new Map<string, number>();
  for (const file of files) ready.set(String(file.data.request_id), (ready.get(String(file.data.request_id)) ?? 0) + 1);
  const reach = await peopleInReach(db, session, now);
  const others = rows.map((row) => String(row.data.patient_id)).filter((id) => reach.get(id) === undefined);
  const names = await cardNames(db, session.clinicId, others);
  return rows.map((row) => {
    const patientId = String(row.data.patient_id);
    const forPerson = reach.has(patientId) ? (reach.get(patientId) ?? null) : (names.get(patientId) ?? '');
    return requestView(row.id, row.data, { filesReady: ready.get(row.id) ?? 0, forPerson }, now);
  });
}

/** One request of the account with its files (shown once the request is done); 404 otherwise. */
export async function cabinetRequest(
  db: Knex,
  session: CabinetSession,
  id: string,
  now: Date,
): Promise<CabinetRecordRequestDetail> {
  const row = await requestRow(db, session.clinicId, id);
  if (!row || row.data.account_id !== session.accountId) throw new HttpError(404, 'records.request.not_found');
  const reach = await peopleInReach(db, session, now);
  const patientId = String(row.data.patient_id);
  const forPerson = reach.has(patientId)
    ? (reach.get(patientId) ?? null)
    : ((await cardNames(db, session.clinicId, [patientId])).get(patientId) ?? '');
  const files =
    row.data.status === 'done' && reach.has(patientId) ? await requestFiles(db, session.clinicId, [id]) : [];
  return {
    request: requestView(id, row.data, { filesReady: files.length, forPerson }, now),
    // In the product's order of formats (PDF first), whatever order the desk made them in.
    files: files.map(fileView).sort((a, b) => fileFormats.indexOf(a.format) - fileFormats.indexOf(b.format)),
  };
}

export interface DownloadableFile {
  requestId: string;
  patientId: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  format: string;
}

/**
 * A file the account may download now: of a done request it asked, for a person it may still act
 * for, while `available_until` has not passed. Anything else of another account, another card or
 * no such file is 404 `records.file.not_found` (nothing tells which); a file past its time is
 * 410 `records.download.expired`.
 */
export async function downloadableFile(
  db: Knex,
  session: CabinetSession,
  requestId: string,
  fileId: string,
  now: Date,
): Promise<DownloadableFile> {
  const notFound = new HttpError(404, 'records.file.not_found');
  const row = await requestRow(db, session.clinicId, requestId);
  if (!row || row.data.account_id !== session.accountId || row.data.status !== 'done') throw notFound;
  const patientId = String(row.data.patient_id);
  if (!(await peopleInReach(db, session, now)).has(patientId)) throw notFound;
  const file = (await requestFiles(db, session.clinicId, [requestId])).find((one) => one.id === fileId);
  if (!file || file.data.patient_id !== patientId) throw notFound;
  if (downloadExpired(row.data, now) || typeof row.data.available_until !== 'string')
    throw new HttpError(410, 'records.download.expired', {
      params: { until: typeof row.data.available_until === 'string' ? moscowDay(row.data.available_until) : '—' },
    });
  return {
    requestId,
    patientId,
    fileName: String(file.data.file_name),
    mime: String(file.data.mime),
    size: toNumber(file.data.size ?? 0),
    sha256: String(file.data.sha256),
    format: String(file.data.format),
  };
}
