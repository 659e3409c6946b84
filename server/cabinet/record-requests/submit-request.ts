import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { canonicalJson } from '../../../shared/canonical-json';
import {
  recordRequestConfirmSchema,
  recordRequestDraftSchema,
  type CabinetRecordRequestDetail,
  type RecordRequestCodeSent,
  type RecordRequestDraft,
} from '../../../shared/cabinet/record-requests-api';
import { moscowDay } from '../../../shared/domain/application-deadline';
import { parseInput } from '../../../shared/errors/zod-issues';
import { rightsActions } from '../../../shared/rights/access-actions';
import { HttpError } from '../../http/http-error';
import { withChangeLog } from '../../sync/change-log';
import { writeServerRow } from '../../sync/server-rows';
import { accountById } from '../accounts/account-store';
import { codeRefusal } from '../accounts/code-refusals';
import { sendCode } from '../accounts/code-sending';
import { checkCode } from '../accounts/one-time-codes';
import { recordCabinetRead } from '../chart/chart-read-log';
import type { CabinetSession } from '../session/cabinet-session-types';
import { noticeAboutRequest } from './request-notices';
import { nextRecordRequestNumber, recordRequestDueOn } from './request-numbering';
import { assertInScope, requestPerson, type RequestPerson } from './request-person';
import { requestView } from './request-rows';

/** The code confirming a request lives 10 minutes (as the other SMS codes, NIST SP 800-63B). */
export const requestCodeTtlMs = 10 * 60_000;
const purpose = 'record_request';

export interface SubmitDeps {
  db: Knex;
  /** The blobs' key: the production calendar's files are blobs. */
  blobKey: Buffer;
  log: Pick<FastifyBaseLogger, 'warn'>;
}

/** The draft checked and its person found: a representative asks only within their proxy's scope. */
async function checkedDraft(
  db: Knex,
  session: CabinetSession,
  input: unknown,
  now: Date,
): Promise<{ draft: RecordRequestDraft; person: RequestPerson; digest: string }> {
  const draft = parseInput(recordRequestDraftSchema, input);
  const person = await requestPerson(db, session, draft.patientId, now);
  assertInScope(person, draft.materials.sections);
  // The code answers this draft only: its digest is the code's challenge (one-time-codes.ts).
  const digest = createHash('sha256')
    .update(canonicalJson({ ...draft, patientId: person.patientId }))
    .digest('hex');
  return { draft, person, digest };
}

/**
 * Step one: the draft is checked (nothing is written for a bad one) and a code goes to the
 * account's confirmed phone or e-mail, as the draft chose; a new code after a minute at the soonest.
 */
export async function sendRequestCode(
  db: Knex,
  session: CabinetSession,
  input: unknown,
  now: Date,
): Promise<RecordRequestCodeSent> {
  const { draft, digest } = await checkedDraft(db, session, input, now);
  const account = await accountById(db, session.accountId);
  const confirmed = draft.channel === 'sms' ? account.phone_confirmed_at : account.email_confirmed_at;
  if (confirmed === null) throw new HttpError(409, 'records.request.channel', { field: 'channel' });
  return db.transaction((trx) =>
    sendCode(
      trx,
      account,
      {
        purpose,
        channel: draft.channel,
        template: 'record_request_code',
        ttlMs: requestCodeTtlMs,
        challengeId: digest,
      },
      now,
    ),
  );
}

/**
 * Step two: the same draft with its code. In one transaction: the code is spent (a wrong one
 * counted, as every cabinet code is), the request written with its number and due day, the
 * patient told, and `record_requests.submitted` appended to the clinic's cabinet audit chain — a
 * refusal anywhere leaves no request, no notice and no audit event.
 */
export async function confirmRequest(
  deps: SubmitDeps,
  session: CabinetSession,
  input: unknown,
  now: Date,
): Promise<CabinetRecordRequestDetail> {
  const { db } = deps;
  const body = parseInput(recordRequestConfirmSchema, input);
  const { draft, person, digest } = await checkedDraft(db, session, body.draft, now);
  const dueOn = await recordRequestDueOn(deps, person.clinicId, now);
  const at = now.toISOString();
  const id = uuidv7();
  const written = await withChangeLog(db, { now, clinicId: person.clinicId }, async (log) => {
    const check = await checkCode(log.trx, {
      accountId: session.accountId,
      purpose,
      code: body.code,
      challengeId: digest,
      now,
    });
    if (check !== 'ok') return { refused: await codeRefusal(log.trx, session.accountId, check, now) } as const;
    const number = await nextRecordRequestNumber(log, Number(moscowDay(now).slice(0, 4)));
    const data = {
      ...emptySteps,
      patient_id: person.patientId,
      account_id: session.accountId,
      number,
      purpose: draft.purpose,
      materials: JSON.stringify(draft.materials),
      formats: JSON.stringify(draft.formats),
      submitted_at: at,
      confirmed_via: `${draft.channel}_code`,
      due_on: dueOn,
      status: 'open',
    };
    await writeServerRow(log, 'record_requests', id, undefined, data, at);
    await noticeAboutRequest(
      log.trx,
      {
        clinicId: person.clinicId,
        accountId: session.accountId,
        requestId: id,
        template: 'record_request_received',
        params: { number, dueOn },
      },
      now,
    );
    await recordCabinetRead(
      log.trx,
      {
        clinicId: person.clinicId,
        accountId: session.accountId,
        patientId: person.patientId,
        action: rightsActions.requestSubmitted,
        details: { requestId: id, number, formats: draft.formats, sections: draft.materials.sections },
      },
      now,
    );
    return { data: { ...data, created_at: at } } as const;
  });
  if ('refused' in written) throw written.refused;
  return { request: requestView(id, written.data, { filesReady: 0, forPerson: person.forPerson }, now), files: [] };
}

/** Every step of a new request, not yet made. */
const emptySteps = {
  escalated_at: null,
  taken_at: null,
  taken_by: null,
  paper_handed_at: null,
  paper_handed_by: null,
  paper_received_by: null,
  fulfilled_at: null,
  fulfilled_by: null,
  available_until: null,
  notified_at: null,
} as const;
