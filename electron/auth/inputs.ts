import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { z } from 'zod';
import { roles } from '../../shared/auth/permissions';
import { passwordLength, passwordPolicy, passwordRuleParams, unmetPasswordRules } from '../../shared/auth/password-policy';
import { fail, requiredText } from '../../shared/domain/field-rules';
import { AppError } from '../../shared/errors/app-error';
import { toFieldIssues } from '../core/zod-issues';
import { loginPattern, normalizeLogin, reservedLogins } from './login-name';

/**
 * The sign-in services' inputs. Every service parses its input here even though the dispatcher
 * will have parsed it too: the renderer is untrusted, and a service may be called from elsewhere.
 * These schemas are what the contract should reuse when the calls are wired in.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = toFieldIssues(parsed.error, input);
  const first = issues[0];
  if (!first) throw new AppError('input.invalid');
  throw new AppError(first.code, { field: first.field || undefined, params: first.params, issues });
}

/** A login as typed at sign-in: any text, compared normalized; its format is not checked (A3). */
export const typedLoginSchema = z.string().min(1).max(200).transform(normalizeLogin);

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
export const typedPasswordSchema = z
  .string()
  .min(1)
  .superRefine((password, ctx) => {
    if (password.length > passwordPolicy.maxLength * 2 || passwordLength(password) > passwordPolicy.maxLength) {
      fail(ctx, 'auth.password.too_long', { max: passwordPolicy.maxLength });
    }
  });

/**
 * A new password's input: any string. `assertPasswordPolicy` checks it (its length first, so a
 * huge value costs nothing) and answers with every unmet rule, which one zod issue could not.
 */
export const newPasswordSchema = z.string();

/** A new password: refused with every unmet rule at once, so that the form can list them all. */
export function assertPasswordPolicy(password: string, field = 'password'): void {
  const unmet = unmetPasswordRules(password);
  if (unmet.length === 0) return;
  throw new AppError('auth.password.weak', {
    field,
    issues: unmet.map((code) => ({ code, field, params: { ...passwordRuleParams } })),
  });
}

export const staffIdSchema = z.uuid();
export const attemptIdSchema = z.uuid();
export const displayNameSchema = requiredText(100);
export const roleSchema = z.enum(roles);
export const keyNameSchema = requiredText(60);

const base64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/);
// Any object: extension results are dropped below, so only their shape as an object matters.
const extensionResults = z.custom<object>((value) => typeof value === 'object' && value !== null && !Array.isArray(value)).optional();
const transports = z.array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'])).max(8);

const registrationResponseSchema = z.object({
  id: base64url(1400),
  rawId: base64url(1400),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url(8192),
    attestationObject: base64url(64 * 1024),
    authenticatorData: base64url(8192).optional(),
    transports: transports.optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url(8192).optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: extensionResults,
});

const authenticationResponseSchema = z.object({
  id: base64url(1400),
  rawId: base64url(1400),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url(8192),
    authenticatorData: base64url(8192),
    signature: base64url(1024),
    userHandle: base64url(1024).optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: extensionResults,
});

/**
 * The key's answers as the library takes them. Extension results are dropped: none is asked
 * for, and nothing the page adds there is ever trusted.
 */
export const registrationAnswerSchema = registrationResponseSchema.transform(
  (answer): RegistrationResponseJSON => ({ ...answer, clientExtensionResults: {} }),
);
export const authenticationAnswerSchema = authenticationResponseSchema.transform(
  (answer): AuthenticationResponseJSON => ({ ...answer, clientExtensionResults: {} }),
);
