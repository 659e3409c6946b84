import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { AppError } from '../../shared/errors/app-error';
import { boundKeysFileSchema, type BoundKeysFile } from '../../shared/db-key/bound-keys-file';
import { openUnder, sealUnder } from './prf-wrap';
import { formatRecoveryKey, newRecoveryKey, parseRecoveryKey } from './recovery-key';

/** The bound-keys file, or undefined where the database key is not bound to hardware keys. */
export function readBoundKeys(path: string): BoundKeysFile | undefined {
  if (!existsSync(path)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new AppError('db_key.file_malformed', { params: { path } });
  }
  const parsed = boundKeysFileSchema.safeParse(json);
  if (!parsed.success) throw new AppError('db_key.file_malformed', { params: { path } });
  return parsed.data;
}

/** Replaces the file whole (a crash leaves the old one or the new one, never half of either), mode 0600. */
export function writeBoundKeys(path: string, file: BoundKeysFile): void {
  const next = `${path}.next`;
  writeFileSync(next, `${JSON.stringify(boundKeysFileSchema.parse(file), null, 2)}\n`, { mode: 0o600 });
  chmodSync(next, 0o600);
  renameSync(next, path);
}

export function newBoundKeysFile(): BoundKeysFile {
  return {
    format: 'medcard-bound-keys/1',
    desk: randomUUID(),
    prfSalt: randomBytes(32).toString('base64url'),
    keys: [],
    recovery: null,
  };
}

export interface BindInput {
  dbKey: Buffer;
  credentialId: string;
  /** The PRF output of this credential over the file's `prfSalt`. */
  prfOutput: Buffer;
  label: string;
  now: Date;
}

/** The file with one more key bound; the same credential twice is refused. */
export function bindKey(file: BoundKeysFile, input: BindInput): BoundKeysFile {
  if (input.prfOutput.length !== 32) throw new AppError('db_key.prf_missing');
  if (file.keys.some((key) => key.credentialId === input.credentialId)) throw new AppError('db_key.already_bound');
  const holder = { kind: 'prf', credentialId: input.credentialId } as const;
  const entry = {
    credentialId: input.credentialId,
    label: input.label,
    boundAt: input.now.toISOString(),
    sealed: sealUnder(file, input.prfOutput, holder, input.dbKey),
  };
  return { ...file, keys: [...file.keys, entry] };
}

/** A new recovery key (shown once, in its written form) and the file with the database key sealed under it. */
export function withNewRecoveryKey(file: BoundKeysFile, dbKey: Buffer): { file: BoundKeysFile; recoveryKey: string } {
  const recovery = newRecoveryKey();
  return {
    file: { ...file, recovery: sealUnder(file, recovery, { kind: 'recovery' }, dbKey) },
    recoveryKey: formatRecoveryKey(recovery),
  };
}

/** The file without one key; the last bound key stays (the desk would open only with the recovery key). */
export function unbindKey(file: BoundKeysFile, credentialId: string): BoundKeysFile {
  if (!file.keys.some((key) => key.credentialId === credentialId)) throw new AppError('db_key.not_bound');
  if (file.keys.length === 1) throw new AppError('db_key.last_key');
  return { ...file, keys: file.keys.filter((key) => key.credentialId !== credentialId) };
}

/**
 * The database key a bound hardware key's PRF output opens: `db_key.not_bound` for another key,
 * `db_key.unwrap_failed` for a wrong output.
 */
export function openWithPrf(file: BoundKeysFile, credentialId: string, prfOutput: Buffer): Buffer {
  const entry = file.keys.find((key) => key.credentialId === credentialId);
  if (!entry) throw new AppError('db_key.not_bound');
  const key = openUnder(file, prfOutput, { kind: 'prf', credentialId }, entry.sealed);
  if (!key) throw new AppError('db_key.unwrap_failed');
  return key;
}

/** The database key the typed recovery key opens (`db_key.recovery_typo` before any unwrapping). */
export function openWithRecovery(file: BoundKeysFile, typed: string): Buffer {
  const recovery = parseRecoveryKey(typed);
  if (!file.recovery) throw new AppError('db_key.no_recovery');
  const key = openUnder(file, recovery, { kind: 'recovery' }, file.recovery);
  if (!key) throw new AppError('db_key.unwrap_failed');
  return key;
}
