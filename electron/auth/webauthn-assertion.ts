import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { isoBase64URL, parseAuthenticatorData } from '@simplewebauthn/server/helpers';
import { advanceKeyCounter } from '../store/local-writers/key-use';
import type { Tx } from '../store/open-store';
import type { RelyingParty } from './auth-context';
import type { FailureReason } from './attempt-audit';
import { challengeLifetimeMs } from './challenges';

/** A WebAuthn credential as the desk keeps it. */
export interface StoredKey {
  id: string;
  staff_id: string;
  credential_id: string;
  /** COSE public key, base64url: the form it syncs in. */
  public_key: string;
  counter: number;
  transports: string | null;
  revoked_at: string | null;
}

const keyColumns = 'id, staff_id, credential_id, public_key, counter, transports, revoked_at';

export function activeKeys(tx: Tx, staffId: string): StoredKey[] {
  return tx.all<StoredKey>(
    `SELECT ${keyColumns} FROM staff_keys WHERE staff_id = ? AND kind = 'webauthn' AND revoked_at IS NULL ORDER BY created_at`,
    [staffId],
  );
}

/** The person's key with this credential id, revoked or not; another person's key is not found. */
export function keyByCredential(tx: Tx, staffId: string, credentialId: string): StoredKey | undefined {
  return tx.get<StoredKey>(
    `SELECT ${keyColumns} FROM staff_keys WHERE staff_id = ? AND credential_id = ? AND kind = 'webauthn'`,
    [staffId, credentialId],
  );
}

export function keyTransports(key: StoredKey): AuthenticatorTransportFuture[] | undefined {
  return key.transports === null ? undefined : (JSON.parse(key.transports) as AuthenticatorTransportFuture[]);
}

/**
 * What the key is asked to sign. Only this person's active keys are allowed (non-discoverable
 * credentials: the login names the person, the key proves possession). User verification is
 * discouraged: the password is the knowledge factor, and a PIN prompt at every touch would be a
 * third one (and the native path on Linux has no PIN dialog).
 */
export function assertionOptions(
  rp: RelyingParty,
  challenge: string,
  keys: readonly StoredKey[],
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return generateAuthenticationOptions({
    rpID: rp.rpId,
    // The raw bytes, so that the options carry exactly the challenge stored (a string would be
    // taken as UTF-8 text and encoded again).
    challenge: new Uint8Array(Buffer.from(challenge, 'base64url')),
    allowCredentials: keys.map((key) => ({ id: key.credential_id, transports: keyTransports(key) })),
    timeout: challengeLifetimeMs,
    userVerification: 'discouraged',
  });
}

export type AssertionCheck =
  { ok: true; key: StoredKey; newCounter: number } | { ok: false; reason: FailureReason; keyId?: string };

/**
 * Checks a key's answer: the key is the person's and not revoked, the user was present, the
 * signature, challenge, origin and RP id hold, and the signature counter grew. The library is
 * given a counter of 0 so that its own counter rule cannot hide the reason: ours runs after
 * the signature, so `counter` is only ever said of a genuinely signed answer — a cloned key.
 */
export async function checkAssertion(
  rp: RelyingParty,
  challenge: string,
  answer: AuthenticationResponseJSON,
  key: StoredKey | undefined,
): Promise<AssertionCheck> {
  if (!key) return { ok: false, reason: 'key_unknown' };
  if (key.revoked_at !== null) return { ok: false, reason: 'key_revoked', keyId: key.id };
  let flags: { up: boolean };
  let counter: number;
  try {
    ({ flags, counter } = parseAuthenticatorData(isoBase64URL.toBuffer(answer.response.authenticatorData)));
  } catch {
    return { ok: false, reason: 'answer_invalid', keyId: key.id };
  }
  if (!flags.up) return { ok: false, reason: 'user_presence', keyId: key.id };
  try {
    const verified = await verifyAuthenticationResponse({
      response: answer,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpId,
      expectedType: 'webauthn.get',
      credential: {
        id: key.credential_id,
        publicKey: new Uint8Array(Buffer.from(key.public_key, 'base64url')),
        counter: 0,
        transports: keyTransports(key),
      },
      requireUserVerification: false,
    });
    if (!verified.verified) return { ok: false, reason: 'answer_invalid', keyId: key.id };
  } catch {
    return { ok: false, reason: 'answer_invalid', keyId: key.id };
  }
  // WebAuthn §6.1.1: a counter of 0 on both sides means the key keeps none; otherwise it must grow.
  if ((counter > 0 || key.counter > 0) && counter <= key.counter)
    return { ok: false, reason: 'counter', keyId: key.id };
  return { ok: true, key, newCounter: counter };
}

/**
 * Stores the new counter, unless another sign-in with the same key got there first: the update
 * only applies to the counter this check read, so two answers racing cannot both pass.
 */
export function recordKeyUse(tx: Tx, check: { key: StoredKey; newCounter: number }, at: string): boolean {
  return advanceKeyCounter(tx, { id: check.key.id, seen: check.key.counter, next: check.newCounter }, at);
}
