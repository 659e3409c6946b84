import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { expect } from 'vitest';
import { openCabinetSession } from '../../../server/cabinet/session/cabinet-session';
import { defaultClinicId } from '../../../server/clinics/clinics';
import { toNumber, toRecord } from '../../../server/db/values';
import {
  cabinetRecordRequestPaths,
  type CabinetRecordRequestDetail,
  type RecordRequestDraftInput,
} from '../../../shared/cabinet/record-requests-api';
import type { Mutation } from '../../../shared/sync/protocol';
import { calendarXml } from '../../shared/domain/calendar-fixtures';
import { outbox } from '../cabinet/applications/application-setup';
import type { CabinetBrowser } from '../cabinet/accounts/cabinet-browser';
import { outcomes, pushAs } from '../portal/portal-setup';
import { deskChange, mutation, serverRow, testStaff, type TestDevice } from '../support/test-server';

/** A draft as the cabinet's form sends it: the whole record as PDF and on paper, unless told otherwise. */
export function draft(overrides: Partial<RecordRequestDraftInput> = {}): RecordRequestDraftInput {
  return {
    purpose: 'Для консультации в другой клинике',
    materials: { sections: ['all'] },
    formats: ['pdf', 'paper'],
    ...overrides,
  };
}

/** The last confirmation code queued for the account (as the patient reads it from the SMS). */
export async function lastRequestCode(db: Knex, accountId: string): Promise<string> {
  const code = (await outbox(db, { accountId })).filter((m) => m.template === 'record_request_code').at(-1)
    ?.params.code;
  if (!code) throw new Error('no record request code was queued');
  return code;
}

/** The draft sent, its code read and confirmed: the new request (201). */
export async function askedRequest(
  db: Knex,
  browser: CabinetBrowser,
  accountId: string,
  body: RecordRequestDraftInput = draft(),
): Promise<CabinetRecordRequestDetail> {
  const sent = await browser.post(cabinetRecordRequestPaths.draft, body);
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  const code = await lastRequestCode(db, accountId);
  const confirmed = await browser.post<CabinetRecordRequestDetail>(cabinetRecordRequestPaths.list, {
    draft: body,
    code,
  });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
  return confirmed.body;
}

/** A new session of the account at `now` in the same browser (a clock moved past the idle time). */
export async function signInAgain(db: Knex, browser: CabinetBrowser, accountId: string, now: Date): Promise<void> {
  const clinicId = await defaultClinicId(db);
  const session = await openCabinetSession(db, { accountId, clinicId, stage: 'patient' }, now);
  browser.cookie = session.cookieValue;
  browser.csrf = session.csrfToken;
}

/** What a refused request may not leave behind: synced rows, changes, codes and messages. */
export async function footprint(db: Knex): Promise<Record<string, number>> {
  const count = async (table: string, where: Record<string, unknown> = {}) =>
    toNumber((await db(table).where(where).count<{ n: unknown }[]>('* as n'))[0]?.n ?? 0);
  return {
    requests: await count('records', { table_name: 'record_requests' }),
    changes: await count('change_log'),
    codes: await count('cabinet_codes', { purpose: 'record_request' }),
    messages: await count('notification_outbox'),
    audit: await count('audit_events'),
  };
}

export const requestData = (db: Knex, id: string) => serverRow(db, 'record_requests', id);

/** The clinic's cabinet audit events of `action`, oldest first. */
export async function auditEvents(
  db: Knex,
  action: string,
): Promise<{ actor_id: string; actor_role: string; patient_id: string | null; details: Record<string, unknown> }[]> {
  const rows = await db('audit_events')
    .where({ action })
    .orderBy('seq')
    .select<{ actor_id: string; actor_role: string; patient_id: string | null; details: unknown }[]>(
      'actor_id',
      'actor_role',
      'patient_id',
      'details',
    );
  return rows.map((row) => ({ ...row, details: toRecord(row.details) }));
}

/** A desk's change to the request as its outbox sends it: the changed fields and the stamps. */
export const deskStep = (
  db: Knex,
  desk: TestDevice,
  requestId: string,
  changed: Mutation['changed'],
  actorId: string = testStaff.clerk,
) => deskChange(db, desk, { table: 'record_requests', id: requestId, actorId }, changed);

export const take = (actorId: string = testStaff.clerk) => ({
  status: 'in_work',
  taken_at: new Date().toISOString(),
  taken_by: actorId,
});

export const handPaper = (actorId: string = testStaff.clerk) => ({
  paper_handed_at: new Date().toISOString(),
  paper_handed_by: actorId,
  paper_received_by: JSON.stringify({ kind: 'patient' }),
});

export const finish = (actorId: string = testStaff.clerk) => ({
  status: 'done',
  fulfilled_at: new Date().toISOString(),
  fulfilled_by: actorId,
});

/** A file's bytes uploaded as the sync worker uploads a blob (whole, one chunk); its SHA-256. */
export async function uploadedBlob(desk: TestDevice, bytes: Buffer): Promise<string> {
  const hash = createHash('sha256').update(bytes).digest('hex');
  const put = await desk.send('PUT', `/v1/blobs/${hash}?offset=0&complete=1`, { raw: bytes });
  expect(put.status).toBe(200);
  return hash;
}

/** A file row for the request as the desk writes it after making the file (`changed` overrides). */
export function fileRow(
  desk: TestDevice,
  file: { requestId: string; patientId: string; sha256: string; size: number },
  changed: Mutation['changed'] = {},
  actorId: string = testStaff.clerk,
): Mutation {
  const now = new Date().toISOString();
  return mutation({
    table: 'record_request_files',
    actorId,
    at: now,
    changed: {
      request_id: file.requestId,
      patient_id: file.patientId,
      format: 'pdf',
      file_name: 'Выписка З-2026-000001.pdf',
      mime: 'application/pdf',
      size: file.size,
      sha256: file.sha256,
      withheld: 0,
      created_at: now,
      created_by: actorId,
      updated_at: now,
      updated_by: actorId,
      device_id: desk.id,
      ...changed,
    },
  });
}

/** The desk takes the request, attaches a PDF, hands the paper over and finishes: every step applied. */
export async function fulfilled(
  db: Knex,
  desk: TestDevice,
  request: { id: string; patientId: string },
  bytes: Buffer,
): Promise<void> {
  const sha256 = await uploadedBlob(desk, bytes);
  const file = fileRow(desk, { requestId: request.id, patientId: request.patientId, sha256, size: bytes.length });
  expect(outcomes(await pushAs(desk, await deskStep(db, desk, request.id, take())))).toEqual(['applied']);
  expect(outcomes(await pushAs(desk, file))).toEqual(['applied']);
  expect(outcomes(await pushAs(desk, await deskStep(db, desk, request.id, handPaper())))).toEqual(['applied']);
  expect(outcomes(await pushAs(desk, await deskStep(db, desk, request.id, finish())))).toEqual(['applied']);
}

/** The clinic publishes a year's calendar as a desk does (the file a blob, then the release). */
export async function publishCalendar(desk: TestDevice, year: number, days: string[]): Promise<void> {
  const bytes = Buffer.from(calendarXml(year, days), 'utf8');
  const hash = await uploadedBlob(desk, bytes);
  const release = {
    kind: 'calendar-ru',
    name: `calendar-ru/${year}`,
    dictionary_version: String(year),
    source_name: `${year}.xml`,
    source_sha256: hash,
    source_bytes: bytes.length,
    row_count: 0,
    refused_count: 0,
    created_at: new Date().toISOString(),
    created_by: testStaff.admin,
  };
  const results = await pushAs(
    desk,
    mutation({ table: 'dictionary_releases', actorId: testStaff.admin, changed: release }),
  );
  expect(outcomes(results)).toEqual(['applied']);
}
