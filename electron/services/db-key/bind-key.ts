import type { CallInput, CallOutput } from '../../../shared/api/contract';
import { AppError } from '../../../shared/errors/app-error';
import {
  bindKey,
  newBoundKeysFile,
  openWithPrf,
  readBoundKeys,
  unbindKey,
  withNewRecoveryKey,
  writeBoundKeys,
} from '../../host/prf-bound-keys';
import type { ServiceContext } from '../../core/context';
import type { DatabaseKeyAccess } from './database-key-access';
import { dbKeyStatus } from './db-key-status';
import { proveKeyOpens } from './key-opens-database';

type Ctx = Pick<ServiceContext, 'databaseKey' | 'clock'>;
type Bindable = Extract<DatabaseKeyAccess, { where: 'bindable' }>;

function bindable(ctx: Pick<ServiceContext, 'databaseKey'>): Bindable {
  const access = ctx.databaseKey;
  if (access.where === 'other-source') throw new AppError('db_key.other_source');
  if (access.where === 'not-here') throw new AppError('db_key.page_only');
  return access;
}

/** The salt a key is asked to evaluate: the bound file's, or a new desk's when nothing is bound yet. */
export function bindOptions(ctx: Pick<ServiceContext, 'databaseKey'>): CallOutput<'dbKey.bindOptions'> {
  const file = readBoundKeys(bindable(ctx).boundKeysFile) ?? newBoundKeysFile();
  return { desk: file.desk, prfSalt: file.prfSalt, credentialIds: file.keys.map((key) => key.credentialId) };
}

/**
 * Binds the database key to one more hardware key. The new file is proven before it is written:
 * the PRF output unwraps the key it now holds, and that key opens the database. The first
 * binding makes the recovery key (answered once) and only then deletes the copy kept before.
 */
export function bindDatabaseKey(ctx: Ctx, input: CallInput<'dbKey.bind'>): CallOutput<'dbKey.bind'> {
  const access = bindable(ctx);
  const existing = readBoundKeys(access.boundKeysFile);
  const base = existing ?? { ...newBoundKeysFile(), desk: input.desk, prfSalt: input.prfSalt };
  // A page that asked for another desk's salt (a second tab, a stale page) would bind a key that never opens.
  if (base.desk !== input.desk || base.prfSalt !== input.prfSalt) throw new AppError('db_key.stale_options');
  const prfOutput = Buffer.from(input.prfOutput, 'base64url');
  let file = bindKey(base, {
    dbKey: access.key,
    credentialId: input.credentialId,
    prfOutput,
    label: input.label,
    now: ctx.clock.now(),
  });
  let recoveryKey: string | null = null;
  if (!file.recovery) ({ file, recoveryKey } = withNewRecoveryKey(file, access.key));
  const unwrapped = openWithPrf(file, input.credentialId, prfOutput);
  if (!unwrapped.equals(access.key)) throw new AppError('db_key.unwrap_failed');
  proveKeyOpens(access.dbPath, unwrapped);
  writeBoundKeys(access.boundKeysFile, file);
  if (!existing) access.forgetKeptCopy();
  return { status: dbKeyStatus(ctx), recoveryKey };
}

/** Unbinds one key (a lost key, a staff member who left); the last one stays. */
export function unbindDatabaseKey(ctx: Ctx, input: CallInput<'dbKey.unbind'>): CallOutput<'dbKey.unbind'> {
  const access = bindable(ctx);
  const file = readBoundKeys(access.boundKeysFile);
  if (!file) throw new AppError('db_key.not_bound');
  writeBoundKeys(access.boundKeysFile, unbindKey(file, input.credentialId));
  return dbKeyStatus(ctx);
}
