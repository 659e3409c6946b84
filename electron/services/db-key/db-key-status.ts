import type { CallOutput } from '../../../shared/api/contract';
import { readBoundKeys } from '../../host/prf-bound-keys';
import type { ServiceContext } from '../../core/context';

type Ctx = Pick<ServiceContext, 'databaseKey'>;

/** How many hardware keys the database key is bound to and whether a recovery key exists; never a key. */
export function dbKeyStatus(ctx: Ctx): CallOutput<'dbKey.status'> {
  const access = ctx.databaseKey;
  if (access.where !== 'bindable') return { where: access.where, keys: [], recoveryKey: false };
  const file = readBoundKeys(access.boundKeysFile);
  return {
    where: 'bindable',
    keys: (file?.keys ?? []).map(({ credentialId, label, boundAt }) => ({ credentialId, label, boundAt })),
    recoveryKey: Boolean(file?.recovery),
  };
}
