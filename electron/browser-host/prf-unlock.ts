import type { ApiEnvelope } from '../../shared/api/facade';
import { dbKeyUnlockInputSchema } from '../../shared/api/db-key-calls';
import type { BoundKeysFile } from '../../shared/db-key/bound-keys-file';
import { AppError, toApiError } from '../../shared/errors/app-error';
import { openWithPrf } from '../host/prf-bound-keys';

/** A database whose key is bound to hardware keys: the host starts locked and opens it after a touch. */
export interface KeyAwaitingTouch {
  boundKeys: BoundKeysFile;
}

/**
 * The calls a locked host answers before its store is open: the unlock page's two
 * (`dbKey.unlockOptions`, `dbKey.unlock`); every other call is `db_key.locked`, which is how the
 * page learns that it must ask for a touch. A wrong key or output writes nothing: there is
 * nothing open to write to.
 */
export function lockedCall(
  awaiting: KeyAwaitingTouch,
  name: string,
  input: unknown,
): { answer: ApiEnvelope<unknown> } | { key: Buffer } {
  const refuse = (error: AppError) => ({ answer: { ok: false as const, error: toApiError(error) } });
  if (name === 'dbKey.unlockOptions') {
    const { desk, prfSalt, keys } = awaiting.boundKeys;
    const options = { desk, prfSalt, credentialIds: keys.map((key) => key.credentialId) };
    return { answer: { ok: true, data: { open: false, options } } };
  }
  if (name !== 'dbKey.unlock') return refuse(new AppError('db_key.locked'));
  const parsed = dbKeyUnlockInputSchema.safeParse(input);
  if (!parsed.success) return refuse(new AppError('api.bad_request'));
  try {
    return {
      key: openWithPrf(awaiting.boundKeys, parsed.data.credentialId, Buffer.from(parsed.data.prfOutput, 'base64url')),
    };
  } catch (error) {
    if (error instanceof AppError) return refuse(error);
    throw error;
  }
}
