import { z } from 'zod';
import { loginPattern, normalizeLogin, reservedLogins } from '../auth/login-name';
import { passwordPolicy, passwordTooLong } from '../auth/password-policy';
import { permissions, roles } from '../auth/permissions';
import {
  authenticationAnswerSchema,
  creationOptionsSchema,
  registrationAnswerSchema,
  requestOptionsSchema,
} from '../auth/webauthn-json';
import { fail, requiredText } from '../domain/field-rules';
import { defineCall } from './define-call';

// The fields of the sign-in and staff calls. The sign-in services (electron/auth/) parse their
// input with these same call schemas again: the renderer is untrusted, and a service may be
// called from elsewhere (the command line, a test) without the dispatcher.

const attemptId = z.uuid();
export const staffIdSchema = z.uuid();

/** A login as typed at sign-in: any text, compared normalized; its format is not checked (A3). */
const typedLoginSchema = z.string().min(1).max(200).transform(normalizeLogin);

/** A new login: the format staff may have. */
export const newLoginSchema = z
  .string()
  .max(200)
  .transform(normalizeLogin)
  .superRefine((login, ctx) => {
    if (!loginPattern.test(login) || reservedLogins.includes(login)) fail(ctx, 'staff.login.format');
  });

/**
 * A password as typed at sign-in. Only its length is checked, and before any hashing: the rules
 * may have changed since it was set, and a huge value must cost nothing.
 */
const typedPasswordSchema = z
  .string()
  .min(1)
  .max(1000)
  .superRefine((password, ctx) => {
    if (passwordTooLong(password)) fail(ctx, 'auth.password.too_long', { max: passwordPolicy.maxLength });
  });

/**
 * A new password: only bounded here. The service's `assertPasswordPolicy` checks it (its length
 * first, so a huge value costs nothing) and answers with every unmet rule, which one zod issue
 * could not.
 */
export const newPasswordSchema = z.string().max(1000);

export const displayNameSchema = requiredText(100);
const keyNameSchema = requiredText(60);

const ok = z.object({});

/** Who is at this desk: the answer of `session.whoami` and of every step that changes it. */
export const sessionSchema = z.object({
  /** `first-run`: nobody has an account yet (A1); `locked`: the lock screen is up (A4). */
  state: z.enum(['first-run', 'signed-out', 'locked', 'active']),
  actor: z
    .object({
      id: z.string(),
      login: z.string(),
      displayName: z.string(),
      role: z.enum(roles),
      /** 'setup': the desk's own account (older records name it); the UI names it in its language. */
      kind: z.enum(['setup', 'person']),
    })
    .nullable(),
  device: z.object({ id: z.string(), name: z.string() }),
  permissions: z.array(z.enum(permissions)),
  /** `main-process`: the page asks keys through `keys.touch`/`keys.register` (Electron on Linux, macOS). */
  keyAccess: z.enum(['page', 'main-process']),
  /** Idle minutes before the lock screen comes up. */
  lockAfterMinutes: z.number().int(),
  /** A recovery code was used or no key is left: lead to key enrolment first. */
  mustEnrolKey: z.boolean(),
  /** An admin set the password: ask for the person's own first. */
  mustChangePassword: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionSchema>;

const secondStepSchema = z.object({
  attemptId,
  expiresAt: z.string(),
  /** For the key (navigator.credentials.get); null when the person has none. */
  publicKey: requestOptionsSchema.nullable(),
  totp: z.boolean(),
  recoveryCodes: z.boolean(),
  /** The person has a YubiKey for OTP sign-in. */
  otp: z.boolean(),
});

export const keySummarySchema = z.object({
  id: z.string(),
  kind: z.enum(['webauthn', 'yubikey-otp']),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/** Signing in, locking and the first run (A1–A4). */
export const authCalls = {
  'session.whoami': defineCall({
    input: z.strictObject({}),
    output: sessionSchema,
    permission: 'public',
    whileLocked: 'allowed',
    passive: true,
  }),
  'auth.setupFirstAdmin': defineCall({
    input: z.strictObject({ login: newLoginSchema, displayName: displayNameSchema, password: newPasswordSchema }),
    output: z.object({ session: sessionSchema, recoveryCodes: z.array(z.string()) }),
    permission: 'public',
  }),
  'auth.beginSignIn': defineCall({
    input: z.strictObject({ login: typedLoginSchema, password: typedPasswordSchema }),
    output: secondStepSchema,
    permission: 'public',
  }),
  'auth.finishSignIn': defineCall({
    input: z.strictObject({ attemptId, answer: authenticationAnswerSchema }),
    output: sessionSchema,
    permission: 'public',
  }),
  'auth.finishSignInWithTotp': defineCall({
    input: z.strictObject({ attemptId, code: z.string().min(1).max(20) }),
    output: sessionSchema,
    permission: 'public',
  }),
  'auth.finishSignInWithRecoveryCode': defineCall({
    input: z.strictObject({ attemptId, code: z.string().min(1).max(40) }),
    output: sessionSchema,
    permission: 'public',
  }),
  'auth.finishSignInWithOtp': defineCall({
    input: z.strictObject({ attemptId, otp: z.string().min(1).max(100) }),
    output: sessionSchema,
    permission: 'public',
  }),
  'auth.lock': defineCall({
    input: z.strictObject({}),
    output: sessionSchema,
    permission: 'session.read',
    whileLocked: 'allowed',
  }),
  'auth.beginUnlock': defineCall({
    input: z.strictObject({}),
    output: z.object({ attemptId, expiresAt: z.string(), publicKey: requestOptionsSchema }),
    permission: 'session.read',
    whileLocked: 'allowed',
  }),
  'auth.finishUnlock': defineCall({
    input: z.strictObject({ attemptId, answer: authenticationAnswerSchema }),
    output: sessionSchema,
    permission: 'session.read',
    whileLocked: 'allowed',
  }),
  /** A key challenge for `auth.reauthenticate` (issue 10): the signed-in person's own keys. */
  'auth.beginReauthentication': defineCall({
    input: z.strictObject({}),
    output: z.object({ attemptId, expiresAt: z.string(), publicKey: requestOptionsSchema }),
    permission: 'session.read',
  }),
  /**
   * The person proves again who they are — password or key touch — before a call that changes
   * their factors (`recentAuth`); good for five minutes. A wrong password counts towards the lock.
   */
  'auth.reauthenticate': defineCall({
    input: z.discriminatedUnion('method', [
      z.strictObject({ method: z.literal('password'), password: typedPasswordSchema }),
      z.strictObject({ method: z.literal('key'), attemptId, answer: authenticationAnswerSchema }),
    ]),
    output: z.object({ reauthenticatedAt: z.string() }),
    permission: 'session.read',
  }),
  /** "Switch user": the person is signed out fully; the next one signs in from the start. */
  'auth.signOut': defineCall({
    input: z.strictObject({}),
    output: sessionSchema,
    permission: 'public',
    whileLocked: 'allowed',
  }),
  'account.changePassword': defineCall({
    input: z.strictObject({ currentPassword: typedPasswordSchema, newPassword: newPasswordSchema }),
    output: sessionSchema,
    permission: 'account.self',
  }),
  'account.beginKeyEnrolment': defineCall({
    input: z.strictObject({ staffId: staffIdSchema }),
    output: z.object({ attemptId, expiresAt: z.string(), publicKey: creationOptionsSchema }),
    permission: 'account.self',
    recentAuth: true,
  }),
  'account.finishKeyEnrolment': defineCall({
    input: z.strictObject({ attemptId, name: keyNameSchema, answer: registrationAnswerSchema }),
    output: z.object({ key: keySummarySchema, session: sessionSchema }),
    permission: 'account.self',
    writes: true,
  }),
  /** A YubiKey registered on the central server becomes the person's: one touch proves it. */
  'account.enrolYubikey': defineCall({
    input: z.strictObject({ staffId: staffIdSchema, name: keyNameSchema, otp: z.string().min(1).max(100) }),
    output: keySummarySchema,
    permission: 'account.self',
    recentAuth: true,
    writes: true,
  }),
  'account.keys': defineCall({
    input: z.strictObject({ staffId: staffIdSchema }),
    output: z.object({ items: z.array(keySummarySchema) }),
    permission: 'account.self',
  }),
  'account.revokeKey': defineCall({
    input: z.strictObject({ keyId: z.uuid() }),
    output: keySummarySchema,
    permission: 'account.self',
    recentAuth: true,
    writes: true,
  }),
  'account.renewRecoveryCodes': defineCall({
    input: z.strictObject({}),
    output: z.object({ recoveryCodes: z.array(z.string()) }),
    permission: 'account.self',
    recentAuth: true,
    writes: true,
  }),
  'account.enrolTotp': defineCall({
    input: z.strictObject({ staffId: staffIdSchema }),
    output: z.object({ secret: z.string(), uri: z.string() }),
    permission: 'account.self',
    recentAuth: true,
  }),
  'account.confirmTotp': defineCall({
    input: z.strictObject({ staffId: staffIdSchema, code: z.string().min(1).max(20) }),
    output: ok,
    permission: 'account.self',
    writes: true,
  }),
} as const;
