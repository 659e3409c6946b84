import type { Handlers } from './handler-types';

/** Handlers: the database key bound to hardware keys (WebAuthn PRF) and its recovery key (issue 15, A5). */
export const dbKeyHandlers: Handlers<'dbKey'> = {};
