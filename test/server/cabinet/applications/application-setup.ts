import type { Knex } from 'knex';
import { expect } from 'vitest';
import { cabinetApiPrefix, cabinetPaths, type ApplicationView } from '../../../../shared/cabinet/cabinet-api';
import type { Mutation } from '../../../../shared/sync/protocol';
import { toRecord } from '../../../../server/db/values';
import { pushAs, outcomes } from '../../portal/portal-setup';
import { deskChange, serverRow, testStaff, type TestDevice, type TestServer } from '../../support/test-server';
import type { CabinetUploader } from '../uploads/cabinet-uploader';

/** A cabinet call as the page makes it: JSON, the session cookie and the CSRF token. */
export async function cabinetCall<T = Record<string, unknown>>(
  server: TestServer,
  who: CabinetUploader,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { ...who.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const init: RequestInit = { method, headers };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(`${server.origin}${cabinetApiPrefix}${path}`, init);
  return { status: response.status, body: (await response.json()) as T };
}

/** The messages queued for the account (the outbox, unsent: the worker is off in these tests). */
export async function outbox(
  db: Knex,
  filter: { accountId?: string; applicationId?: string },
): Promise<{ template: string; channel: string; recipient: string; params: Record<string, string> }[]> {
  const query = db('notification_outbox').orderBy('created_at').orderBy('id');
  if (filter.accountId) void query.where({ account_id: filter.accountId });
  if (filter.applicationId) void query.where({ application_id: filter.applicationId });
  const rows = await query.select<{ template: string; channel: string; recipient: string; params: unknown }[]>(
    'template',
    'channel',
    'recipient',
    'params',
  );
  return rows.map((row) => ({ ...row, params: toRecord(row.params) as Record<string, string> }));
}

/** The signature code as the patient reads it from the SMS. */
export async function signatureCode(db: Knex, server: TestServer, who: CabinetUploader): Promise<string> {
  const sent = await cabinetCall(server, who, 'POST', cabinetPaths.applicationSignatureSend, {});
  expect(sent.status).toBe(200);
  const messages = await outbox(db, { accountId: who.accountId });
  const code = messages.filter((message) => message.template === 'signature_code').at(-1)?.params.code;
  if (!code) throw new Error('no signature code was queued');
  return code;
}

/** Applies in the cabinet: code, consent, submission. */
export async function submitted(db: Knex, server: TestServer, who: CabinetUploader): Promise<ApplicationView> {
  const code = await signatureCode(db, server, who);
  const reply = await cabinetCall<ApplicationView>(server, who, 'POST', cabinetPaths.applications, {
    consentTextVersion: '1',
    consentAccepted: true,
    signatureCode: code,
  });
  expect(reply.status).toBe(201);
  return reply.body;
}

export const applicationRow = (db: Knex, id: string) => serverRow(db, 'applications', id);

/** A desk's move of the application as its clerk makes it now, pushed; its outcome. */
export async function deskMove(
  db: Knex,
  desk: TestDevice,
  id: string,
  changed: Mutation['changed'],
  actorId: string = testStaff.clerk,
): Promise<string> {
  const results = await pushAs(desk, await deskChange(db, desk, { table: 'applications', id, actorId }, changed));
  return outcomes(results)[0]!;
}

export const startReview = (at = new Date().toISOString()) => ({
  status: 'in_review',
  review_started_at: at,
  review_started_by: testStaff.clerk,
});

export const approve = (channel: 'email' | 'sms' | 'print') => ({
  status: 'approved',
  decided_at: new Date().toISOString(),
  decided_by: testStaff.clerk,
  activation_channel: channel,
});
