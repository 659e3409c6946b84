import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import {
  maxSessionMs,
  statementText,
  type ProvenSession,
  type SessionStatement,
  type StatementProof,
  type TicketFactor,
} from '../../shared/sync/session-proof';
import type { EntrySigner } from '../store/actor';
import { newId } from '../store/ids';
import type { Tx } from '../store/open-store';
import { readSyncIdentity } from '../sync/sync-settings';
import { challengeLifetimeMs } from './challenges';

/**
 * Session keys (issue 10, item 1; shared/sync/session-proof.ts). At `beginSignIn` the desk makes
 * an ephemeral Ed25519 key pair and a session statement for the attempt; the private key lives in
 * this module's memory only — never in the database, a log or an answer. The statement becomes a
 * session once something vouches for it:
 *
 * - the person's FIDO2 key: the sign-in assertion's challenge is `statementChallenge(statement)`,
 *   and the assertion is the proof (`kind: 'webauthn'`, key-step.ts);
 * - the server, for the factors only it checks (YubiKey OTP, TOTP, recovery codes): the desk sends
 *   `pendingSession(attemptId).statement` with the factor, the server answers with its ticket, and
 *   `openTicketSession(attemptId, factor, signature)` opens the session (backup-step.ts, otp-step.ts).
 *
 * An attempt's pending session is taken once (opened or dropped); one not opened within the
 * challenge's lifetime is forgotten.
 */

/** What an attempt carries before it is proven: the statement to vouch for, and its key. */
export interface PendingSession {
  statement: SessionStatement;
  /** base64url Ed25519 signature by the session key (for tests and the ticket exchange's own use). */
  sign(text: string): string;
}

/** A proven session: what a push sends once (`proven`), and the signer of its outbox entries. */
export interface OpenSession {
  proven: ProvenSession;
  signer: EntrySigner;
}

interface Held {
  statement: SessionStatement;
  privateKey: KeyObject;
  forgetAt: number;
}

const pending = new Map<string, Held>();

/** `base64url(SHA-256(statementText(statement)))`: what the person's key signs at sign-in. */
export function statementChallenge(statement: SessionStatement): string {
  return createHash('sha256').update(statementText(statement)).digest('base64url');
}

/**
 * The device id a statement names: the id the sync server gave this desk, or — on a desk not
 * enrolled with a server, where nothing leaves the desk — its own local id.
 */
export function sessionDeviceId(tx: Tx, localDeviceId: string): string {
  return readSyncIdentity(tx)?.deviceId ?? localDeviceId;
}

/** Makes the key pair and statement of a sign-in attempt; returns the attempt's id to use. */
export function startSession(
  who: { staffId: string; deviceId: string },
  now: Date,
): { attemptId: string } & PendingSession {
  forgetExpired(now);
  const attemptId = newId();
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'jwk' }).x;
  if (typeof raw !== 'string') throw new Error('ed25519 public key without x');
  const statement: SessionStatement = {
    v: 1,
    sessionId: newId(),
    staffId: who.staffId,
    deviceId: who.deviceId,
    publicKey: raw,
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + maxSessionMs).toISOString(),
  };
  pending.set(attemptId, { statement, privateKey, forgetAt: now.getTime() + challengeLifetimeMs + 60_000 });
  return { attemptId, statement, sign: signerOf(privateKey) };
}

/** The attempt's pending session, still unproven; undefined when unknown, taken or forgotten. */
export function pendingSession(attemptId: string): PendingSession | undefined {
  const held = pending.get(attemptId);
  return held ? { statement: held.statement, sign: signerOf(held.privateKey) } : undefined;
}

/** Opens the attempt's session with its proof (taking it); undefined when there is none. */
export function openSession(attemptId: string, proof: StatementProof): OpenSession | undefined {
  const held = pending.get(attemptId);
  if (!held) return undefined;
  pending.delete(attemptId);
  const sign = signerOf(held.privateKey);
  return { proven: { statement: held.statement, proof }, signer: { sessionId: held.statement.sessionId, sign } };
}

/** The ticket path: the server checked `factor` and signed the attempt's statement. */
export function openTicketSession(attemptId: string, factor: TicketFactor, signature: string): OpenSession | undefined {
  return openSession(attemptId, { kind: 'ticket', factor, signature });
}

/** Forgets an attempt's pending session (a failed second step). */
export function dropSession(attemptId: string): void {
  pending.delete(attemptId);
}

/**
 * A session for a key pair made elsewhere in this process (the CLI's `--as` with a key touch,
 * tests): the statement and proof as given, the private key kept by the caller.
 */
export function sessionFromKey(proven: ProvenSession, privateKey: KeyObject): OpenSession {
  return { proven, signer: { sessionId: proven.statement.sessionId, sign: signerOf(privateKey) } };
}

function signerOf(privateKey: KeyObject): (text: string) => string {
  return (text) => sign(null, Buffer.from(text), privateKey).toString('base64url');
}

function forgetExpired(now: Date): void {
  for (const [id, held] of pending) if (held.forgetAt <= now.getTime()) pending.delete(id);
}
