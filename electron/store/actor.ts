import type { Role } from '../../shared/auth/permissions';

/**
 * Who is acting, from which workstation: the signed-in person, or the desk's setup account for
 * what happens before anyone signs in (the sign-in attempts themselves). It lives with the store
 * because every write the door makes is stamped with it (audit event, outbox entry, row history).
 */
export interface Actor {
  staffId: string;
  kind: 'setup' | 'person';
  displayName: string;
  role: Role;
  deviceId: string;
  deviceName: string;
  /**
   * Signs the outbox entries this actor writes with the key of their proven session
   * (shared/sync/session-proof.ts): present for a person signed in with a proof, absent for the
   * setup account (which never writes synced data) and for a person acting without one (a desk
   * not enrolled with a server, where nothing leaves the desk).
   */
  signer?: EntrySigner;
}

/** A session key in memory (electron/auth/session-keys.ts); the store only asks it to sign. */
export interface EntrySigner {
  sessionId: string;
  /** base64url Ed25519 signature of `text` (an `entryText`). */
  sign(text: string): string;
}
