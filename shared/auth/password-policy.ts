import { AppError } from '../errors/app-error';
import type { ErrorCode } from '../errors/catalog';

/**
 * The password rules of A2, shared by the sign-in core and the forms that show them as the user
 * types. DOM-safe: no Node built-ins. Letters and digits are Unicode-aware, so a Cyrillic
 * password counts its upper and lower case too.
 */
export const passwordPolicy = { minLength: 8, maxLength: 256 } as const;

export const passwordRules = [
  'auth.password.too_short',
  'auth.password.no_upper',
  'auth.password.no_lower',
  'auth.password.no_digit',
  'auth.password.no_special',
  'auth.password.too_long',
] as const satisfies readonly ErrorCode[];
export type PasswordRule = (typeof passwordRules)[number];

/** The params the catalog's texts for these rules fill in (`{min}`, `{max}`). */
export const passwordRuleParams = { min: passwordPolicy.minLength, max: passwordPolicy.maxLength } as const;

const upper = /\p{Lu}/u;
const lower = /\p{Ll}/u;
const digit = /\p{Nd}/u;
// Anything that is neither a letter nor a digit: punctuation, symbols, a space inside a phrase.
const special = /[^\p{L}\p{N}]/u;

/** Counted in characters as a person sees them (code points), not UTF-16 units. */
export function passwordLength(password: string): number {
  let length = 0;
  for (const _ of password) length += 1;
  return length;
}

/** Over the maximum: the cheap UTF-16 bound first (more than 2 × max units is over max code points). */
export function passwordTooLong(password: string): boolean {
  return password.length > passwordPolicy.maxLength * 2 || passwordLength(password) > passwordPolicy.maxLength;
}

/**
 * The rules a password does not meet, in the order a form lists them; empty when it is
 * acceptable. A password over the maximum gets only `too_long`: the other rules are not worth
 * checking on it, and the caller refuses it before hashing so that its size costs nothing.
 */
export function unmetPasswordRules(password: string): PasswordRule[] {
  if (passwordTooLong(password)) return ['auth.password.too_long'];
  const unmet: PasswordRule[] = [];
  if (passwordLength(password) < passwordPolicy.minLength) unmet.push('auth.password.too_short');
  if (!upper.test(password)) unmet.push('auth.password.no_upper');
  if (!lower.test(password)) unmet.push('auth.password.no_lower');
  if (!digit.test(password)) unmet.push('auth.password.no_digit');
  if (!special.test(password)) unmet.push('auth.password.no_special');
  return unmet;
}

/** Passwords are compared in Unicode NFC, so that the same word typed on two keyboards matches. */
export function normalizePassword(password: string): string {
  return password.normalize('NFC');
}

/** A new password: refused with every unmet rule at once, so that the form can list them all. */
export function assertPasswordPolicy(password: string, field = 'password'): void {
  const unmet = unmetPasswordRules(password);
  if (unmet.length === 0) return;
  throw new AppError('auth.password.weak', {
    field,
    issues: unmet.map((code) => ({ code, field, params: { ...passwordRuleParams } })),
  });
}
