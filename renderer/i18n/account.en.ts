import type { Texts } from './texts';
import type { accountRu } from './account.ru';

/** English texts of the staff member's own account and second factors: the same keys as account.ru.ts. */
export const accountEn = {
  accountSetup: {
    passwordTitle: 'Change your password',
    keyTitle: 'Enrol your key',
    greeting: 'Hello, {{name}}!',
    passwordIntro: 'An administrator set this password. Choose your own, which only you will know.',
    keyIntro: 'You have no active security key, or you signed in with a recovery code. Enrol a key to go on.',
    signOut: 'Sign out',
  },
  reauth: {
    title: 'Confirm it is you',
    intro:
      'Keys, the authenticator app and recovery codes are changed only by the person themself: type your password or touch your key (asked again after 5 minutes).',
    password: 'Password',
    confirm: 'Confirm',
    useKey: 'Touch my key',
    cancel: 'Cancel',
    failed: 'Not confirmed',
  },
  account: {
    title: 'My account',
    subtitle: '{{name}} · login {{login}} · {{role}}',
    password: 'Password',
    passwordChanged: 'The password is changed.',
    keys: 'My keys',
    totp: 'Authenticator app',
  },
  keys: {
    loadFailed: 'The keys were not loaded',
    revokeFailed: 'The key was not revoked',
    none: 'No keys.',
    columns: {
      name: 'Name',
      kind: 'Type',
      createdAt: 'Enrolled',
      lastUsedAt: 'Last sign-in',
      state: 'State',
      actions: 'Actions',
    },
    kind: {
      webauthn: 'FIDO2 key',
      'yubikey-otp': 'YubiKey (one-time passwords)',
    },
    neverUsed: 'not used yet',
    revokedAt: 'revoked {{time}}',
    active: 'active',
    revoke: 'Revoke “{{name}}”',
    confirmRevoke: 'Yes, revoke “{{name}}”',
    add: 'Add a key',
    addYubikeyOtp: 'Link a YubiKey for one-time passwords',
    enrolHint: 'Insert the new key, name it, and touch it when the browser asks.',
  },
  yubikey: {
    otp: 'YubiKey one-time password',
    otpHint: 'Insert the YubiKey and touch its button: it types the password into this field and presses Enter itself.',
    enrol: 'Link the YubiKey',
    failed: 'The YubiKey was not linked',
  },
  totp: {
    intro:
      'A code from an app on your phone (Google Authenticator, say) is a backup way in when the key is not at hand.',
    start: 'Set up the app',
    restart: 'Set up again',
    step1: 'Add a new account in the app and type in the secret key (or open the otpauth address on the phone):',
    secret: 'Secret key',
    uri: 'Address for the app',
    step2: 'Enter the code the app shows:',
    code: 'App code',
    confirm: 'Confirm',
    done: 'The app is set up: at sign-in its code can replace the key’s touch.',
    failed: 'The app was not set up',
  },
} satisfies Texts<typeof accountRu>;
