import { bindDatabaseKey, bindOptions, unbindDatabaseKey } from '../services/db-key/bind-key';
import { dbKeyStatus } from '../services/db-key/db-key-status';
import type { Handlers } from './handler-types';

/** Handlers: the database key bound to hardware keys (WebAuthn PRF) and its recovery key (issue 15, A5). */
export const dbKeyHandlers: Handlers<'dbKey'> = {
  'dbKey.status': (ctx) => dbKeyStatus(ctx),
  'dbKey.bindOptions': (ctx) => bindOptions(ctx),
  'dbKey.bind': (ctx, input) => bindDatabaseKey(ctx, input),
  'dbKey.unbind': (ctx, input) => unbindDatabaseKey(ctx, input),
  // Once the core runs the database is open: the browser host answers these itself before that.
  'dbKey.unlockOptions': () => ({ open: true, options: null }),
  'dbKey.unlock': () => ({ open: true }),
};
