import type { SessionInfo } from '../../shared/api/auth-calls';
import { rolePermissions } from '../../shared/auth/permissions';
import type { StaffSession } from '../auth/auth-context';
import { idleLockMinutes } from '../auth/auth-settings';
import { needsFirstAdmin } from '../auth/first-admin';
import { requirePerson, sessionFor } from '../auth/staff-records';
import type { ServiceContext } from './context';

/** What the renderer is told about who is at the desk. */
export function sessionInfo(ctx: ServiceContext): SessionInfo {
  const state = ctx.session.read(ctx.clock.now());
  const device = { id: ctx.auth.desk.deviceId, name: ctx.auth.desk.deviceName };
  const lockAfterMinutes = ctx.store.transaction((tx) => idleLockMinutes(tx));
  const keyAccess = ctx.keys.where;
  if (state.state === 'signed-out') {
    return {
      state: needsFirstAdmin(ctx.auth) ? 'first-run' : 'signed-out',
      actor: null,
      device,
      permissions: [],
      keyAccess,
      lockAfterMinutes,
      mustEnrolKey: false,
      mustChangePassword: false,
    };
  }
  const { session } = state;
  return {
    state: state.state,
    actor: {
      id: session.staffId,
      login: session.login,
      displayName: session.displayName,
      role: session.role,
      kind: 'person',
    },
    device,
    permissions: state.state === 'active' ? [...rolePermissions[session.role]] : [],
    keyAccess,
    lockAfterMinutes,
    mustEnrolKey: session.mustEnrolKey,
    mustChangePassword: session.mustChangePassword,
  };
}

/** The person's session after a change to their own account (a new password, a key). */
export function refreshSession(ctx: ServiceContext): void {
  const state = ctx.session.read(ctx.clock.now());
  if (state.state === 'signed-out') return;
  const current: StaffSession = state.session;
  const fresh = ctx.store.transaction((tx) =>
    sessionFor(tx, requirePerson(tx, current.staffId), current.factor, current.signedInAt),
  );
  ctx.session.update(fresh);
}
