import type { Role } from '../../shared/auth/permissions';
import { sessionActor, type AuthContext } from '../auth/auth-context';
import type { Actor } from '../store/actor';
import { appendAudit } from '../store/audit-log';
import type { Store } from '../store/open-store';
import type { Clock } from '../store/clock';
import type { SessionKeeper, SessionState } from './session-keeper';

/** The actor of a call: the person whose session it is (locked or not), else the desk itself. */
export function actorOf(state: SessionState, auth: AuthContext): Actor {
  return state.state === 'signed-out' ? auth.desk : sessionActor(state.session, auth.desk);
}

/**
 * The person's role as their row says it now, or undefined when they may no longer work here:
 * deactivated, gone, or refused by the server (migration 0018). One primary-key lookup. The
 * desk's setup account never signs in; a context that stands in as it (benchmarks, service
 * tests: `fixedActorContext`) keeps the role it was given.
 */
export function currentRole(store: Store, staffId: string, sessionRole: Role): Role | undefined {
  const row = store.read((tx) =>
    tx.get<{ kind: string; role: Role; active: number; refused: string | null }>(
      'SELECT kind, role, active, server_refused_code AS refused FROM staff WHERE id = ?',
      [staffId],
    ),
  );
  if (row?.kind === 'setup') return sessionRole;
  return row && row.active === 1 && row.refused === null ? row.role : undefined;
}

/**
 * Authority is current (issue 10): before every call the session follows the person's row as it
 * is now — a demotion (made here or arrived by sync) narrows the session's role at once, and a
 * deactivated person is signed out. `signed-out` tells the dispatcher to refuse with a code.
 */
export function followAuthority(ctx: {
  store: Store;
  clock: Clock;
  session: SessionKeeper;
  auth: AuthContext;
}): 'same' | 'changed' | 'signed-out' {
  const now = ctx.clock.now();
  const state = ctx.session.read(now);
  if (state.state === 'signed-out') return 'same';
  const role = currentRole(ctx.store, state.session.staffId, state.session.role);
  if (role === undefined) {
    const actor = actorOf(state, ctx.auth);
    ctx.store.transaction((tx) =>
      appendAudit(tx, actor, now.toISOString(), { action: 'auth.session.deactivated', details: {} }),
    );
    ctx.session.signOut();
    return 'signed-out';
  }
  if (role === state.session.role) return 'same';
  ctx.session.update({ ...state.session, role });
  return 'changed';
}
