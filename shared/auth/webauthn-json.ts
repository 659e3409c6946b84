import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import { z } from 'zod';

/**
 * A security key's answers and the options handed to it, as WebAuthn's JSON serialisation has
 * them. The answers come from the untrusted page, so every field is bounded; the options come
 * from the main process and are only typed.
 */
const base64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/);
// Any object: extension results are dropped below, so only their shape as an object matters.
const extensionResults = z
  .custom<object>((value) => typeof value === 'object' && value !== null && !Array.isArray(value))
  .optional();
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
export const registrationAnswerSchema = registrationResponseSchema.transform((answer): RegistrationResponseJSON => ({
  ...answer,
  clientExtensionResults: {},
}));
export const authenticationAnswerSchema = authenticationResponseSchema.transform(
  (answer): AuthenticationResponseJSON => ({ ...answer, clientExtensionResults: {} }),
);

const isObject = (value: unknown) => typeof value === 'object' && value !== null;
export const requestOptionsSchema = z.custom<PublicKeyCredentialRequestOptionsJSON>(isObject);
export const creationOptionsSchema = z.custom<PublicKeyCredentialCreationOptionsJSON>(isObject);
