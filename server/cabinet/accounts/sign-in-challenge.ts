import type { Knex } from 'knex';
import { HttpError } from '../../http/http-error';
import { codeOwner, issueCode } from './one-time-codes';

/**
 * A sign-in's first step passed (the password was right): the challenge the second step answers
 * with a one-time code. Kept like a code (`cabinet_codes`, purpose `sign_in_challenge`, hashed),
 * valid 10 minutes, spent by the sign-in it completes; a newer challenge replaces it.
 */
const purpose = 'sign_in_challenge';
export const challengeTtlMs = 10 * 60_000;

export function openChallenge(db: Knex, accountId: string, now: Date): Promise<string> {
  return issueCode(db, { accountId, purpose, channel: 'password', length: 0, ttlMs: challengeTtlMs, now });
}

/** The live challenge's row and account; 400 `cabinet.sign_in.challenge` when unknown, spent or expired. */
export async function liveChallenge(
  db: Knex,
  challengeId: string,
  now: Date,
): Promise<{ id: string; accountId: string }> {
  const challenge = await codeOwner(db, purpose, challengeId);
  if (!challenge || challenge.usedAt !== null || challenge.expiresAt.getTime() <= now.getTime())
    throw new HttpError(400, 'cabinet.sign_in.challenge', { field: 'challengeId' });
  return { id: challenge.id, accountId: challenge.accountId };
}

/** The sign-in is complete: the challenge cannot be answered again. */
export async function spendChallenge(db: Knex, id: string, now: Date): Promise<void> {
  await db('cabinet_codes').where({ id }).whereNull('used_at').update({ used_at: now });
}
