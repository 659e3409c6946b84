import { relyingParty, sessionActor, type AuthContext } from '../../electron/auth/auth-context';
import { setupFirstAdmin } from '../../electron/auth/first-admin';
import { beginKeyEnrolment, finishKeyEnrolment } from '../../electron/auth/key-enrolment';
import { ensureWorkstation } from '../../electron/core/workstation';
import { systemClock } from '../../electron/store/clock';
import type { Store } from '../../electron/store/open-store';
import { SoftwareAuthenticator } from '../support/software-authenticator';
import { strongTestPassword, type StaffMember } from '../support/staff-over-api';

/**
 * A clinic's first admin, made at the desk's first run before the desk is enrolled (an enrolled
 * desk offers no first run), with a key for the origin the host will serve: the same services the
 * first-run screen calls, run on the store before the host opens it.
 */
export async function firstAdminBeforeEnrolment(store: Store, origin: string): Promise<StaffMember> {
  const auth: AuthContext = {
    store,
    clock: systemClock,
    desk: ensureWorkstation(store, systemClock.now()),
    rp: relyingParty({ rpId: 'localhost', origin }),
    timeZone: 'Europe/Moscow',
  };
  const login = 'admin';
  const password = strongTestPassword();
  const { session, recoveryCodes } = await setupFirstAdmin(auth, { login, displayName: 'Админова Анна', password });
  const actor = sessionActor(session, auth.desk);
  const key = new SoftwareAuthenticator({ origin });
  const step = await beginKeyEnrolment(auth, actor, { staffId: session.staffId });
  await finishKeyEnrolment(auth, actor, {
    attemptId: step.attemptId,
    name: 'Основной',
    answer: await key.create(step.publicKey),
  });
  return { id: session.staffId, login, password, role: 'admin', key, recoveryCodes };
}
