import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { ErrorCode } from '../../../shared/errors/catalog';
import type { Mutation } from '../../../shared/sync/protocol';
import { entryText, type SessionStatement } from '../../../shared/sync/session-proof';

/** The session's Ed25519 public key from the statement's 32 raw bytes. */
export function sessionPublicKey(statement: SessionStatement): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: statement.publicKey }, format: 'jwk' });
}

/**
 * One entry against its verified session: the entry's time within the session, its signature by
 * the session key, its actor the statement's person, and who-fields naming that person.
 */
export function refuseEntry(
  mutation: Mutation,
  statement: SessionStatement,
  publicKey: KeyObject,
  isNew: boolean,
): ErrorCode | null {
  if (mutation.actorId !== statement.staffId) return 'sync.proof.actor_mismatch';
  // The entry's own time, not the push's: an offline session's changes arrive later.
  const at = Date.parse(mutation.at);
  if (!(at >= Date.parse(statement.issuedAt) && at <= Date.parse(statement.expiresAt))) return 'sync.proof.expired';
  const signature = Buffer.from(mutation.signature ?? '', 'base64url');
  const text = entryText({ ...mutation, sessionId: statement.sessionId });
  if (signature.length !== 64 || !verify(null, Buffer.from(text), publicKey, signature)) return 'sync.proof.signature';
  const { updated_by: updatedBy, created_by: createdBy } = mutation.changed;
  if (updatedBy !== undefined && updatedBy !== null && updatedBy !== statement.staffId) return 'sync.proof.updated_by';
  if (isNew && createdBy !== undefined && createdBy !== null && createdBy !== statement.staffId)
    return 'sync.proof.updated_by';
  return null;
}
