import { can, type Permission, type Role } from '../../shared/auth/permissions';
import { normalizeLogin } from '../../shared/auth/login-name';
import { AppError } from '../../shared/errors/app-error';
import { relyingParty } from '../auth/auth-context';
import { Fido2ToolsPort } from '../auth/fido2-tools-port';
import type { HardwareKeyPort } from '../auth/hardware-key-port';
import type { OpenSession } from '../auth/session-keys';
import type { ServiceContext, ZonedActorContext } from '../core/context';
import { actingContext } from '../core/fixed-actor-context';
import { readSyncIdentity } from '../sync/sync-settings';
import { keyTouchSession } from './cli-key-session';

interface ActingPerson {
  id: string;
  display_name: string;
  role: Role;
}

/** The relying party the Electron desk registers keys under, which a CLI key touch must match. */
const cliRelyingParty = relyingParty({ rpId: 'desk', origin: 'app://desk' });

/**
 * The context of a command run `--as LOGIN`: the desk's staff member of that login, active, whose
 * role holds `permission`. What the command writes is theirs (rows, audit events, outbox), so
 * the server takes it from this desk like their own work at the screen; the desk's setup account,
 * which never syncs, is a writer the server refuses (`sync.actor_unknown`). On a desk enrolled with a
 * server the command needs the person's proven `session` (a key touch, cli-key-session.ts), or is
 * refused (`sync.proof.cli_needs_proof`); on a desk with none, nothing leaves the desk.
 */
export function actingStaff(
  ctx: ZonedActorContext,
  login: string,
  permission: Permission,
  session?: OpenSession,
): ZonedActorContext {
  const person = actingPerson(ctx, login, permission);
  if (session === undefined && deskSyncs(ctx)) throw new AppError('sync.proof.cli_needs_proof', { field: 'as' });
  if (session !== undefined && session.proven.statement.staffId !== person.id)
    throw new AppError('sync.proof.actor_mismatch', { field: 'as' });
  const actor = {
    ...ctx.actor,
    ...(session ? { signer: session.signer } : {}),
    staffId: person.id,
    kind: 'person' as const,
    displayName: person.display_name,
    role: person.role,
  };
  return actingContext({ store: ctx.store, clock: ctx.clock, actor });
}

/**
 * `--as LOGIN` as the commands take it: on a desk enrolled with a server, the person first touches
 * their key through the native key port (`Fido2ToolsPort`; RP id `desk`, origin `app://desk`, as the
 * Electron desk registers keys), so that what the command writes carries their proof; on a desk
 * with no server nothing leaves it, and no touch is asked.
 */
export async function actingStaffWithProof(
  ctx: ZonedActorContext,
  login: string,
  permission: Permission,
  port: Pick<HardwareKeyPort, 'get'> = new Fido2ToolsPort({ origin: cliRelyingParty.origin }),
): Promise<ZonedActorContext> {
  if (!deskSyncs(ctx)) return actingStaff(ctx, login, permission);
  // The person, their state and their role are checked before a touch is asked.
  const person = actingPerson(ctx, login, permission);
  const session = await keyTouchSession(ctx, person.id, ctx.actor.deviceId, port, cliRelyingParty);
  return actingStaff(ctx, login, permission, session);
}

function actingPerson(ctx: ZonedActorContext, login: string, permission: Permission): ActingPerson {
  const person = ctx.store.transaction((tx) =>
    tx.get<ActingPerson & { active: number }>(
      "SELECT id, display_name, role, active FROM staff WHERE kind = 'person' AND login = ?",
      [normalizeLogin(login)],
    ),
  );
  const params = { login: login.slice(0, 64) };
  if (!person) throw new AppError('cli.as.unknown', { field: 'as', params });
  if (person.active !== 1) throw new AppError('cli.as.inactive', { field: 'as', params });
  if (!can(person.role, permission))
    throw new AppError('cli.as.forbidden', { field: 'as', params: { ...params, role: person.role, permission } });
  return person;
}

/** Whether the desk is enrolled with a sync server: what it writes is meant to reach every desk. */
export function deskSyncs(ctx: Pick<ServiceContext, 'store'>): boolean {
  return ctx.store.transaction((tx) => readSyncIdentity(tx)) !== undefined;
}
