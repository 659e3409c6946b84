import { can, type Permission, type Role } from '../../shared/auth/permissions';
import { normalizeLogin } from '../../shared/auth/login-name';
import { AppError } from '../../shared/errors/app-error';
import type { ServiceContext, ZonedActorContext } from '../core/context';
import { actingContext } from '../core/fixed-actor-context';
import { readSyncIdentity } from '../sync/sync-settings';

/**
 * The context of a command run `--as LOGIN`: the desk's staff member of that login, active, whose
 * role holds `permission`. What the command writes is theirs (rows, audit events, outbox), so
 * the server takes it from this desk like their own work at the screen; the desk's setup account,
 * which never syncs, is a writer the server refuses (`sync.actor_unknown`).
 */
export function actingStaff(ctx: ZonedActorContext, login: string, permission: Permission): ZonedActorContext {
  const person = ctx.store.transaction((tx) =>
    tx.get<{ id: string; display_name: string; role: Role; active: number }>(
      "SELECT id, display_name, role, active FROM staff WHERE kind = 'person' AND login = ?",
      [normalizeLogin(login)],
    ),
  );
  const params = { login: login.slice(0, 64) };
  if (!person) throw new AppError('cli.as.unknown', { field: 'as', params });
  if (person.active !== 1) throw new AppError('cli.as.inactive', { field: 'as', params });
  if (!can(person.role, permission))
    throw new AppError('cli.as.forbidden', { field: 'as', params: { ...params, role: person.role, permission } });
  const actor = {
    ...ctx.actor,
    staffId: person.id,
    kind: 'person' as const,
    displayName: person.display_name,
    role: person.role,
  };
  return actingContext({ store: ctx.store, clock: ctx.clock, actor });
}

/** Whether the desk is enrolled with a sync server: what it writes is meant to reach every desk. */
export function deskSyncs(ctx: Pick<ServiceContext, 'store'>): boolean {
  return ctx.store.transaction((tx) => readSyncIdentity(tx)) !== undefined;
}
