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

export { authenticationAnswerSchema, registrationAnswerSchema } from '../../shared/auth/webauthn-json';
