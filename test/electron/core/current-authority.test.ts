import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deactivateStaff } from '../../../electron/auth/staff-admin';
import type { ServiceContext } from '../../../electron/core/context';
import { createDispatcher } from '../../../electron/core/dispatcher';
import { fixedActorContext } from '../../../electron/core/fixed-actor-context';
import { actorOf } from '../../../electron/core/session-context';
import { rawTx } from '../../../electron/store/raw-tx';
import { applyChanges } from '../../../electron/store/sync-writers/server-changes';
import { movableClock, type MovableClock } from '../auth/auth-harness';
import { expectOk, signedInAs, signIn, type CallApi } from '../../support/staff-over-api';
import { fixedClock, openTempDesk, type TempDesk } from '../../support/temp-desk';

const origin = 'http://localhost';
let desk: TempDesk;
let clock: MovableClock;
let ctx: ServiceContext;
let api: CallApi;

beforeEach(async () => {
  desk = await openTempDesk();
  clock = movableClock(fixedClock.now());
  ctx = fixedActorContext({ store: desk.store, clock, actor: desk.ctx.actor });
  // Nobody at the desk: the people sign in through the contract, as at the screen.
  ctx.session.signOut();
  const dispatch = createDispatcher(() => ({ ...ctx, actor: actorOf(ctx.session.read(clock.now()), ctx.auth) }), {
    internal: () => undefined,
  });
  api = (name, input) => dispatch(name, input);
});
afterEach(() => desk.cleanup());

/** What the server sends when an admin elsewhere changed a person's row: pulled and applied here. */
function pulledFromServer(staffId: string, data: Record<string, string | number>): void {
  desk.store.transaction((tx) => {
    rawTx(tx).run('DELETE FROM sync_outbox');
    applyChanges(tx, [{ table: 'staff', rowId: staffId, version: 1000, data }], clock.now().toISOString());
  });
}

describe('authority is current: role and active read on every call (issue 10 item 8)', () => {
  it("a deactivated clerk's next call is refused, and the clerk is signed out", async () => {
    const { admin, person: clerk } = await signedInAs(api, origin, 'clerk');
    expect((await api('patients.search', { query: 'Иван' })).ok).toBe(true);
    const adminActor = { ...ctx.auth.desk, staffId: admin.id, kind: 'person' as const, role: 'admin' as const };
    deactivateStaff(ctx.auth, adminActor, { staffId: clerk.id });
    expect(await api('patients.search', { query: 'Иван' })).toMatchObject({
      ok: false,
      error: { code: 'auth.deactivated' },
    });
    expect((await expectOk(api, 'session.whoami', {})).state).toBe('signed-out');
    expect(desk.count('audit_events', "action = 'auth.session.deactivated'")).toBe(1);
  });

  it('a deactivation that arrives by sync ends the session at the next call', async () => {
    const { person: clerk } = await signedInAs(api, origin, 'clerk');
    pulledFromServer(clerk.id, { active: 0 });
    expect(await api('patients.search', { query: 'Иван' })).toMatchObject({
      ok: false,
      error: { code: 'auth.deactivated' },
    });
  });

  it('a demotion by sync takes effect on the next call', async () => {
    const { admin } = await signedInAs(api, origin, 'admin');
    expect((await api('staff.list', {})).ok).toBe(true);
    pulledFromServer(admin.id, { role: 'clerk' });
    expect(await api('staff.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const session = await expectOk(api, 'session.whoami', {});
    expect(session.state).toBe('active');
    expect(session.actor?.role).toBe('clerk');
    expect(session.permissions).not.toContain('staff.manage');
  });

  it('a promotion by sync widens the session at the next call too, without signing in again', async () => {
    const { person: doctor } = await signedInAs(api, origin, 'doctor');
    expect(await api('staff.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    pulledFromServer(doctor.id, { role: 'admin' });
    expect((await api('staff.list', {})).ok).toBe(true);
  });
});

describe('changing one’s factors needs a recent password or key touch (issue 10 item 8)', () => {
  const minutes = (n: number) => n * 60_000;

  it('adding a key without recent authentication is refused', async () => {
    const { person } = await signedInAs(api, origin, 'clerk');
    clock.advance(minutes(6));
    const before = desk.count('auth_challenges');
    for (const [name, input] of [
      ['account.beginKeyEnrolment', { staffId: person.id }],
      ['account.renewRecoveryCodes', {}],
      ['account.enrolTotp', { staffId: person.id }],
      ['account.revokeKey', { keyId: person.id }],
      ['account.enrolYubikey', { staffId: person.id, name: 'Жёлтый', otp: 'cccccccccccc' }],
    ] as const) {
      expect(await api(name, input), name).toMatchObject({ ok: false, error: { code: 'auth.reauth_required' } });
    }
    expect(desk.count('auth_challenges')).toBe(before);
    // Everyday work goes on without asking.
    expect((await api('patients.search', { query: 'Иван' })).ok).toBe(true);
  });

  it('within five minutes of sign-in no second proof is asked', async () => {
    const { person } = await signedInAs(api, origin, 'clerk');
    clock.advance(minutes(4));
    expect((await api('account.beginKeyEnrolment', { staffId: person.id })).ok).toBe(true);
  });

  it('the password typed again opens the door for five more minutes; a wrong one counts', async () => {
    const { person } = await signedInAs(api, origin, 'clerk');
    clock.advance(minutes(30));
    expect(await api('auth.reauthenticate', { method: 'password', password: 'Wrong#password1' })).toMatchObject({
      ok: false,
      error: { code: 'auth.failed' },
    });
    expect(desk.count('audit_events', "action = 'auth.sign_in.failed'")).toBeGreaterThan(0);
    await expectOk(api, 'auth.reauthenticate', { method: 'password', password: person.password });
    expect((await api('account.renewRecoveryCodes', {})).ok).toBe(true);
    clock.advance(minutes(5) + 1);
    expect(await api('account.renewRecoveryCodes', {})).toMatchObject({
      ok: false,
      error: { code: 'auth.reauth_required' },
    });
  });

  it('a touch of the person’s own key re-authenticates too', async () => {
    const { person } = await signedInAs(api, origin, 'clerk');
    clock.advance(minutes(10));
    const step = await expectOk(api, 'auth.beginReauthentication', {});
    await expectOk(api, 'auth.reauthenticate', {
      method: 'key',
      attemptId: step.attemptId,
      answer: await person.key.get(step.publicKey),
    });
    expect((await api('account.beginKeyEnrolment', { staffId: person.id })).ok).toBe(true);
    expect(desk.count('audit_events', "action = 'auth.reauthenticated'")).toBe(1);
  });

  it('too many wrong passwords lock the account and end the session', async () => {
    await signedInAs(api, origin, 'clerk');
    clock.advance(minutes(10));
    let last = await api('auth.reauthenticate', { method: 'password', password: 'Wrong#password1' });
    for (let i = 0; i < 10 && !(!last.ok && last.error.code === 'auth.locked'); i += 1) {
      last = await api('auth.reauthenticate', { method: 'password', password: 'Wrong#password1' });
    }
    expect(last).toMatchObject({ ok: false, error: { code: 'auth.locked' } });
    expect((await expectOk(api, 'session.whoami', {})).state).toBe('signed-out');
  });

  it('signing in again counts as a fresh proof', async () => {
    const { person } = await signedInAs(api, origin, 'clerk');
    clock.advance(minutes(10));
    await expectOk(api, 'auth.signOut', {});
    await signIn(api, person);
    expect((await api('account.beginKeyEnrolment', { staffId: person.id })).ok).toBe(true);
  });
});
