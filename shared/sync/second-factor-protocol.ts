import { z } from 'zod';
import { provenSessionSchema, sessionStatementSchema } from './session-proof';

/**
 * The desk ⇄ server calls of second factors kept on the server (issue 10, item 2), under
 * /v1/second-factors, signed by the device like every /v1 call. TOTP secrets and recovery codes
 * are made, kept and checked there; a desk sends codes, never secrets, and the enrolment's URI
 * comes back once, for the enrolling person's screen. Changing a person's factors needs that
 * person's proven session (`session`); signing in sends the attempt's unproven statement and gets
 * the server's ticket for it.
 */
export const secondFactorPaths = {
  totpBegin: '/v1/second-factors/totp/begin',
  totpConfirm: '/v1/second-factors/totp/confirm',
  recoveryRenew: '/v1/second-factors/recovery-codes/renew',
  signIn: '/v1/second-factors/sign-in',
} as const;

const code = z.string().trim().min(1).max(64);

export const ownFactorRequestSchema = z.strictObject({ session: provenSessionSchema });
export const totpBeginAnswerSchema = z.strictObject({ uri: z.string().startsWith('otpauth://'), secret: z.string() });
export const totpConfirmRequestSchema = z.strictObject({ session: provenSessionSchema, code });
export const totpConfirmAnswerSchema = z.strictObject({ enrolledAt: z.iso.datetime() });
export const recoveryRenewAnswerSchema = z.strictObject({ codes: z.array(z.string()).min(1).max(20) });

export const factorSignInRequestSchema = z.strictObject({
  statement: sessionStatementSchema,
  factor: z.enum(['totp', 'recovery-code', 'yubikey-otp']),
  code,
});
export type FactorSignInRequest = z.infer<typeof factorSignInRequestSchema>;

export const factorSignInAnswerSchema = z.strictObject({
  /** The server's ticket: its signature of ticketText(statement, factor). */
  signature: z.string(),
  /** After a recovery code: how many are left. */
  recoveryCodesLeft: z.number().int().min(0).optional(),
  /** The person's codes were stored the old way (SHA-256) and were dropped: issue a new set. */
  mustRenewRecoveryCodes: z.boolean(),
});
export type FactorSignInAnswer = z.infer<typeof factorSignInAnswerSchema>;
