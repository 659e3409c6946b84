import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { needsFirstAdmin, setupFirstAdmin } from '../../../electron/auth/first-admin';
import { beginSignIn } from '../../../electron/auth/password-step';
import { createStaff, listStaff } from '../../../electron/auth/staff-admin';
import { sessionActor } from '../../../electron/auth/auth-context';
import { createDispatcher } from '../../../electron/core/dispatcher';
import { fixedActorContext } from '../../../electron/core/fixed-actor-context';
import { actorOf } from '../../../electron/core/session-context';
import { markOutboxEntryRefused } from '../../../electron/store/sync-writers/outbox-results';
import { writeSyncIdentity } from '../../../electron/sync/sync-settings';
import { newLogin, openAuthDesk, refusal, strongPassword, type AuthDesk } from './auth-harness';

let h: AuthDesk | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

function enrol(desk: AuthDesk): void {
  const { privateKey } = generateKeyPairSync('ed25519');
  desk.auth.store.transaction((tx) =>
    writeSyncIdentity(tx, {
      servers: ['https://sync.clinic.example'],
      deviceId: randomUUID(),
      privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      enrolledAt: desk.clock.now().toISOString(),
    }),
  );
}

/** The server's answer to the push of every outbox entry of the staff table: `code`. */
function serverRefusesStaff(desk: AuthDesk, code: string): void {
  desk.auth.store.transaction((tx) => {
    for (const { mutation_id } of tx.all<{ mutation_id: string }>(
      "SELECT mutation_id FROM sync_outbox WHERE table_name = 'staff'",
    )) {
      markOutboxEntryRefused(tx, mutation_id, code, null, desk.clock.now().toISOString());
    }
  });
}

describe('an enrolled desk takes its people from the server (issue 10 item 8)', () => {
  it('an enrolled desk offers no first-run', async () => {
    h = await openAuthDesk();
    expect(needsFirstAdmin(h.auth)).toBe(true);
    enrol(h);
    expect(needsFirstAdmin(h.auth)).toBe(false);
    const ctx = fixedActorContext({ store: h.auth.store, clock: h.clock, actor: h.auth.desk });
    ctx.session.signOut();
    const dispatch = createDispatcher(() => ({ ...ctx, actor: actorOf(ctx.session.read(h!.clock.now()), ctx.auth) }));
    const whoami = await dispatch('session.whoami', {});
    expect(whoami).toMatchObject({ ok: true, data: { state: 'signed-out' } });
    const setup = await dispatch('auth.setupFirstAdmin', {
      login: 'admin',
      displayName: 'Админова Анна',
      password: strongPassword(),
    });
    expect(setup).toMatchObject({ ok: false, error: { code: 'auth.setup.enrolled_desk' } });
    expect(h.desk.count('staff', "kind = 'person'")).toBe(0);
  });

  it('a local first admin and the clerk they made, refused by the server, are disabled here and shown why', async () => {
    h = await openAuthDesk();
    const adminPassword = strongPassword();
    const adminLogin = newLogin('admin');
    const { session } = await setupFirstAdmin(h.auth, {
      login: adminLogin,
      displayName: 'Местный',
      password: adminPassword,
    });
    const admin = sessionActor(session, h.auth.desk);
    const clerkPassword = strongPassword();
    const clerkLogin = newLogin('clerk');
    const { staff: clerk } = await createStaff(h.auth, admin, {
      login: clerkLogin,
      displayName: 'Клерк',
      role: 'clerk',
      password: clerkPassword,
    });
    expect((await beginSignIn(h.auth, { login: clerkLogin, password: clerkPassword })).attemptId).toBeTruthy();

    serverRefusesStaff(h, 'sync.actor_unknown');

    for (const [login, password] of [
      [adminLogin, adminPassword],
      [clerkLogin, clerkPassword],
    ] as const) {
      expect((await refusal(beginSignIn(h.auth, { login, password }))).code).toBe('auth.failed');
    }
    const refused = h.auth.store.transaction((tx) =>
      tx.all<{ id: string; server_refused_code: string }>(
        "SELECT id, server_refused_code FROM staff WHERE kind = 'person' ORDER BY id",
      ),
    );
    expect(refused.map((row) => row.server_refused_code)).toEqual(['sync.actor_unknown', 'sync.actor_unknown']);
    expect(refused.map((row) => row.id).sort()).toEqual([admin.staffId, clerk.id].sort());
    // The rows, their history and the outbox entries stay: nothing is deleted.
    expect(h.desk.count('sync_outbox', "status = 'refused'")).toBeGreaterThan(0);
  });

  it('the staff list says why a refused account cannot sign in', async () => {
    h = await openAuthDesk();
    const { session } = await setupFirstAdmin(h.auth, {
      login: newLogin('admin'),
      displayName: 'Админ',
      password: strongPassword(),
    });
    const admin = sessionActor(session, h.auth.desk);
    const { staff: clerk } = await createStaff(h.auth, admin, {
      login: newLogin('clerk'),
      displayName: 'Клерк',
      role: 'clerk',
      password: strongPassword(),
    });
    // Only the clerk's creation is refused (the admin was already known to the server).
    h.auth.store.transaction((tx) => {
      const entry = tx.get<{ mutation_id: string }>(
        "SELECT mutation_id FROM sync_outbox WHERE table_name = 'staff' AND row_id = ? AND base_version = 0",
        [clerk.id],
      );
      markOutboxEntryRefused(tx, entry?.mutation_id ?? '', 'sync.actor_forbidden', null, h!.clock.now().toISOString());
    });
    expect(listStaff(h.auth, admin).find((row) => row.id === clerk.id)).toMatchObject({
      active: false,
      serverRefused: 'sync.actor_forbidden',
    });
    expect(listStaff(h.auth, admin).find((row) => row.id === admin.staffId)).toMatchObject({
      active: true,
      serverRefused: null,
    });
  });

  it('other refusals (a conflict of fields, a taken login) do not disable anyone', async () => {
    h = await openAuthDesk();
    const { session } = await setupFirstAdmin(h.auth, {
      login: newLogin('admin'),
      displayName: 'Админ',
      password: strongPassword(),
    });
    serverRefusesStaff(h, 'sync.staff_login_taken');
    expect(h.desk.count('staff', 'server_refused_code IS NOT NULL')).toBe(0);
    expect(session.staffId).toBeTruthy();
  });
});
