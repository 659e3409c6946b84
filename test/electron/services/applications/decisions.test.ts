import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  meetChecks,
  openApplicationDesk,
  portalApplication,
  pulled,
  type ApplicationDesk,
} from './application-desk';

let desk: ApplicationDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

type Check = { check: string; met: boolean; reason: string; finished: boolean; fix: { kind: string; route: string } };
type Detail = {
  application: Record<string, unknown>;
  patient: { id: string; surname: string } | null;
  checks: Check[];
  events: { kind: string; actorKind: string; actorName: string | null; detail: Record<string, unknown> }[];
};

async function inReview(d: ApplicationDesk): Promise<string> {
  const id = portalApplication(d, { number: 'З-26-П-000001', due_at: '2026-11-25T09:00:00.000Z' });
  const started = await call(d, 'applications.startReview', { id });
  expect(started.ok).toBe(true);
  return id;
}

describe('an application’s page (C3, C6)', () => {
  it('shows the patient, the three checks with what fixes each, and the journal in order', async () => {
    desk = await openApplicationDesk();
    meetChecks(desk, { identity: false, policy: false });
    const id = portalApplication(desk, { number: 'З-26-П-000001', due_at: '2026-11-26T09:00:00.000Z' });
    pulled(desk, 'application_events', 1, [
      { application_id: id, kind: 'received', at: '2026-11-24T09:00:00.000Z', actor_kind: 'patient', detail: '{}' },
    ]);

    const got = await call(desk, 'applications.get', { id });
    expect(got.ok).toBe(true);
    const detail = got.data as unknown as Detail;
    expect(detail.patient).toMatchObject({ id: desk.patientId, surname: 'Семёнова' });
    expect(detail.application).toMatchObject({ number: 'З-26-П-000001', status: 'submitted', overdue: false });
    expect(detail.checks).toEqual([
      {
        check: 'identity',
        met: false,
        reason: 'identity.none',
        finished: false,
        fix: { kind: 'verification', route: `/patients/${desk.patientId}?tab=online` },
      },
      {
        check: 'consent',
        met: true,
        reason: 'consent.valid',
        finished: false,
        fix: { kind: 'consent', route: `/patients/${desk.patientId}?tab=consent` },
      },
      {
        check: 'policy',
        met: false,
        reason: 'policy.none',
        finished: false,
        fix: { kind: 'documents', route: `/patients/${desk.patientId}?tab=documents` },
      },
    ]);
    expect(detail.events.map((event) => [event.kind, event.actorKind])).toEqual([['received', 'patient']]);
    // The read of the patient's data is audited.
    expect(desk.count('audit_events', "action = 'applications.read' AND patient_id = ?", [desk.patientId])).toBe(1);
  });

  it('sends a locked identity to the verification queue', async () => {
    desk = await openApplicationDesk();
    pulled(desk, 'online_identity', 1, [
      { patient_id: desk.patientId, status: 'locked', failed_attempts: 3, locked_at: desk.now },
    ]);
    const id = portalApplication(desk, { number: 'З-26-П-000001', due_at: '2026-11-26T09:00:00.000Z' });
    const detail = (await call(desk, 'applications.get', { id })).data as unknown as Detail;
    expect(detail.checks[0]).toMatchObject({ met: false, reason: 'identity.locked', fix: { route: '/verification' } });
  });
});

describe('the review and the decisions (C3–C5)', () => {
  it('starts the review once, with who and when, and journals it', async () => {
    desk = await openApplicationDesk();
    const id = await inReview(desk);
    const detail = (await call(desk, 'applications.get', { id })).data as unknown as Detail;
    expect(detail.application).toMatchObject({ status: 'in_review', reviewStartedAt: desk.now });
    expect(detail.events.map((event) => event.kind)).toEqual(['review_started']);
    expect(detail.events[0]!.actorKind).toBe('staff');
    // The change and its journal entry go to the server.
    expect(desk.count('sync_outbox', "table_name = 'applications'")).toBe(1);
    expect(desk.count('sync_outbox', "table_name = 'application_events'")).toBe(1);

    const again = await call(desk, 'applications.startReview', { id });
    expect(again.error?.code).toBe('application.desk.not_submitted');
  });

  it('refuses to approve while a check of C3 is unmet, naming the check, and writes nothing', async () => {
    desk = await openApplicationDesk();
    meetChecks(desk, { policy: false });
    const id = await inReview(desk);
    const outbox = desk.count('sync_outbox');

    const refused = await call(desk, 'applications.approve', { id, activationChannel: 'email' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'application.check.policy' } });
    expect(desk.count('sync_outbox')).toBe(outbox);

    const unmet = await call(desk, 'applications.finishCheck', { id, check: 'policy' });
    expect(unmet.error).toMatchObject({ code: 'application.desk.check_unmet', field: 'check' });
  });

  it('refuses an approval without identity and without consent, each by its own check', async () => {
    desk = await openApplicationDesk();
    meetChecks(desk, { identity: false });
    const id = await inReview(desk);
    expect((await call(desk, 'applications.approve', { id, activationChannel: 'sms' })).error?.code).toBe(
      'application.check.identity',
    );
    await desk.cleanup();

    desk = await openApplicationDesk();
    meetChecks(desk, { consent: false });
    const other = await inReview(desk);
    expect((await call(desk, 'applications.approve', { id: other, activationChannel: 'sms' })).error?.code).toBe(
      'application.check.consent',
    );
  });

  it('approves when every check is met, after the clerk marks them done', async () => {
    desk = await openApplicationDesk();
    meetChecks(desk);
    const id = await inReview(desk);
    for (const check of ['identity', 'consent', 'policy']) {
      const marked = await call(desk, 'applications.finishCheck', { id, check });
      expect(marked.ok).toBe(true);
    }
    // Marking twice adds nothing to the journal.
    await call(desk, 'applications.finishCheck', { id, check: 'consent' });

    const approved = await call(desk, 'applications.approve', { id, activationChannel: 'print' });
    expect(approved.ok).toBe(true);
    const detail = approved.data as unknown as Detail;
    expect(detail.application).toMatchObject({ status: 'approved', activationChannel: 'print', decidedAt: desk.now });
    expect(detail.checks.every((check) => check.met && check.finished)).toBe(true);
    expect(detail.events.map((event) => event.kind)).toEqual([
      'review_started',
      'check_finished',
      'check_finished',
      'check_finished',
      'approved',
    ]);
    expect(detail.events.at(-1)!.detail).toEqual({ activationChannel: 'print' });
    expect(desk.count('audit_events', "action = 'applications.approved' AND patient_id = ?", [desk.patientId])).toBe(1);

    const twice = await call(desk, 'applications.deny', { id, reason: 'no_identity', note: '' });
    expect(twice.error?.code).toBe('application.desk.not_in_review');
  });

  it('approves a patient with no cabinet account yet only by e-mail or SMS, which confirms the contact they will sign in with', async () => {
    desk = await openApplicationDesk();
    meetChecks(desk);
    const id = portalApplication(desk, {
      number: 'З-26-П-000003',
      due_at: '2026-11-26T09:00:00.000Z',
      account_id: null,
    });
    await call(desk, 'applications.startReview', { id });
    const printed = await call(desk, 'applications.approve', { id, activationChannel: 'print' });
    expect(printed.error).toMatchObject({ code: 'application.desk.channel', field: 'activationChannel' });
    const mailed = await call(desk, 'applications.approve', { id, activationChannel: 'email' });
    expect(mailed.ok).toBe(true);
  });

  it('refuses to approve a patient with no cabinet account and no phone: the cabinet signs in with codes to it', async () => {
    desk = await openApplicationDesk();
    meetChecks(desk);
    const id = portalApplication(desk, {
      number: 'З-26-П-000004',
      due_at: '2026-11-26T09:00:00.000Z',
      account_id: null,
      contact_phone: null,
    });
    await call(desk, 'applications.startReview', { id });
    const refused = await call(desk, 'applications.approve', { id, activationChannel: 'email' });
    expect(refused.error).toMatchObject({ code: 'application.desk.contacts', field: 'activationChannel' });
  });

  it('refuses an activation by e-mail when the application has no address', async () => {
    desk = await openApplicationDesk();
    meetChecks(desk);
    const id = portalApplication(desk, {
      number: 'З-26-П-000002',
      due_at: '2026-11-26T09:00:00.000Z',
      contact_email: null,
    });
    await call(desk, 'applications.startReview', { id });
    const refused = await call(desk, 'applications.approve', { id, activationChannel: 'email' });
    expect(refused.error).toMatchObject({ code: 'application.desk.no_email', field: 'activationChannel' });
  });

  it('denies with a reason and a note; the supply time is the server’s to set', async () => {
    desk = await openApplicationDesk();
    const id = await inReview(desk);
    const denied = await call(desk, 'applications.deny', { id, reason: 'no_consent', note: 'Согласие не подписано' });
    expect(denied.ok).toBe(true);
    expect((denied.data as unknown as Detail).application).toMatchObject({
      status: 'denied',
      denyReason: 'no_consent',
      denyNote: 'Согласие не подписано',
      supplyDue: null,
    });
  });

  it('records an appeal’s outcome only when there is an appeal; overturned, the application is reviewed again', async () => {
    desk = await openApplicationDesk();
    const id = await inReview(desk);
    await call(desk, 'applications.deny', { id, reason: 'confidentiality', note: '' });
    const none = await call(desk, 'applications.appealOutcome', { id, outcome: 'upheld', note: '' });
    expect(none.error?.code).toBe('application.appeal.none');

    // The patient's appeal arrives from the cabinet through the server.
    pulled(desk, 'applications', 2, [
      { id, appeal_text: 'Прошу пересмотреть', appeal_at: desk.now, updated_at: desk.now } as Record<string, string>,
    ]);
    expect(desk.count('applications', 'appeal_at IS NOT NULL')).toBe(1);
    const decided = await call(desk, 'applications.appealOutcome', {
      id,
      outcome: 'overturned',
      note: 'Ошибка сотрудника',
    });
    expect(decided.ok).toBe(true);
    const detail = decided.data as unknown as Detail;
    expect(detail.application).toMatchObject({
      status: 'in_review',
      appealOutcome: 'overturned',
      appealNote: 'Ошибка сотрудника',
    });
    expect(detail.events.at(-1)).toMatchObject({ kind: 'appeal_decided', detail: { outcome: 'overturned' } });
  });

  it('gives a printed code only for an approval to print, and only through a server', async () => {
    desk = await openApplicationDesk();
    meetChecks(desk);
    const id = await inReview(desk);
    expect((await call(desk, 'applications.printedCode', { id })).error?.code).toBe('application.printed_code.channel');
    await call(desk, 'applications.approve', { id, activationChannel: 'print' });
    // This desk is not enrolled with a server: the code exists only there.
    expect((await call(desk, 'applications.printedCode', { id })).error?.code).toBe('application.desk.not_online');
  });

  it('lets a doctor read but not decide', async () => {
    desk = await openApplicationDesk();
    const id = portalApplication(desk, { number: 'З-26-П-000001', due_at: '2026-11-26T09:00:00.000Z' });
    const { createDispatcher } = await import('../../../../electron/core/dispatcher');
    const readOnly = { ...desk.ctx, actor: { ...desk.ctx.actor, role: 'doctor' as const } };
    const dispatch = createDispatcher(() => readOnly, { internal: () => undefined });
    expect(((await dispatch('applications.get', { id })) as { ok: boolean }).ok).toBe(true);
    expect(await dispatch('applications.startReview', { id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
