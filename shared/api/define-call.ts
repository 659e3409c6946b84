import type { z } from 'zod';
import type { Permission } from '../auth/permissions';

/** One call of the contract: what it takes, what it answers, and who may make it. */
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /**
   * What the signed-in person's role must allow. `public`: also before anyone signs in (the
   * sign-in steps themselves, and asking who is signed in); such a call runs as the desk.
   */
  permission: Permission | 'public';
  /** The call changes synced data: the sync worker is told at once rather than at its next poll. */
  writes?: boolean;
  /**
   * `allowed`: the call works while the session is locked (the lock screen's own calls).
   * Every other call of a locked session is refused with `auth.session_locked`.
   */
  whileLocked?: 'allowed';
  /** A poll made by the screen itself, not by the person: it does not keep the session awake. */
  passive?: true;
  /**
   * The call changes how the person proves who they are (a key, TOTP, recovery codes): it needs
   * the password or a key touch within the last five minutes, else `auth.reauth_required`.
   */
  recentAuth?: true;
}

export function defineCall<I extends z.ZodType, O extends z.ZodType>(spec: CallSpec<I, O>): CallSpec<I, O> {
  return spec;
}
