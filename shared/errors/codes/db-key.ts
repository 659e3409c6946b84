import type { CodeEntries } from '../code-entries';

/** Errors: the database key bound to hardware keys (WebAuthn PRF) and its recovery key (issue 15, A5). */
export const dbKeyCodes = {} as const satisfies CodeEntries<'db_key'>;
