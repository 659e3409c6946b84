import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type VerifiedRegistrationResponse,
} from '@simplewebauthn/server';
import type { z } from 'zod';
import { authCalls } from '../../shared/api/auth-calls';
import { AppError } from '../../shared/errors/app-error';
import type { Actor } from '../store/actor';
import { appendAudit } from '../store/audit-log';
import { setEnrolledKeyCounter } from '../store/local-writers/key-use';
import type { Tx } from '../store/open-store';
import { insertSyncedRow, updateSyncedRow } from '../store/record-door';
import type { AuthContext } from './auth-context';
import { challengeLifetimeMs, consumeChallenge, issueChallenge } from './challenges';
import { parseInput } from '../../shared/errors/zod-issues';
import { updateStaff } from './person-rows';
import { assertSelfOrAdmin, requirePerson } from './staff-records';
import { activeKeys, keyTransports } from './webauthn-assertion';

/** A key as the person and the admin see it; the public key itself stays inside. */
export interface KeySummary {
  id: string;
  kind: 'webauthn' | 'yubikey-otp';
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const beginSchema = authCalls['account.beginKeyEnrolment'].input;
const finishSchema = authCalls['account.finishKeyEnrolment'].input;
const keyRefSchema = authCalls['account.revokeKey'].input;
const keysOfSchema = authCalls['account.keys'].input;

export interface KeyEnrolmentStep {
  attemptId: string;
  expiresAt: string;
  /** For HardwareKeyPort.create / navigator.credentials.create. */
  publicKey: PublicKeyCredentialCreationOptionsJSON;
}

/**
 * Starts registering a security key for a person: by the person, or by an admin with the person
 * and the key at the desk. A person may have several keys, each with a name ("blue key",
 * "spare"). Non-discoverable credentials, attestation 'none' (which keys a clinic buys is not
 * the desk's to police), user verification discouraged (the password is the knowledge factor).
 */
export async function beginKeyEnrolment(
  auth: AuthContext,
  actor: Actor,
  input: z.input<typeof beginSchema>,
): Promise<KeyEnrolmentStep> {
  const { staffId } = parseInput(beginSchema, input);
  const now = auth.clock.now();
  const step = auth.store.transaction((tx) => {
    assertSelfOrAdmin(tx, actor, staffId);
    const person = requirePerson(tx, staffId);
    if (person.active !== 1) throw new AppError('staff.inactive');
    return { person, issued: issueChallenge(tx, staffId, 'register', now), keys: activeKeys(tx, staffId) };
  });
  const publicKey = await generateRegistrationOptions({
    rpName: auth.rp.rpName,
    rpID: auth.rp.rpId,
    userName: step.person.login,
    userDisplayName: step.person.display_name,
    // The user handle is the account's id, not a name: it is stored on the key.
    userID: new TextEncoder().encode(step.person.id),
    challenge: new Uint8Array(Buffer.from(step.issued.challenge, 'base64url')),
    timeout: challengeLifetimeMs,
    attestationType: 'none',
    // The same key twice would be one factor counted as two keys.
    excludeCredentials: step.keys.map((key) => ({ id: key.credential_id, transports: keyTransports(key) })),
    authenticatorSelection: { residentKey: 'discouraged', requireResidentKey: false, userVerification: 'discouraged' },
    preferredAuthenticatorType: 'securityKey',
  });
  return { attemptId: step.issued.id, expiresAt: step.issued.expiresAt, publicKey };
}

/** Checks the key's registration answer and stores the credential under its name. */
export async function finishKeyEnrolment(
  auth: AuthContext,
  actor: Actor,
  input: z.input<typeof finishSchema>,
): Promise<KeySummary> {
  const { attemptId, name, answer } = parseInput(finishSchema, input);
  const now = auth.clock.now();
  const taken = auth.store.transaction((tx) => {
    const consumed = consumeChallenge(tx, attemptId, 'register', now);
    return consumed.ok && consumed.staffId !== null
      ? { staffId: consumed.staffId, challenge: consumed.challenge }
      : undefined;
  });
  if (!taken) throw new AppError('auth.challenge.expired');

  let verified: VerifiedRegistrationResponse;
  try {
    verified = await verifyRegistrationResponse({
      response: answer,
      expectedChallenge: taken.challenge,
      expectedOrigin: auth.rp.origin,
      expectedRPID: auth.rp.rpId,
      expectedType: 'webauthn.create',
      requireUserPresence: true,
      requireUserVerification: false,
    });
  } catch {
    verified = { verified: false };
  }
  const at = auth.clock.now().toISOString();
  const result = auth.store.transaction((tx) => {
    assertSelfOrAdmin(tx, actor, taken.staffId);
    if (!verified.verified) {
      appendAudit(tx, actor, at, { action: 'auth.key.enrolment_failed', details: { staffId: taken.staffId } });
      return undefined;
    }
    const { credential, aaguid } = verified.registrationInfo;
    if (tx.get<{ one: number }>('SELECT 1 AS one FROM staff_keys WHERE credential_id = ?', [credential.id])) {
      throw new AppError('auth.key.taken');
    }
    // Public data only, synced to every desk; the signature counter stays on this one.
    const keyId = insertSyncedRow({ tx, actor, at }, 'staff_keys', {
      staff_id: taken.staffId,
      kind: 'webauthn',
      name,
      credential_id: credential.id,
      public_key: Buffer.from(credential.publicKey).toString('base64url'),
      transports: credential.transports ? JSON.stringify(credential.transports) : null,
      aaguid,
      yubikey_public_id: null,
      revoked_at: null,
      revoked_by: null,
    });
    setEnrolledKeyCounter(tx, keyId, credential.counter);
    updateStaff(tx, actor, at, taken.staffId, { must_enrol_key: 0 });
    appendAudit(tx, actor, at, {
      action: 'auth.key.enrolled',
      details: { staffId: taken.staffId, keyId, name, aaguid },
    });
    return keySummary(tx, keyId);
  });
  if (!result) throw new AppError('auth.key.enrolment_failed');
  return result;
}

/**
 * A lost or retired key stops working at once. Revoking the last one is allowed (a lost key
 * must be stopped even then); the person is then asked to enrol a new one.
 */
export function revokeKey(auth: AuthContext, actor: Actor, input: z.input<typeof keyRefSchema>): KeySummary {
  const { keyId } = parseInput(keyRefSchema, input);
  const at = auth.clock.now().toISOString();
  return auth.store.transaction((tx) => {
    const key = tx.get<{ staff_id: string; revoked_at: string | null }>(
      'SELECT staff_id, revoked_at FROM staff_keys WHERE id = ?',
      [keyId],
    );
    if (!key) throw new AppError('auth.key.not_found');
    assertSelfOrAdmin(tx, actor, key.staff_id);
    if (key.revoked_at === null) {
      updateSyncedRow({ tx, actor, at }, 'staff_keys', keyId, { revoked_at: at, revoked_by: actor.staffId });
      if (activeKeys(tx, key.staff_id).length === 0) updateStaff(tx, actor, at, key.staff_id, { must_enrol_key: 1 });
      appendAudit(tx, actor, at, { action: 'auth.key.revoked', details: { staffId: key.staff_id, keyId } });
    }
    return keySummary(tx, keyId);
  });
}

export function listKeys(auth: AuthContext, actor: Actor, input: z.input<typeof keysOfSchema>): KeySummary[] {
  const { staffId } = parseInput(keysOfSchema, input);
  return auth.store.transaction((tx) => {
    assertSelfOrAdmin(tx, actor, staffId);
    return tx
      .all<{ id: string }>('SELECT id FROM staff_keys WHERE staff_id = ? ORDER BY created_at', [staffId])
      .map((row) => keySummary(tx, row.id));
  });
}

export function keySummary(tx: Tx, keyId: string): KeySummary {
  const row = tx.get<{
    id: string;
    kind: 'webauthn' | 'yubikey-otp';
    name: string;
    created_at: string;
    last_used_at: string | null;
    revoked_at: string | null;
  }>('SELECT id, kind, name, created_at, last_used_at, revoked_at FROM staff_keys WHERE id = ?', [keyId]);
  if (!row) throw new AppError('auth.key.not_found');
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
