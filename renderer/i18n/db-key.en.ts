import type { dbKeyRu } from './db-key.ru';
import type { Texts } from './texts';

/** English texts: the database key bound to hardware keys (WebAuthn PRF) and its recovery key (issue 15, A5). */
export const dbKeyEn = {
  dbKey: {
    title: 'Database key',
    intro:
      'Bind the database key to staff hardware keys: the database then opens only after a touch of one of them, and a stolen disk opens nothing.',
    where: {
      bindable: 'The key is kept in the OS key store now.',
      other: 'The key comes from outside (MEDCARD_DB_KEY or a key file): no binding is needed.',
      notHere: 'Binding is not available on this desk yet.',
    },
    bound_one: '{{count}} hardware key bound',
    bound_few: '{{count}} hardware keys bound',
    bound_many: '{{count}} hardware keys bound',
    bound_other: '{{count}} hardware keys bound',
    noneBound: 'No hardware key is bound',
    recoveryExists: 'A recovery key exists and is kept by the admin',
    label: 'Whose key',
    labelHint: 'For example: “Ivanova A. P.’s key”',
    bind: 'Bind a hardware key',
    touchTwice: 'Touch the key twice: once to make the credential, once to get its secret.',
    unbind: 'Unbind',
    unbindLabel: 'Unbind “{{label}}”',
    failed: 'The key was not bound',
    touchCancelled: 'The key did not answer, or the touch was cancelled',
    noPrf: 'This key does not support PRF (hmac-secret)',
    recoveryTitle: 'Recovery key',
    recoveryIntro:
      'It is shown once. Print it or write it down and keep it in the safe: without hardware keys only it opens the database (“medcard key recover”).',
    print: 'Print',
    recoveryDone: 'I have kept the key',
    unlockTitle: 'The database is locked',
    unlockIntro: 'The database key is bound to hardware keys. Insert your key and touch it.',
    unlock: 'Touch the key',
    unlockFailed: 'The database was not opened',
    unlocking: 'Opening the database…',
  },
} satisfies Texts<typeof dbKeyRu>;
