import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionActor } from '../../electron/auth/auth-context';
import { finishSignInWithRecoveryCode, finishSignInWithTotp } from '../../electron/auth/backup-step';
import { changePassword, renewRecoveryCodes } from '../../electron/auth/own-account';
import { totpCodeAt } from '../../electron/auth/totp';
import { confirmTotp, enrolTotp } from '../../electron/auth/totp-enrolment';
import { beginSignIn } from '../../electron/auth/password-step';
import { SoftwareAuthenticator } from '../support/software-authenticator';
import { createStaff, deactivateStaff, resetPassword } from '../../electron/auth/staff-admin';
import type { Actor } from '../../electron/store/actor';
import { syncStatus } from '../../electron/services/sync/sync-status';
import {
  authDeskOver,
  enrolKey,
  firstAdminWithKey,
  movableClock,
  newLogin,
  origin,
  refusal,
  signIn,
  strongPassword,
  type AuthDesk,
} from '../electron/auth/auth-harness';
import { fixedClock } from '../support/temp-desk';
import { person } from './clinic-staff';
import { openSyncDesk, pendingOutbox, startSyncServer, type SyncDesk, type SyncServer } from './sync-harness';

let server: SyncServer;
let a: SyncDesk;
let b: SyncDesk;
let atA: AuthDesk;
let atB: AuthDesk;
let admin: Actor;
const clock = movableClock(fixedClock.now());

beforeAll(async () => {
  server = await startSyncServer();
  a = await openSyncDesk(server, 'desk-a');
  b = await openSyncDesk(server, 'desk-b');
  atA = authDeskOver(a, clock);
  atB = authDeskOver(b, clock);
  // The clinic's admin, bootstrapped at desk A by the harness.
  const row = a.store.transaction((tx) =>
    tx.get<{ id: string; display_name: string }>("SELECT id, display_name FROM staff WHERE role = 'admin'"),
  );
  // Working in a proven session, as after signing in: the server takes nothing else.
  admin = person(a, row!.id, 'admin', row!.display_name);
}, 120_000);
afterAll(async () => {
  await a?.cleanup();
  await b?.cleanup();
  await server?.stop();
});

interface Person {
  staffId: string;
  login: string;
  password: string;
  key: SoftwareAuthenticator;
  recoveryCodes: string[];
}

/** A clerk created by the admin at desk A, with a key enrolled there; both desks synced. */
async function personFromA(): Promise<Person> {
  const login = newLogin('clerk');
  const password = strongPassword();
  const { staff, recoveryCodes } = await createStaff(atA.auth, admin, {
    login,
    displayName: 'Петрова Анна',
    role: 'clerk',
    password,
  });
  const key = new SoftwareAuthenticator({ origin });
  await enrolKey(atA, admin, staff.id, key, 'Синий');
  await a.sync();
  await b.sync();
  return { staffId: staff.id, login, password, key, recoveryCodes };
}

/**
 * Both desks on the real clock: the server checks a session statement's validity against its own
 * time when it is asked online (second factors), unlike a push's, which may come late.
 */
function liveDesks(): { atA: AuthDesk; atB: AuthDesk; clock: ReturnType<typeof movableClock> } {
  const live = movableClock(new Date());
  return { atA: authDeskOver(a, live), atB: authDeskOver(b, live), clock: live };
}

async function signInWithCode(h: AuthDesk, person: Person, code: string) {
  const step = await beginSignIn(h.auth, { login: person.login, password: person.password });
  return finishSignInWithRecoveryCode(h.auth, { attemptId: step.attemptId, code });
}

describe('staff accounts are the clinic’s, not one desk’s (issue 4, items 1 and 7)', () => {
  it('a person created and given a key at one desk signs in at another once it pulled, and offline too', async () => {
    const person = await personFromA();
    const session = await signIn(atB, person.login, person.password, person.key);
    expect(session).toMatchObject({ staffId: person.staffId, login: person.login, role: 'clerk', factor: 'webauthn' });

    b.transport.fault = 'down';
    try {
      await expect(b.sync()).rejects.toThrow();
      expect(await signIn(atB, person.login, person.password, person.key)).toMatchObject({ staffId: person.staffId });
    } finally {
      b.transport.fault = 'none';
    }
  });

  it('keeps each desk’s setup account on its desk', async () => {
    const onServer = await server
      .db('records')
      .where({ table_name: 'staff' })
      .select<{ id: string; data: { login: string } }[]>('id', 'data');
    expect(onServer.length).toBeGreaterThan(0);
    expect(onServer.map((row) => row.id)).not.toContain(atA.auth.desk.staffId);
    expect(onServer.map((row) => row.id)).not.toContain(atB.auth.desk.staffId);
    expect(onServer.map((row) => row.data.login)).not.toContain('desk-setup');
    // Each desk still has exactly its own, after pulling everyone else's accounts.
    expect(b.store.transaction((tx) => tx.all("SELECT id FROM staff WHERE kind = 'setup'"))).toEqual([
      { id: atB.auth.desk.staffId },
    ]);
  });

  it('a password a person changes at one desk is the one every desk asks for', async () => {
    const person = await personFromA();
    const session = await signIn(atB, person.login, person.password, person.key);
    const newPassword = strongPassword();
    await changePassword(atB.auth, sessionActor(session, atB.auth.desk), {
      currentPassword: person.password,
      newPassword,
    });
    await b.sync();
    expect(pendingOutbox(b)).toBe(0);
    await a.sync();
    expect(await signIn(atA, person.login, newPassword, person.key)).toMatchObject({
      staffId: person.staffId,
      mustChangePassword: false,
    });
    expect((await refusal(beginSignIn(atA.auth, { login: person.login, password: person.password }))).code).toBe(
      'auth.failed',
    );
  });

  it('a person deactivated at one desk is refused at the other after it synced', async () => {
    const person = await personFromA();
    await signIn(atB, person.login, person.password, person.key);
    deactivateStaff(atA.auth, admin, { staffId: person.staffId });
    await a.sync();
    await b.sync();
    expect((await refusal(beginSignIn(atB.auth, { login: person.login, password: person.password }))).code).toBe(
      'auth.failed',
    );
  });

  it('a pulled change to an account leaves this desk’s lockout count alone', async () => {
    const person = await personFromA();
    const wrongPassword = async () =>
      (await refusal(beginSignIn(atB.auth, { login: person.login, password: 'Wrong#Password1' }))).message.en;
    expect(await wrongPassword()).toContain('Attempts left: 4');
    expect(await wrongPassword()).toContain('Attempts left: 3');
    const password = strongPassword();
    await resetPassword(atA.auth, admin, { staffId: person.staffId, password });
    await a.sync();
    await b.sync();
    // The new password arrived, and this desk still counts the two failures typed here.
    expect(await wrongPassword()).toContain('Attempts left: 2');
    expect(await signIn(atB, person.login, password, person.key)).toMatchObject({
      staffId: person.staffId,
      mustChangePassword: true,
    });
  });

  it('a recovery code used at desk A is refused at desk B before B pulls: the server spends it once', async () => {
    const person = await personFromA();
    const { atA, atB } = liveDesks();
    // On an enrolled desk the admin's new person gets no codes: the server issues them to the person.
    expect(person.recoveryCodes).toEqual([]);
    const session = await signIn(atA, person.login, person.password, person.key);
    const codes = await renewRecoveryCodes(atA.auth, sessionActor(session, atA.auth.desk), session.proven?.proven);
    expect(codes).toHaveLength(10);
    const [code] = codes;
    clock.advance(60_000);
    expect(await signInWithCode(atA, person, code!)).toMatchObject({ factor: 'recovery-code', mustEnrolKey: true });
    // Desk B has not pulled anything since: the server refuses the code all the same.
    clock.advance(60_000);
    expect((await refusal(signInWithCode(atB, person, code!))).code).toBe('factor.recovery.wrong');
    expect((await signInWithCode(atB, person, codes[1]!)).proven?.proven.proof).toMatchObject({
      kind: 'ticket',
      factor: 'recovery-code',
    });
    const spent = await server
      .db('staff_recovery_codes')
      .where({ staff_id: person.staffId })
      .whereNotNull('used_at')
      .pluck('used_device_id');
    // One spent at each desk, each recorded with the desk that spent it.
    expect(new Set(spent).size).toBe(2);
    // No desk and no synced record holds a code or its hash.
    await a.sync();
    await b.sync();
    for (const desk of [a, b]) {
      const rows = desk.store.transaction((tx) =>
        tx.all('SELECT id FROM recovery_codes WHERE staff_id = ?', [person.staffId]),
      );
      expect(rows).toEqual([]);
    }
    expect(await server.db('records').where({ table_name: 'recovery_codes' }).pluck('id')).toEqual([]);
  });

  it('a TOTP secret is not in any synced record or pull: enrolled through the server, a code used at A is refused at B', async () => {
    const person = await personFromA();
    const { atA, atB, clock } = liveDesks();
    const session = await signIn(atA, person.login, person.password, person.key);
    const actor = sessionActor(session, atA.auth.desk);
    const proven = session.proven?.proven;
    const { secret, uri } = await enrolTotp(atA.auth, actor, { staffId: person.staffId }, proven);
    expect(uri).toContain(`secret=${secret}`);
    await confirmTotp(atA.auth, actor, { staffId: person.staffId, code: totpCodeAt(secret, clock.now()) }, proven);
    // Without the person's proven session the server is not asked; nor for someone else's app.
    expect((await refusal(enrolTotp(atA.auth, actor, { staffId: person.staffId }))).code).toBe(
      'factor.session.unproven',
    );
    expect((await refusal(renewRecoveryCodes(atA.auth, actor))).code).toBe('factor.session.unproven');
    expect((await refusal(enrolTotp(atA.auth, admin, { staffId: person.staffId }))).code).toBe(
      'factor.session.other_person',
    );
    await a.sync();
    await b.sync();
    const everywhere = [
      JSON.stringify(await server.db('records').select('data')),
      JSON.stringify(await server.db('change_log').select('data')),
      ...[a, b].map((desk) => desk.store.transaction((tx) => JSON.stringify(tx.all('SELECT * FROM staff')))),
      ...[a, b].map((desk) => desk.store.transaction((tx) => JSON.stringify(tx.all('SELECT * FROM sync_outbox')))),
    ];
    for (const text of everywhere) expect(text).not.toContain(secret);

    // Desk B offers the app (the enrolment's date travelled), and the server checks the code: the
    // next step's (the confirming code spent this one), inside the server's window of one step.
    const step = await beginSignIn(atB.auth, { login: person.login, password: person.password });
    expect(step.totp).toBe(true);
    const code = totpCodeAt(secret, new Date(clock.now().getTime() + 30_000));
    expect(await finishSignInWithTotp(atB.auth, { attemptId: step.attemptId, code })).toMatchObject({
      factor: 'totp',
      proven: { proven: { proof: { kind: 'ticket', factor: 'totp' } } },
    });
    // The same code at desk A, which pulled nothing since: refused by the server.
    const again = await beginSignIn(atA.auth, { login: person.login, password: person.password });
    expect((await refusal(finishSignInWithTotp(atA.auth, { attemptId: again.attemptId, code }))).code).toBe(
      'factor.totp.reused',
    );
  });
});

describe('the first admin is set up once for the whole clinic', () => {
  let clinic: SyncServer;
  beforeAll(async () => {
    clinic = await startSyncServer();
  }, 60_000);
  afterAll(() => clinic?.stop());

  it('reaches the server with their key and codes; a second desk’s own first admin is refused and shown there', async () => {
    // Each desk makes its first admin before it is enrolled: an enrolled desk offers no first run.
    let first: Awaited<ReturnType<typeof firstAdminWithKey>> | undefined;
    let second: typeof first;
    const x = await openSyncDesk(clinic, 'desk-x', undefined, {
      clerk: false,
      beforeEnrol: async (desk) => {
        first = await firstAdminWithKey(authDeskOver(desk, movableClock(fixedClock.now())));
      },
    });
    // Desk Y was set up offline and made a first admin of its own before it ever synced.
    const y = await openSyncDesk(clinic, 'desk-y', undefined, {
      clerk: false,
      beforeEnrol: async (desk) => {
        second = await firstAdminWithKey(authDeskOver(desk, movableClock(fixedClock.now())));
      },
    });
    try {
      const atY = authDeskOver(y, movableClock(fixedClock.now()));
      await x.sync();
      expect(pendingOutbox(x)).toBe(0);
      expect(syncStatus(x.ctx).refused).toEqual([]);

      await y.sync();
      expect(syncStatus(y.ctx).refused).toEqual(
        expect.arrayContaining([expect.objectContaining({ table: 'staff', code: 'sync.actor_unknown' })]),
      );
      const admins = await clinic
        .db('records')
        .where({ table_name: 'staff' })
        .whereRaw("data->>'role' = 'admin'")
        .select<{ id: string }[]>('id');
      expect(admins.map((row) => row.id)).toEqual([first!.session.staffId]);
      expect(second!.session.staffId).not.toBe(first!.session.staffId);
      // Desk Y knows the clinic's admin now: they sign in there with their own key.
      expect(await signIn(atY, first!.login, first!.password, first!.key)).toMatchObject({
        staffId: first!.session.staffId,
        role: 'admin',
      });
    } finally {
      await x.cleanup();
      await y.cleanup();
    }
  });
});
