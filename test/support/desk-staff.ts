import { setupFirstAdmin } from '../../electron/auth/first-admin';
import { createStaff } from '../../electron/auth/staff-admin';
import { fixedActorContext } from '../../electron/core/fixed-actor-context';
import { actorOf } from '../../electron/core/session-context';
import { ensureWorkstation } from '../../electron/core/workstation';
import { openStore } from '../../electron/store/open-store';
import type { Role } from '../../shared/auth/permissions';
import { strongTestPassword } from './staff-over-api';

/**
 * Staff on a desk database the `medcard` command line works on (closed again before the CLI
 * opens it): the first admin `admin.one`, then one person per role asked for, `ROLE.one`.
 * Returns their logins, for `--as`.
 */
export async function addDeskStaff(
  dbPath: string,
  keyHex: string,
  extraRoles: readonly Exclude<Role, 'admin'>[],
): Promise<string[]> {
  const store = await openStore({ path: dbPath, key: Buffer.from(keyHex, 'hex'), create: false });
  try {
    const clock = { now: () => new Date() };
    const ctx = fixedActorContext({ store, clock, actor: ensureWorkstation(store, clock.now()) });
    const { session } = await setupFirstAdmin(ctx.auth, {
      login: 'admin.one',
      displayName: 'Админова Анна',
      password: strongTestPassword(),
    });
    const admin = actorOf({ state: 'active', session }, ctx.auth);
    for (const role of extraRoles) {
      await createStaff(ctx.auth, admin, {
        login: `${role}.one`,
        displayName: 'Сотрудникова Софья',
        role,
        password: strongTestPassword(),
      });
    }
    return ['admin.one', ...extraRoles.map((role) => `${role}.one`)];
  } finally {
    await store.close();
  }
}
