import { z } from 'zod';
import { codeChannels } from './cabinet-api';
import { cabinetEmail, oneTimeCodeText } from './registration';

/**
 * The bodies of the cabinet's account calls (shared/cabinet/cabinet-api.ts `cabinetPaths`), one
 * schema for the page and the server. Registration's own is in registration.ts.
 */
export const emailConfirmRequestSchema = z.strictObject({ token: z.string().min(20).max(200) });
export const emailResendRequestSchema = z.strictObject({ email: cabinetEmail });
/** phoneConfirm, totpConfirm: a 6-digit code. */
export const codeRequestSchema = z.strictObject({ code: oneTimeCodeText });

// A password is judged by the policy (shared/auth/password-policy.ts) only where one is set; at
// sign-in any text up to the bound is just compared.
export const signInRequestSchema = z.strictObject({ email: cabinetEmail, password: z.string().max(1024) });
const challengeId = z.string().min(20).max(200);
export const signInSendRequestSchema = z.strictObject({ challengeId, channel: z.enum(codeChannels) });
export const signInVerifyRequestSchema = z.strictObject({
  challengeId,
  channel: z.enum(codeChannels),
  code: oneTimeCodeText,
});

/** The clinic's activation code (e-mail link, SMS or printed) and the new password. */
export const activateRequestSchema = z.strictObject({
  email: cabinetEmail,
  code: z.string().min(1).max(200),
  password: z.string().max(4096),
});
export type ActivateRequest = z.input<typeof activateRequestSchema>;
