import { randomBytes } from 'node:crypto';
import { sessionFromKey } from '../../electron/auth/session-keys';
import type { Actor } from '../../electron/store/actor';
import { recordProvenSession } from '../../electron/store/local-writers/proven-sessions';
import { readSyncIdentity } from '../../electron/sync/sync-settings';
import { testSession } from '../server/support/test-server';
import { newId } from '../../electron/store/ids';
import { insertSyncedRow } from '../../electron/store/record-door';
import { pushOutbox } from '../../electron/sync/push-outbox';
import type { SyncTransport } from '../../electron/sync/sync-transport';
import type { Role } from '../../shared/auth/permissions';
import type { TempDesk } from '../support/temp-desk';

/** Each server's first admin, made by the first desk opened against it. */
const admins = new WeakMap<object, Promise<string>>();

/**
 * A person working at `desk` in a proven session, as after a sign-in with a server-checked factor:
 * the session's statement (proven by a ticket of the test servers' key) is kept where the sync
 * worker finds it, and the actor signs their outbox entries with the session key.
 */
export function person(desk: TempDesk, staffId: string, role: Role, displayName: string): Actor {
  const deviceId = desk.store.transaction((tx) => readSyncIdentity(tx)?.deviceId) ?? desk.ctx.actor.deviceId;
  // Opened a minute before the desk's clock: the entries it signs are stamped by that clock.
  const now = desk.ctx.clock.now();
  const session = testSession(deviceId, staffId, new Date(now.getTime() - 60_000));
  desk.store.transaction((tx) => recordProvenSession(tx, session.proven, now.toISOString()));
  return {
    staffId,
    kind: 'person',
    displayName,
    role,
    deviceId: desk.ctx.actor.deviceId,
    deviceName: desk.ctx.actor.deviceName,
    signer: sessionFromKey(session.proven, session.privateKey).signer,
  };
}

/** A person's account written through the door's synced write, as the staff services do. */
export function addPerson(desk: TempDesk, by: Actor, person: Actor): void {
  desk.store.transaction((tx) =>
    insertSyncedRow(
      { tx, actor: by, at: desk.ctx.clock.now().toISOString() },
      'staff',
      {
        login: `${person.role}.${randomBytes(4).toString('hex')}`,
        display_name: person.displayName,
        role: person.role,
        active: 1,
        password_hash: null,
        password_changed_at: null,
        must_change_password: 0,
        must_enrol_key: 0,
      },
      person.staffId,
    ),
  );
}

async function pushAll(desk: TempDesk, transport: SyncTransport): Promise<void> {
  const report = await pushOutbox(desk.store, transport);
  if (report.refused > 0) throw new Error('the server refused a test desk’s staff account');
}

/**
 * Makes the desk work as a clerk of its own whose account is already on the server, as a real
 * desk works once a person signed in: the server takes no change from a desk's setup account.
 * The first desk opened against `server` bootstraps the clinic's admin (who creates themself);
 * every desk's clerk is created by that admin. Pushed through `transport` at once, so the desk
 * starts with an empty outbox and no pull yet.
 */
export async function actAsClerk(server: object, desk: TempDesk, transport: SyncTransport): Promise<Actor> {
  let adminId = admins.get(server);
  if (!adminId) {
    adminId = (async () => {
      const admin = person(desk, newId(), 'admin', 'Админ Клиники');
      addPerson(desk, admin, admin);
      await pushAll(desk, transport);
      return admin.staffId;
    })();
    admins.set(server, adminId);
  }
  const admin = person(desk, await adminId, 'admin', 'Админ Клиники');
  const clerk = person(desk, newId(), 'clerk', `Регистратор ${desk.ctx.actor.deviceName}`);
  addPerson(desk, admin, clerk);
  await pushAll(desk, transport);
  desk.ctx.actor = clerk;
  return clerk;
}
