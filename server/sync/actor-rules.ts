import type { Knex } from 'knex';
import { can, roles, type Permission, type Role } from '../../shared/auth/permissions';
import type { ErrorCode } from '../../shared/errors/catalog';
import type { Mutation, MutationResult } from '../../shared/sync/protocol';
import type { ApplyContext } from './apply-mutation';
import { refusal } from './table-rules';

type RowData = Record<string, unknown>;

/** Tables of staff accounts: writing them is an admin's business, with two exceptions below. */
export const accountTables: ReadonlySet<string> = new Set(['staff', 'staff_keys']);

/**
 * What a person may change in their own account row without being an admin: their password,
 * when their TOTP was enrolled (the secret itself is the server's: staff/second-factors/), the
 * flags these clear or set. Never role, active, login or name.
 */
const ownStaffFields: ReadonlySet<string> = new Set([
  'password_hash',
  'password_changed_at',
  'must_change_password',
  'totp_enrolled_at',
  'must_enrol_key',
  'updated_at',
  'updated_by',
  'device_id',
]);

export function isActive(value: unknown): boolean {
  return value === 1 || value === true;
}

/**
 * Checks the mutation's actor (`actor`: their staff record, read in the mutation's transaction
 * under the change-log lock) against the server's current staff records, so a row applied
 * earlier in the same push counts: the first admin's own row comes before their keys. The actor
 * must be a person the server knows, active, whose role allows the write: `patients.write` for
 * patients and conflict resolutions, the permission the table's rule names (`tablePermission`:
 * `settings.manage` for dictionary releases, server/dictionaries/release-rule.ts), `staff.manage`
 * (admin) for accounts — except a person's own password, TOTP flag and keys, and the
 * very first admin, who creates themself while the server has no active admin. A desk's setup
 * account never syncs, so it is never a writer here.
 */
export async function refuseByActor(
  trx: Knex.Transaction,
  mutation: Mutation,
  current: { data: RowData } | undefined,
  actor: RowData | undefined,
  tablePermission: Permission | undefined,
  ctx: ApplyContext,
): Promise<MutationResult | null> {
  const refuse = (code: ErrorCode): MutationResult => refusal(mutation, code);
  const account = accountTables.has(mutation.table);
  // A person the server does not know can hold no proof: say who is missing, not what.
  if (!actor && !(account && (await isFirstAdmin(trx, mutation, current, ctx.clinicId)))) {
    return refuse('sync.actor_unknown');
  }
  // Who made it, proven (server/sync/proof/): before any right is weighed.
  const unproven = await ctx.proofs.refuse(trx, mutation, current === undefined, () =>
    isBootstrap(trx, mutation, current, actor, ctx.clinicId),
  );
  if (unproven) return refuse(unproven);
  if (account && (await isFirstAdmin(trx, mutation, current, ctx.clinicId))) return null;
  if (!actor) return refuse('sync.actor_unknown');
  if (!isActive(actor.active)) return refuse('sync.actor_inactive');
  const role = roleOf(actor.role);
  const permission: Permission = account ? 'staff.manage' : (tablePermission ?? 'patients.write');
  if (role !== undefined && can(role, permission)) return null;
  if (account && isOwnChange(mutation, current)) return null;
  return refuse('sync.actor_forbidden');
}

/**
 * The clinic's bootstrap, the one write without a session proof: the first admin, made at a desk's
 * first run before any key existed, creates themself (`isFirstAdmin`) and then their own keys,
 * codes and password — until the server has verified any session of theirs, which closes it.
 */
async function isBootstrap(
  trx: Knex.Transaction,
  mutation: Mutation,
  current: { data: RowData } | undefined,
  actor: RowData | undefined,
  clinicId: string,
): Promise<boolean> {
  if (!accountTables.has(mutation.table)) return false;
  if (await isFirstAdmin(trx, mutation, current, clinicId)) return true;
  if (!actor || actor.role !== 'admin' || actor.created_by !== mutation.actorId) return false;
  if (!isOwnChange(mutation, current)) return false;
  const proven = await trx('verified_sessions')
    .where({ staff_id: mutation.actorId })
    .first<{ n: number } | undefined>(trx.raw('1 AS n'));
  return proven === undefined;
}

function roleOf(value: unknown): Role | undefined {
  return roles.find((role) => role === value);
}

/** A new admin who is the actor of their own creation, while their clinic has no active admin. */
async function isFirstAdmin(
  trx: Knex.Transaction,
  mutation: Mutation,
  current: unknown,
  clinicId: string,
): Promise<boolean> {
  if (mutation.table !== 'staff' || current !== undefined || mutation.actorId !== mutation.rowId) return false;
  if (mutation.changed.role !== 'admin' || !isActive(mutation.changed.active)) return false;
  const admin = await trx('records')
    .where({ table_name: 'staff', clinic_id: clinicId })
    .whereRaw("data->>'role' = 'admin'")
    .whereRaw("data->>'active' IN ('1', 'true')")
    .first<{ id: string } | undefined>('id');
  return admin === undefined;
}

/** A person's change to their own account: the password and TOTP of their row, their keys and codes. */
function isOwnChange(mutation: Mutation, current: { data: RowData } | undefined): boolean {
  if (mutation.table === 'staff') {
    return (
      current !== undefined &&
      mutation.rowId === mutation.actorId &&
      Object.keys(mutation.changed).every((field) => ownStaffFields.has(field))
    );
  }
  const owner = current ? current.data.staff_id : mutation.changed.staff_id;
  const movedTo = mutation.changed.staff_id;
  return owner === mutation.actorId && (movedTo === undefined || movedTo === owner);
}
