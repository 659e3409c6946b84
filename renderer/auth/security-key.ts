import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  WebAuthnAbortService,
  WebAuthnError,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/browser';

/** Why the key gave no answer, in the terms the screen explains (`key.problem.*`). */
export type KeyProblem = 'cancelled' | 'taken' | 'unsupported';

export type KeyOutcome<T> = { ok: true; answer: T } | { ok: false; problem: KeyProblem };

function problemOf(error: unknown): KeyProblem {
  if (error instanceof WebAuthnError && error.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') return 'taken';
  if (error instanceof Error && error.name === 'InvalidStateError') return 'taken';
  // Timed out, cancelled, the wrong key touched: the browser says no more than NotAllowedError.
  return 'cancelled';
}

/** Asks the person to touch their key to sign in or unlock. */
export async function askKey(
  optionsJSON: PublicKeyCredentialRequestOptionsJSON,
): Promise<KeyOutcome<AuthenticationResponseJSON>> {
  if (!browserSupportsWebAuthn()) return { ok: false, problem: 'unsupported' };
  try {
    return { ok: true, answer: await startAuthentication({ optionsJSON }) };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}

/** Asks the person to touch a new key so that it is registered to them. */
export async function makeKey(
  optionsJSON: PublicKeyCredentialCreationOptionsJSON,
): Promise<KeyOutcome<RegistrationResponseJSON>> {
  if (!browserSupportsWebAuthn()) return { ok: false, problem: 'unsupported' };
  try {
    return { ok: true, answer: await startRegistration({ optionsJSON }) };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}

/** Gives up a key request still waiting for a touch (the person chose another way). */
export function cancelKeyRequest(): void {
  WebAuthnAbortService.cancelCeremony();
}
