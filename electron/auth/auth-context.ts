import { z } from 'zod';
import type { Role } from '../../shared/auth/permissions';
import { AppError } from '../../shared/errors/app-error';
import type { Actor } from '../store/actor';
import type { Clock } from '../store/clock';
import type { Store } from '../store/open-store';
import type { OpenSession } from './session-keys';
import type { YubikeyVerdict } from './yubikey-client';

/**
 * The WebAuthn relying party of one host: one fixed RP id and the origin its pages run on
 * (`localhost` + `http://localhost:<port>` for the browser host, the app's own scheme under
 * Electron). The host passes it in; services never guess it from a request.
 */
export interface RelyingParty {
  rpId: string;
  origin: string;
  /** Shown by the browser or the key's dialog while registering. */
  rpName: string;
}

const relyingPartySchema = z.strictObject({
  rpId: z.string().min(1).max(253),
  origin: z
    .string()
    .min(1)
    .max(200)
    .refine((value) => URL.canParse(value) && !value.endsWith('/'), 'origin'),
  rpName: z.string().min(1).max(100).default('Medcard Desk'),
});

/** Checks a host's RP settings once, at start-up, so that a typo fails loudly there. */
export function relyingParty(config: { rpId: string; origin: string; rpName?: string }): RelyingParty {
  const parsed = relyingPartySchema.safeParse(config);
  if (!parsed.success) {
    throw new AppError('auth.config', { params: { name: parsed.error.issues[0]?.path.join('.') || 'relyingParty' } });
  }
  return parsed.data;
}

/** What the sign-in services use; they reach nothing else. */
export interface AuthContext {
  store: Store;
  clock: Clock;
  /**
   * The desk's setup account. It is the actor of every sign-in attempt that nobody has proven
   * yet, so that a failure is never written in the name of the person it tried to be.
   */
  desk: Actor;
  rp: RelyingParty;
  /** The desk's time zone, for the odd-hours alert. */
  timeZone: string;
  /**
   * Asks the YubiKey validation authority (the central server) about a typed OTP; absent where
   * the desk has no validation client set up. Desks never validate OTPs themselves (A2).
   */
  verifyOtp?: (otp: string) => Promise<YubikeyVerdict>;
}

export type SignInFactor = 'webauthn' | 'yubikey-otp' | 'totp' | 'recovery-code';

/** Who signed in, with what, and what they must do before working. */
export interface StaffSession {
  staffId: string;
  login: string;
  displayName: string;
  role: Role;
  factor: SignInFactor | 'first-run';
  signedInAt: string;
  /** A recovery code was used, or no key is left: the UI leads to key enrolment first. */
  mustEnrolKey: boolean;
  /** An admin set the password: the UI asks for the person's own first. */
  mustChangePassword: boolean;
  /**
   * The proven session (electron/auth/session-keys.ts): its statement and proof, which pushes
   * carry, and the in-memory key that signs this person's outbox entries. Absent for a session
   * nothing vouches for (the first run on a desk not yet enrolled with a server).
   */
  proven?: OpenSession;
}

/** The actor a signed-in person's calls run as, on this desk. */
export function sessionActor(session: StaffSession, desk: Actor): Actor {
  return {
    staffId: session.staffId,
    kind: 'person',
    displayName: session.displayName,
    role: session.role,
    deviceId: desk.deviceId,
    deviceName: desk.deviceName,
    ...(session.proven ? { signer: session.proven.signer } : {}),
  };
}
