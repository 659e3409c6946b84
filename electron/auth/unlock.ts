import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { z } from 'zod';
import { staffIdSchema } from '../../shared/api/auth-calls';
import { AppError } from '../../shared/errors/app-error';
import type { AuthContext, StaffSession } from './auth-context';
import { lockoutPolicy } from './auth-settings';
import { issueChallenge } from './challenges';
import { finishWithKey, type KeyAnswerInput } from './key-step';
import { parseInput } from '../../shared/errors/zod-issues';
import { lockMinutesLeft, readFailures, settleFailures } from './lockout';
import { findPerson } from './staff-records';
import { activeKeys, assertionOptions } from './webauthn-assertion';

// Not a call's input: `auth.beginUnlock` takes nothing, the locked person comes from the session.
const beginUnlockSchema = z.strictObject({ staffId: staffIdSchema });

export interface UnlockStep {
  attemptId: string;
  expiresAt: string;
  publicKey: PublicKeyCredentialRequestOptionsJSON;
}

/**
 * The lock screen of a shared desk (A4): the person whose session was locked touches their key
 * and carries on. No password: the session was opened with two factors minutes ago and the key
 * is the one in their hand; anyone else uses "switch user", which signs in from the start.
 * A person with no key (signed in with a backup factor) gets `auth.key.none` and signs in again.
 */
export async function beginUnlock(auth: AuthContext, input: z.input<typeof beginUnlockSchema>): Promise<UnlockStep> {
  const { staffId } = parseInput(beginUnlockSchema, input);
  const now = auth.clock.now();
  const step = auth.store.transaction((tx) => {
    const person = findPerson(tx, staffId);
    if (!person || person.active !== 1) throw new AppError('auth.challenge.expired');
    const lockedFor = lockMinutesLeft(
      settleFailures(readFailures(tx, { kind: 'staff', staffId }), lockoutPolicy(tx), now),
      now,
    );
    if (lockedFor !== null) throw new AppError('auth.locked', { params: { minutes: lockedFor } });
    const keys = activeKeys(tx, staffId);
    if (keys.length === 0) throw new AppError('auth.key.none');
    return { issued: issueChallenge(tx, staffId, 'unlock', now), keys };
  });
  return {
    attemptId: step.issued.id,
    expiresAt: step.issued.expiresAt,
    publicKey: await assertionOptions(auth.rp, step.issued.challenge, step.keys),
  };
}

/** The key's answer on the lock screen; failures count towards the same lockout as sign-in. */
export function finishUnlock(auth: AuthContext, input: KeyAnswerInput): Promise<StaffSession> {
  return finishWithKey(auth, input, 'unlock', 'unlock');
}
