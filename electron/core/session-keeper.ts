import type { StaffSession } from '../auth/auth-context';

/** Who is at the desk now: nobody, a person, or a person whose screen is locked (A4). */
export type SessionState =
  { state: 'signed-out' } | { state: 'active'; session: StaffSession } | { state: 'locked'; session: StaffSession };

/**
 * The one session of a desk (one window, one person at a time). It lives in the main process,
 * not in the renderer: the renderer is told, never trusted. Idle time is counted here too, from
 * the calls a person makes, so a page that stops reporting activity still locks.
 */
export class SessionKeeper {
  private current: SessionState = { state: 'signed-out' };
  private lastActivity = 0;
  /** When the person last proved who they are: sign-in, unlock, or `auth.reauthenticate`. */
  private authenticatedAt = 0;
  /** Read from the setting once per sign-in: `read` runs several times on every call. */
  private idleMs = Number.POSITIVE_INFINITY;

  constructor(private readonly idleMinutes: () => number) {}

  /** The state at `now`: an active session idle for too long is locked first. */
  read(now: Date): SessionState {
    if (this.current.state === 'active' && now.getTime() - this.lastActivity >= this.idleMs) {
      this.current = { state: 'locked', session: this.current.session };
    }
    return this.current;
  }

  /** A call the person made (not a screen's own poll). */
  touch(now: Date): void {
    if (this.current.state === 'active') this.lastActivity = now.getTime();
  }

  signIn(session: StaffSession, now: Date): void {
    this.idleMs = this.idleMinutes() * 60_000;
    this.current = { state: 'active', session };
    this.lastActivity = now.getTime();
    this.authenticatedAt = now.getTime();
  }

  /** The person at the desk typed their password or touched their key again just now. */
  reauthenticated(now: Date): void {
    if (this.current.state === 'active') this.authenticatedAt = now.getTime();
  }

  /** Milliseconds since the person last proved who they are (infinite when nobody is signed in). */
  sinceAuthenticated(now: Date): number {
    return this.current.state === 'signed-out' ? Number.POSITIVE_INFINITY : now.getTime() - this.authenticatedAt;
  }

  /**
   * The same person's session goes on, refreshed (a changed flag, a new key), with its proven
   * session key (electron/auth/session-keys.ts) unless the refreshed one brings its own.
   */
  update(session: StaffSession): void {
    if (this.current.state !== 'signed-out' && this.current.session.staffId === session.staffId) {
      const proven = session.proven ?? this.current.session.proven;
      this.current = { state: this.current.state, session: proven ? { ...session, proven } : session };
    }
  }

  lock(): void {
    if (this.current.state === 'active') this.current = { state: 'locked', session: this.current.session };
  }

  signOut(): void {
    this.current = { state: 'signed-out' };
  }
}
