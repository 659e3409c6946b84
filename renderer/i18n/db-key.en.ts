import type { dbKeyRu } from './db-key.ru';
import type { Texts } from './texts';

/** English texts: the database key bound to hardware keys (WebAuthn PRF) and its recovery key (issue 15, A5). */
export const dbKeyEn = {
  dbKey: {},
} satisfies Texts<typeof dbKeyRu>;
