import { z } from 'zod';
import { authenticationAnswerSchema, registrationAnswerSchema } from '../auth/webauthn-json';
import { defineCall } from './define-call';

/**
 * Where the page cannot reach security keys itself (Electron on Linux and macOS: no WebAuthn from
 * the app's own scheme), it hands the options it got from a sign-in, unlock or enrolment step to
 * the main process, which asks the key through libfido2 and answers as the browser would. The
 * main process only signs challenges it issued itself, for its own relying party.
 */
const base64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/);
const transports = z
  .array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']))
  .max(8)
  .optional();
const descriptor = z.object({ id: base64url(1400), type: z.literal('public-key'), transports });
const userVerification = z.enum(['required', 'preferred', 'discouraged']).optional();

export const requestOptionsInputSchema = z.object({
  challenge: base64url(200),
  rpId: z.string().max(253).optional(),
  allowCredentials: z.array(descriptor).max(32).optional(),
  timeout: z.number().int().min(0).max(600_000).optional(),
  userVerification,
  hints: z
    .array(z.enum(['hybrid', 'security-key', 'client-device']))
    .max(3)
    .optional(),
});

export const creationOptionsInputSchema = z.object({
  challenge: base64url(200),
  rp: z.object({ id: z.string().max(253).optional(), name: z.string().max(200) }),
  user: z.object({ id: base64url(200), name: z.string().max(200), displayName: z.string().max(200) }),
  pubKeyCredParams: z
    .array(z.object({ alg: z.number().int(), type: z.literal('public-key') }))
    .min(1)
    .max(16),
  timeout: z.number().int().min(0).max(600_000).optional(),
  excludeCredentials: z.array(descriptor).max(32).optional(),
  authenticatorSelection: z
    .object({
      authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
      requireResidentKey: z.boolean().optional(),
      residentKey: z.enum(['discouraged', 'preferred', 'required']).optional(),
      userVerification,
    })
    .optional(),
  attestation: z.enum(['none', 'indirect', 'direct', 'enterprise']).optional(),
  hints: z
    .array(z.enum(['hybrid', 'security-key', 'client-device']))
    .max(3)
    .optional(),
});

export const keyCalls = {
  'keys.touch': defineCall({
    input: z.strictObject({ options: requestOptionsInputSchema }),
    output: authenticationAnswerSchema,
    permission: 'public',
    whileLocked: 'allowed',
  }),
  'keys.register': defineCall({
    input: z.strictObject({ options: creationOptionsInputSchema }),
    output: registrationAnswerSchema,
    permission: 'account.self',
  }),
} as const;
