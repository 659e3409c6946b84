import { createPrivateKey, createPublicKey, hkdfSync, sign, verify, type KeyObject } from 'node:crypto';
import { ticketText, type SessionStatement, type TicketFactor } from '../../shared/sync/session-proof';

/**
 * The server's ticket key (shared/sync/session-proof.ts): an Ed25519 key derived from the
 * server's master key, so every instance sharing that key signs and checks the same tickets and
 * nothing new has to be stored. A ticket says: this server checked `factor` for the statement's
 * person, and vouches for the statement's session key.
 */
export interface TicketKey {
  sign(statement: SessionStatement, factor: TicketFactor): string;
  verify(statement: SessionStatement, factor: TicketFactor, signature: string): boolean;
}

// PKCS#8 DER of an Ed25519 private key, before its 32-byte seed (RFC 8410).
const pkcs8Ed25519Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');

export function deriveTicketKey(serverKey: Uint8Array): TicketKey {
  const seed = Buffer.from(hkdfSync('sha256', serverKey, Buffer.alloc(0), 'medcard session tickets v1', 32));
  const privateKey: KeyObject = createPrivateKey({
    key: Buffer.concat([pkcs8Ed25519Prefix, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey);
  return {
    sign: (statement, factor) =>
      sign(null, Buffer.from(ticketText(statement, factor)), privateKey).toString('base64url'),
    verify: (statement, factor, signature) => {
      const bytes = Buffer.from(signature, 'base64url');
      if (bytes.length !== 64) return false;
      return verify(null, Buffer.from(ticketText(statement, factor)), publicKey, bytes);
    },
  };
}
