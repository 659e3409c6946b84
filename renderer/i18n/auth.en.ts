import type { Texts } from './texts';
import type { authRu } from './auth.ru';

/**
 * English texts of first run, sign-in, lock, passwords, security keys and recovery codes: the same keys
 * as auth.ru.ts.
 */
export const authEn = {
  password: {
    password: 'Password',
    new: 'New password',
    current: 'Current password',
    repeat: 'Repeat the password',
    mismatch: 'The passwords do not match',
    rulesLabel: 'Password rules',
    met: 'met',
    unmet: 'not met',
    change: 'Change password',
    changeFailed: 'The password was not changed',
  },
  key: {
    prompt: 'Insert your key and touch it',
    enrolPrompt: 'Insert the new key and touch it',
    ask: 'Use the key',
    retry: 'Try again',
    enrol: 'Enrol the key',
    retryEnrol: 'Try again',
    enrolFailed: 'The key was not enrolled',
    name: 'Key name',
    nameHint: 'To tell keys apart, e.g. “Blue” or “Spare”',
    nameMissing: 'Name the key',
    defaultName: 'Main key',
    problem: {
      cancelled: 'The key did not answer: the time ran out or the request was cancelled. Insert the key and try again.',
      taken: 'This key is already enrolled for this person. Use another key.',
      unsupported: 'This browser cannot use security keys. Open Medcard Desk in the app or in Chromium.',
    },
  },
  recovery: {
    title: 'Recovery codes',
    intro:
      'Each code signs you in once if the key is lost or broken. They are shown only now: print or copy them and keep them apart from the key.',
    listLabel: 'Recovery codes',
    print: 'Print',
    kept: 'I have printed or saved the codes',
    done: 'Done',
    renew: 'Issue new codes',
    renewIntro:
      'If the codes ran out or may have been seen by someone else, issue new ones: the old ones stop working at once.',
    confirmRenew: 'Yes, issue new codes',
    renewed: 'New codes issued; the old ones no longer work.',
    renewFailed: 'New codes were not issued',
  },
  firstRun: {
    title: 'Set up',
    stepsLabel: 'Set-up steps',
    steps: {
      account: 'Administrator',
      key: 'Key',
      codes: 'Recovery codes',
    },
    intro:
      'This desk runs for the first time. Create the first administrator’s account: they will add the other staff.',
    failed: 'The administrator was not created',
    create: 'Create the administrator',
    keyTitle: 'The administrator’s security key',
    keyIntro:
      'Signing in takes the password and a touch of the key. Insert the key (a YubiKey, say), name it and press “Enrol the key”.',
    keyDone: 'The key is enrolled.',
    finish: 'Open the desk',
  },
  signIn: {
    title: 'Sign in',
    login: 'Login',
    password: 'Password',
    submit: 'Sign in',
    failed: 'Sign-in failed',
    secondTitle: 'Confirm it is you',
    secondIntro: 'The password for “{{login}}” is right. Now confirm that it is you.',
    alternatives: 'Other ways to sign in',
    use: {
      key: 'Sign in with the key',
      otp: 'Sign in with a YubiKey one-time password',
      totp: 'Sign in with an app code',
      recovery: 'Sign in with a recovery code',
    },
    startOver: 'Start again',
    code: {
      otp: 'YubiKey one-time password',
      totp: 'Authenticator app code',
      recovery: 'Recovery code',
    },
    codeHint: {
      otp: 'Touch the YubiKey’s button: it types the password into this field and presses Enter itself.',
      totp: 'Six digits from the app on your phone.',
      recovery: 'One of the codes handed out with the account. Each code works once.',
    },
    submitCode: 'Sign in',
  },
  lock: {
    title: 'The desk is locked',
    who: 'In use by: {{name}} ({{role}})',
    nobody: 'Unknown staff member',
    hint: 'Patient data is hidden. Touch your key to go on. If someone else takes the desk, press “Switch user”.',
    unlock: 'Unlock with the key',
    retry: 'Touch the key again',
    failed: 'Could not unlock',
    switchUser: 'Switch user',
  },
} satisfies Texts<typeof authRu>;
