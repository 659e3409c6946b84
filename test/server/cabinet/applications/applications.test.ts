import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { redeemActivationCode } from '../../../../server/cabinet/applications/activation-codes';
import { sweepOverdue } from '../../../../server/cabinet/applications/deadline-sweeper';
import { defaultClinicId } from '../../../../server/clinics/clinics';
import { toNumber, toRecord } from '../../../../server/db/values';
import { cabinetApiPrefix, cabinetPaths, type ApplicationView } from '../../../../shared/cabinet/cabinet-api';
import {
  applicationNumber,
  applicationNumberPattern,
  deskApplicationSource,
} from '../../../../shared/domain/application';
import { reportAttempt, testPortalToken } from '../../../support/portal-client';
import { enrolledPatient, outcomes, pushAs } from '../../portal/portal-setup';
import {
  countRows,
  enrolTestDevice,
  mutation,
  testSession,
  testStaff,
  useTestServer,
  type TestDevice,
  type TestServer,
} from '../../support/test-server';
import { cabinetOptions, signedInAccount } from '../uploads/cabinet-uploader';
import {
  applicationRow,
  approve,
  cabinetCall,
  deskMove,
  outbox,
  signatureCode,
  startReview,
  submitted,
} from './application-setup';

const mailDrop = mkdtempSync(join(tmpdir(), 'medcard-applications-'));
const opened = useTestServer(() => ({ cabinet: cabinetOptions(mailDrop), portalToken: testPortalToken }));
let db: Knex;
let server: TestServer;
let desk: TestDevice;

beforeAll(async () => {
  db = opened.db;
  server = opened.server;
  desk = await enrolTestDevice(db, server);
});
afterAll(() => rmSync(mailDrop, { recursive: true, force: true }));

const recordCount = async (table: string) =>
  toNumber((await db('records').where({ table_name: table }).count<{ n: unknown }[]>('* as n'))[0]?.n);

const kinds = (view: ApplicationView) => view.events.map((event) => event.kind);

describe('an application submitted in the cabinet (C1)', () => {
  it('is written whole: the consent, the numbered application with its deadline, its journal and the notice', async () => {
    const patientId = await enrolledPatient(desk);
    const who = await signedInAccount(db, patientId);
    const view = await submitted(db, server, who);

    expect(view.number).toMatch(applicationNumberPattern);
    expect(view.number).toMatch(/^З-\d{2}-П-\d{6}$/);
    expect(view).toMatchObject({ channel: 'portal', status: 'submitted', urgent: false, overdue: false });
    expect(Date.parse(view.dueAt)).toBeGreaterThan(Date.parse(view.submittedAt));
    expect(kinds(view)).toEqual(['received', 'number_sent']);

    const { data } = await applicationRow(db, view.id);
    expect(data).toMatchObject({
      patient_id: patientId,
      account_id: who.accountId,
      channel: 'portal',
      device_id: null,
    });
    const consent = await db('records')
      .where({ table_name: 'consents', id: String(data.consent_id) })
      .first('data');
    expect(toRecord(consent.data)).toMatchObject({
      patient_id: patientId,
      method: 'electronic_signature',
      text_version: '1',
    });
    const notices = await outbox(db, { applicationId: view.id });
    expect(notices.map((notice) => notice.template)).toEqual(['application_received']);
    expect(notices[0]!.params.number).toBe(view.number);

    const listed = await cabinetCall<ApplicationView[]>(server, who, 'GET', cabinetPaths.applications);
    expect(listed.status).toBe(200);
    expect(listed.body.map((application) => application.id)).toEqual([view.id]);
    expect(kinds(listed.body[0]!)).toEqual(['received', 'number_sent']);

    // One under way at a time; another patient sees none of it.
    const again = await cabinetCall(server, who, 'POST', cabinetPaths.applicationSignatureSend, {});
    expect(again).toMatchObject({ status: 409, body: { code: 'application.already_open' } });
    const stranger = await signedInAccount(db, await enrolledPatient(desk));
    const theirs = await cabinetCall<ApplicationView[]>(server, stranger, 'GET', cabinetPaths.applications);
    expect(theirs.body).toEqual([]);
  });

  it('a wrong signature code saves nothing: no consent, no application, no journal, no number taken', async () => {
    const who = await signedInAccount(db, await enrolledPatient(desk));
    const code = await signatureCode(db, server, who);
    const wrong = code.slice(0, 5) + String((Number(code[5]) + 1) % 10);
    const before = await Promise.all([
      countRows(db, 'change_log'),
      recordCount('applications'),
      recordCount('consents'),
    ]);
    const counters = await db('application_counters').select('last');
    const reply = await cabinetCall(server, who, 'POST', cabinetPaths.applications, {
      consentTextVersion: '1',
      consentAccepted: true,
      signatureCode: wrong,
    });
    expect(reply).toMatchObject({ status: 400, body: { code: 'application.signature.wrong', field: 'signatureCode' } });
    expect(
      await Promise.all([countRows(db, 'change_log'), recordCount('applications'), recordCount('consents')]),
    ).toEqual(before);
    expect(await db('application_counters').select('last')).toEqual(counters);
    const notices = await outbox(db, { accountId: who.accountId });
    expect(notices.map((notice) => notice.template)).toEqual(['signature_code']);
  });

  it('refuses an account with no card, and an outdated consent text', async () => {
    const cardless = await signedInAccount(db, null);
    const refused = await cabinetCall(server, cardless, 'POST', cabinetPaths.applicationSignatureSend, {});
    expect(refused).toMatchObject({ status: 409, body: { code: 'application.account.no_card' } });
    const who = await signedInAccount(db, await enrolledPatient(desk));
    const code = await signatureCode(db, server, who);
    const outdated = await cabinetCall(server, who, 'POST', cabinetPaths.applications, {
      consentTextVersion: '0.9',
      consentAccepted: true,
      signatureCode: code,
    });
    expect(outdated).toMatchObject({ status: 409, body: { code: 'application.consent.version' } });
  });
});

describe('the decision at the desk, judged by the server (C3, C4)', () => {
  it('refuses an approval without each check; deny → supply → review again → approve → activation', async () => {
    const patientId = await enrolledPatient(desk);
    const who = await signedInAccount(db, patientId);
    const view = await submitted(db, server, who);
    const id = view.id;

    expect(await deskMove(db, desk, id, approve('email'))).toBe('application.transition');
    expect(await deskMove(db, desk, id, { ...startReview(), review_started_by: testStaff.otherClerk })).toBe(
      'application.actor_mismatch',
    );
    expect(await deskMove(db, desk, id, startReview())).toBe('applied');
    expect((await outbox(db, { applicationId: id })).map((notice) => notice.template)).toContain('review_started');

    // 1. identity: not confirmed yet.
    expect(await deskMove(db, desk, id, approve('email'))).toBe('application.check.identity');
    expect((await reportAttempt(server.origin, patientId, 'passed')).status).toBe(200);
    // 2. consent: the cabinet's consent withdrawn at the desk.
    const consentId = String((await applicationRow(db, id)).data.consent_id);
    const consent = await db('records').where({ table_name: 'consents', id: consentId }).first('version');
    const withdrawn = mutation({
      table: 'consents',
      rowId: consentId,
      baseVersion: toNumber(consent.version),
      at: new Date().toISOString(),
      changed: { withdrawn_at: new Date().toISOString(), withdrawn_by: testStaff.clerk, withdrawal_reason: 'отзыв' },
    });
    expect(outcomes(await pushAs(desk, withdrawn))).toEqual(['applied']);
    expect(await deskMove(db, desk, id, approve('email'))).toBe('application.check.consent');
    const renewed = {
      patient_id: patientId,
      text_version: '1',
      method: 'signature',
      accepted_at: new Date().toISOString(),
      withdrawn_at: null,
    };
    expect(outcomes(await pushAs(desk, mutation({ table: 'consents', changed: renewed })))).toEqual(['applied']);
    // 3. policy: none confirmed.
    expect(await deskMove(db, desk, id, approve('email'))).toBe('application.check.policy');
    expect((await applicationRow(db, id)).data.status).toBe('in_review');

    // Denied: the reason is required, the supply time is the server's.
    expect(
      await deskMove(db, desk, id, {
        status: 'denied',
        decided_at: new Date().toISOString(),
        decided_by: testStaff.clerk,
      }),
    ).toBe('application.deny_reason.required');
    expect(
      await deskMove(db, desk, id, {
        status: 'denied',
        decided_at: new Date().toISOString(),
        decided_by: testStaff.clerk,
        deny_reason: 'no_identity',
        supply_due: '2099-01-01',
      }),
    ).toBe('application.field.server_only');
    expect(
      await deskMove(db, desk, id, {
        status: 'denied',
        decided_at: new Date().toISOString(),
        decided_by: testStaff.clerk,
        deny_reason: 'no_identity',
        deny_note: 'нет полиса',
      }),
    ).toBe('applied');
    const denied = (await applicationRow(db, id)).data;
    expect(denied.supply_due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const deniedNotice = (await outbox(db, { applicationId: id })).find((n) => n.template === 'application_denied');
    expect(deniedNotice?.params).toMatchObject({ reason: 'no_identity', supplyDue: denied.supply_due });

    // The patient supplies what was missing: the review opens again.
    const supplied = await cabinetCall<ApplicationView>(
      server,
      who,
      'POST',
      cabinetPaths.applicationSupply.replace(':id', id),
      {
        note: 'Полис приложен',
      },
    );
    expect(supplied.status).toBe(200);
    expect(supplied.body.status).toBe('in_review');
    expect(kinds(supplied.body)).toContain('supplied');
    expect((await outbox(db, { applicationId: id })).map((n) => n.template)).toContain('application_reopened');
    const policy = {
      patient_id: patientId,
      type: 'oms_policy',
      form: 'electronic',
      number: '7700000000000000',
      policy_status: 'confirmed',
      superseded_at: null,
      deleted_at: null,
    };
    expect(outcomes(await pushAs(desk, mutation({ table: 'identity_documents', changed: policy })))).toEqual([
      'applied',
    ]);

    // Approved with no channel is refused; with e-mail the activation link goes out.
    expect(await deskMove(db, desk, id, { ...approve('email'), activation_channel: null })).toBe(
      'application.activation_channel.required',
    );
    expect(await deskMove(db, desk, id, approve('email'))).toBe('applied');
    const approved = await applicationRow(db, id);
    expect(approved.data).toMatchObject({ status: 'approved', activation_channel: 'email' });
    expect(approved.data.activation_sent_at).toEqual(expect.any(String));
    const mail = (await outbox(db, { applicationId: id })).find((n) => n.template === 'application_approved');
    expect(mail?.channel).toBe('email');
    const link = new URL(mail!.params.link!);
    expect(link.pathname).toBe('/activate');
    const fragment = new URLSearchParams(link.hash.slice(1));
    const code = fragment.get('code')!;
    const email = fragment.get('email')!;
    const clinicId = await defaultClinicId(db);

    // The code: wrong, right once, then used.
    await expect(redeemActivationCode(db, { clinicId, email, code: `${code}x` }, new Date())).rejects.toMatchObject({
      code: 'application.activation.wrong',
      status: 400,
    });
    await expect(redeemActivationCode(db, { clinicId, email, code }, new Date())).resolves.toEqual({
      accountId: who.accountId,
      applicationId: id,
      channel: 'email',
    });
    await expect(redeemActivationCode(db, { clinicId, email, code }, new Date())).rejects.toMatchObject({
      code: 'application.activation.used',
      status: 410,
    });
    const listed = await cabinetCall<ApplicationView[]>(server, who, 'GET', cabinetPaths.applications);
    expect(listed.body[0]!.status).toBe('activated');
    expect(kinds(listed.body[0]!)).toEqual(['received', 'number_sent', 'supplied', 'activation_sent', 'activated']);
    expect((await outbox(db, { applicationId: id })).map((n) => n.template)).toContain('account_activated');
  });

  it('taken at the desk, approved by e-mail: the server opens the cabinet account from the card; the code confirms the e-mail', async () => {
    const patientId = await enrolledPatient(desk);
    expect((await reportAttempt(server.origin, patientId, 'passed')).status).toBe(200);
    const accepted = new Date().toISOString();
    const consent = {
      patient_id: patientId,
      text_version: '1',
      method: 'signature',
      accepted_at: accepted,
      withdrawn_at: null,
    };
    const policy = {
      patient_id: patientId,
      type: 'oms_policy',
      form: 'unified',
      number: '7700000000000001',
      policy_status: 'confirmed',
      superseded_at: null,
      deleted_at: null,
    };
    expect(
      outcomes(
        await pushAs(
          desk,
          mutation({ table: 'consents', changed: consent }),
          mutation({ table: 'identity_documents', changed: policy }),
        ),
      ),
    ).toEqual(['applied', 'applied']);
    const now = new Date();
    const id = uuidv7();
    const email = `desk.applicant.${process.pid}@example.ru`;
    const taken = {
      patient_id: patientId,
      number: applicationNumber(now.getFullYear(), deskApplicationSource(desk.id), 1),
      channel: 'desk',
      urgent: false,
      status: 'submitted',
      submitted_at: now.toISOString(),
      due_at: new Date(now.getTime() + 60 * 60 * 1000).toISOString(),
      contact_email: email,
      contact_phone: '+79160001122',
      scan_ids: '[]',
      device_id: desk.id,
    };
    expect(outcomes(await pushAs(desk, mutation({ table: 'applications', rowId: id, changed: taken })))).toEqual([
      'applied',
    ]);
    expect(await deskMove(db, desk, id, startReview())).toBe('applied');
    // A printed sheet confirms no contact the patient could sign in with.
    expect(await deskMove(db, desk, id, approve('print'))).toBe('application.desk.channel');
    expect(await deskMove(db, desk, id, approve('email'))).toBe('applied');

    const { data } = await applicationRow(db, id);
    const account = await db('cabinet_accounts')
      .where({ id: String(data.account_id) })
      .first();
    expect(account).toMatchObject({ patient_id: patientId, email, phone: '+79160001122', activated_at: null });
    expect(account.email_confirmed_at).toBeNull();
    const approved = (await outbox(db, { applicationId: id })).find(
      (notice) => notice.template === 'application_approved',
    );
    expect(approved?.recipient).toBe(email);
    const code = decodeURIComponent(/#code=([^&]+)/.exec(approved!.params.link ?? '')![1]!);

    const activated = await fetch(`${server.origin}${cabinetApiPrefix}${cabinetPaths.activate}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, code, password: 'Ландыш-2026!' }),
    });
    expect(activated.status).toBe(204);
    const after = await db('cabinet_accounts').where({ id: account.id }).first();
    expect(after.activated_at).not.toBeNull();
    expect(after.email_confirmed_at).not.toBeNull();
    expect(after.phone_confirmed_at).toBeNull();
    expect((await applicationRow(db, id)).data.status).toBe('activated');
  });

  it('an appeal of a denial is recorded once, and its outcome decided at the desk: overturned reopens the review', async () => {
    const who = await signedInAccount(db, await enrolledPatient(desk));
    const { id } = await submitted(db, server, who);
    const appealPath = cabinetPaths.applicationAppeal.replace(':id', id);
    expect(await cabinetCall(server, who, 'POST', appealPath, { text: 'Не согласен' })).toMatchObject({
      status: 409,
      body: { code: 'application.appeal.not_denied' },
    });
    expect(await deskMove(db, desk, id, startReview())).toBe('applied');
    const deny = { status: 'denied', decided_at: new Date().toISOString(), decided_by: testStaff.clerk };
    expect(await deskMove(db, desk, id, { ...deny, deny_reason: 'legal_restriction' })).toBe('applied');
    const decide = (outcome: string, status: string) => ({
      status,
      appeal_outcome: outcome,
      appeal_decided_at: new Date().toISOString(),
      appeal_decided_by: testStaff.clerk,
    });
    expect(await deskMove(db, desk, id, decide('upheld', 'denied'))).toBe('application.appeal.none');
    const appealed = await cabinetCall<ApplicationView>(server, who, 'POST', appealPath, { text: 'Не согласен' });
    expect(appealed.status).toBe(200);
    expect(appealed.body.appeal).toMatchObject({ text: 'Не согласен', outcome: null });
    expect(kinds(appealed.body)).toContain('appeal_filed');
    expect(await cabinetCall(server, who, 'POST', appealPath, { text: 'Ещё раз' })).toMatchObject({
      status: 409,
      body: { code: 'application.appeal.already' },
    });
    expect(await deskMove(db, desk, id, decide('upheld', 'in_review'))).toBe('application.transition');
    expect(await deskMove(db, desk, id, decide('overturned', 'in_review'))).toBe('applied');
    expect((await applicationRow(db, id)).data).toMatchObject({ status: 'in_review', appeal_outcome: 'overturned' });
  });

  it('the journal takes a desk’s entries but never changes one; the server’s kinds are not the desk’s', async () => {
    const who = await signedInAccount(db, await enrolledPatient(desk));
    const { id } = await submitted(db, server, who);
    const at = new Date().toISOString();
    const entry = { application_id: id, kind: 'review_started', at, actor_kind: 'staff', actor_id: testStaff.clerk };
    const rowId = uuidv7();
    expect(outcomes(await pushAs(desk, mutation({ table: 'application_events', rowId, at, changed: entry })))).toEqual([
      'applied',
    ]);
    const changedEntry = mutation({
      table: 'application_events',
      rowId,
      baseVersion: 1,
      at,
      changed: { kind: 'approved' },
    });
    expect(outcomes(await pushAs(desk, changedEntry))).toEqual(['application.event.immutable']);
    const serverKind = mutation({ table: 'application_events', at, changed: { ...entry, kind: 'overdue' } });
    expect(outcomes(await pushAs(desk, serverKind))).toEqual(['application.event.kind']);
  });
});

describe('deadlines and activation codes (C2, C4)', () => {
  it('an overdue application is flagged, escalated and the patient told — once', async () => {
    const who = await signedInAccount(db, await enrolledPatient(desk));
    const view = await submitted(db, server, who);
    const later = new Date(Date.parse(view.dueAt) + 60_000);
    expect(await sweepOverdue({ db }, new Date(Date.parse(view.dueAt) - 60_000))).toBe(0);
    expect(await sweepOverdue({ db }, later)).toBeGreaterThanOrEqual(1);
    expect(await sweepOverdue({ db }, new Date(later.getTime() + 3_600_000))).toBe(0);
    const { data } = await applicationRow(db, view.id);
    expect(data.overdue_at).toBe(later.toISOString());
    expect(data.escalated_at).toBe(later.toISOString());
    const listed = await cabinetCall<ApplicationView[]>(server, who, 'GET', cabinetPaths.applications);
    expect(listed.body[0]!.overdue).toBe(true);
    expect(kinds(listed.body[0]!)).toEqual(['received', 'number_sent', 'overdue', 'escalated']);
    const delayed = (await outbox(db, { applicationId: view.id })).filter((n) => n.template === 'application_delayed');
    expect(delayed).toHaveLength(1);
  });

  it('a printed code is given to a clerk in a proven session; it expires after 7 days; five wrong tries spend it', async () => {
    const patientId = await enrolledPatient(desk);
    const who = await signedInAccount(db, patientId);
    const { id } = await submitted(db, server, who);
    expect((await reportAttempt(server.origin, patientId, 'passed')).status).toBe(200);
    const policy = { patient_id: patientId, type: 'oms_policy', policy_status: 'confirmed', superseded_at: null };
    expect(outcomes(await pushAs(desk, mutation({ table: 'identity_documents', changed: policy })))).toEqual([
      'applied',
    ]);
    expect(await deskMove(db, desk, id, startReview())).toBe('applied');
    expect(await deskMove(db, desk, id, approve('print'))).toBe('applied');

    const path = `/v1/applications/${id}/printed-code`;
    const session = testSession(desk.id, testStaff.clerk, new Date()).proven;
    const printed = await desk.send('POST', path, { body: { session } });
    expect(printed.status).toBe(200);
    const { code, expiresAt } = printed.json<{ code: string; expiresAt: string }>();
    expect(code).toMatch(/^\d{12}$/);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(6 * 24 * 3_600_000);
    const forged = testSession(desk.id, testStaff.clerk, new Date(), {
      ticketKey: { sign: () => 'x'.repeat(86), verify: () => false },
    }).proven;
    expect((await desk.send('POST', path, { body: { session: forged } })).json()).toMatchObject({
      code: 'factor.session.unproven',
    });

    const clinicId = await defaultClinicId(db);
    const email = (await db('cabinet_accounts').where({ id: who.accountId }).first('email')).email as string;
    // A week and a day later the printed code has expired.
    const late = new Date(Date.now() + 8 * 24 * 3_600_000);
    await expect(redeemActivationCode(db, { clinicId, email, code }, late)).rejects.toMatchObject({
      code: 'application.activation.expired',
      status: 410,
    });
    // Five wrong tries spend it: the right code afterwards is refused as used.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await expect(
        redeemActivationCode(db, { clinicId, email, code: '000000000000' }, new Date()),
      ).rejects.toMatchObject({
        code: 'application.activation.wrong',
      });
    }
    await expect(
      redeemActivationCode(db, { clinicId, email, code: code.replace(/(\d{4})/g, '$1 ').trim() }, new Date()),
    ).rejects.toMatchObject({
      code: 'application.activation.used',
    });
  });
});
