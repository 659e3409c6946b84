import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';

/**
 * How the desk talks to a security key: the WebAuthn JSON in, the WebAuthn JSON out, whatever
 * carries it. The sign-in services never call a port themselves (they hand out options and
 * check answers); the host or the page does, and hands the answer back.
 *
 * Implementations:
 * - `SoftwareAuthenticator` (test/support/software-authenticator.ts): real ES256 keys in memory, for tests
 *   and as the reference of what the other two must produce.
 * - The page's `navigator.credentials` (browser host; Electron on Windows, where the OS's
 *   WebAuthn dialog works from the app's origin): the renderer calls @simplewebauthn/browser's
 *   `startRegistration({ optionsJSON })` / `startAuthentication({ optionsJSON })` and sends the
 *   result back through the contract. No main-process code is involved.
 * - Native CTAP2 through libfido2 (Electron on Linux and macOS, where WebAuthn from a custom
 *   scheme fails or shows no PIN dialog): the main process builds clientDataJSON itself with the
 *   configured origin, hashes it, asks the key (fido_dev_make_cred / fido_dev_get_assert) with
 *   that hash and the RP id, and wraps authenticator data, attestation object and signature in
 *   the same JSON as here. Its tests compare against the software authenticator's shape.
 */
export interface HardwareKeyPort {
  /** Registers a new credential (navigator.credentials.create). */
  create(options: PublicKeyCredentialCreationOptionsJSON): Promise<RegistrationResponseJSON>;
  /** Signs a challenge with one of the allowed credentials (navigator.credentials.get). */
  get(options: PublicKeyCredentialRequestOptionsJSON): Promise<AuthenticationResponseJSON>;
}

/** The ways a port refuses, named as the WebAuthn DOM exceptions are. */
export class HardwareKeyError extends Error {
  constructor(
    readonly reason: 'NotAllowedError' | 'InvalidStateError' | 'NotSupportedError',
    message: string,
  ) {
    super(message);
    this.name = 'HardwareKeyError';
  }
}

/**
 * A USB key's answer as WebAuthn's JSON carries it: the credential id (base64url) as `id` and
 * `rawId`, the `response`, a cross-platform attachment and no client extensions.
 */
export function usbKeyCredential<R>(id: string, response: R) {
  return {
    id,
    rawId: id,
    type: 'public-key' as const,
    response,
    authenticatorAttachment: 'cross-platform' as const,
    clientExtensionResults: {},
  };
}
