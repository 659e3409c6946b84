import { z } from 'zod';
import { canonicalJson } from '../canonical-json';

/**
 * Proof of who made a synced change (issue 10, A1–A6). A desk's device key and database alone
 * cannot produce it: at sign-in the desk makes an ephemeral Ed25519 session key pair, kept in
 * memory only, and states it in a *session statement*. The statement is vouched for either by the
 * person's FIDO2 key (a WebAuthn assertion whose challenge is `statementChallenge`, checked by the
 * server against the person's registered credential) or, for factors only the server can check
 * (YubiKey OTP, TOTP, recovery codes), by a *ticket*: the server's own Ed25519 signature of
 * `statementText`. Each outbox entry is signed with the session key when it is written.
 *
 * The sides: shared/ holds the shapes and the exact texts that are signed (no node: crypto
 * here); the desk signs (electron/), the server verifies (server/).
 */

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'base64url');

/** A session lives at most this long: a desk's work day, then sign in again. */
export const maxSessionMs = 16 * 60 * 60 * 1000;

export const sessionStatementSchema = z.strictObject({
  v: z.literal(1),
  /** The session's id: outbox entries name it. */
  sessionId: z.uuid(),
  staffId: z.uuid(),
  /** The desk the session was opened on: a statement replayed from another device is refused. */
  deviceId: z.uuid(),
  /** Ed25519 public key, the 32 raw bytes in base64url. */
  publicKey: base64url.length(43),
  issuedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type SessionStatement = z.infer<typeof sessionStatementSchema>;

export const ticketFactors = ['yubikey-otp', 'totp', 'recovery-code'] as const;
export type TicketFactor = (typeof ticketFactors)[number];

export const statementProofSchema = z.discriminatedUnion('kind', [
  /** The person's key signed the statement: the WebAuthn assertion, as the key answered it. */
  z.strictObject({
    kind: z.literal('webauthn'),
    credentialId: base64url.max(1024),
    clientDataJSON: base64url.max(4096),
    authenticatorData: base64url.max(4096),
    signature: base64url.max(1024),
  }),
  /** The server checked a factor only it can check and signed the statement (`ticketText`). */
  z.strictObject({
    kind: z.literal('ticket'),
    factor: z.enum(ticketFactors),
    /** base64url Ed25519 signature by the server's ticket key. */
    signature: base64url.max(128),
  }),
]);
export type StatementProof = z.infer<typeof statementProofSchema>;

/** A statement with what vouches for it: what a desk sends once per session with a push. */
export const provenSessionSchema = z.strictObject({
  statement: sessionStatementSchema,
  proof: statementProofSchema,
});
export type ProvenSession = z.infer<typeof provenSessionSchema>;

/** The exact text a statement is, for hashing and signing. */
export function statementText(statement: SessionStatement): string {
  return canonicalJson(statement);
}

/** The exact text the server's ticket signs: the factor is part of it. */
export function ticketText(statement: SessionStatement, factor: TicketFactor): string {
  return `medcard-ticket-v1\n${factor}\n${statementText(statement)}`;
}

/** What each outbox entry's session signature covers: the mutation as pushed, and the session. */
export interface SignedEntry {
  mutationId: string;
  table: string;
  rowId: string;
  baseVersion: number;
  changed: Record<string, unknown>;
  actorId: string;
  at: string;
  sessionId: string;
}

/** The exact text a session key signs for one outbox entry (the changed fields canonically ordered). */
export function entryText(entry: SignedEntry): string {
  const { mutationId, table, rowId, baseVersion, changed, actorId, at, sessionId } = entry;
  return `medcard-entry-v1\n${canonicalJson({ mutationId, table, rowId, baseVersion, changed, actorId, at, sessionId })}`;
}
