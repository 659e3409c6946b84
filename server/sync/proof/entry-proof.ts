import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { ErrorCode } from '../../../shared/errors/catalog';
import type { Mutation } from '../../../shared/sync/protocol';
import { entryText, type SessionStatement } from '../../../shared/sync/session-proof';

/** The session's Ed25519 public key from the statement's 32 raw bytes. */
export function sessionPublicKey(statement: SessionStatement): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: statement.publicKey }, format: 'jwk' });
}

/**
 * Whether the entry's signature is the session key's over its text. Pure CPU, no database: a push
 * checks its entries' signatures before it takes the change-log lock (push-proofs.ts `precheck`).
 */
export function entrySignatureHolds(mutation: Mutation, statement: SessionStatement, publicKey: KeyObject): boolean {
  const signature = Buffer.from(mutation.signature ?? '', 'base64url');
  if (signature.length !== 64) return false;
  const text = entryText({ ...mutation, sessionId: statement.sessionId });
  return verify(null, Buffer.from(text), publicKey, signature);
}

/**
 * One entry against its verified session: the entry's time within the session, its signature by
 * the session key (`signatureHolds`: entrySignatureHolds, perhaps answered before the lock), its
 * actor the statement's person, and who-fields naming that person.
 */
export function refuseEntry(
  mutation: Mutation,
  statement: SessionStatement,
  signatureHolds: () => boolean,
  isNew: boolean,
): ErrorCode | null {
  if (mutation.actorId !== statement.staffId) return 'sync.proof.actor_mismatch';
  // The entry's own time, not the push's: an offline session's changes arrive later.
  const at = Date.parse(mutation.at);
  if (!(at >= Date.parse(statement.issuedAt) && at <= Date.parse(statement.expiresAt))) return 'sync.proof.expired';
  if (!signatureHolds()) return 'sync.proof.signature';
  const { updated_by: updatedBy, created_by: createdBy } = mutation.changed;
  if (updatedBy !== undefined && updatedBy !== null && updatedBy !== statement.staffId) return 'sync.proof.updated_by';
  if (isNew && createdBy !== undefined && createdBy !== null && createdBy !== statement.staffId)
    return 'sync.proof.updated_by';
  return null;
}
