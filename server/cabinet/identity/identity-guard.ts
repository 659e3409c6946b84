import type { Knex } from 'knex';
import { identityConfirmed } from '../../../shared/domain/online-identity';
import { HttpError } from '../../http/http-error';
import { findOnlineIdentity, noAttempts } from '../../portal/online-identity-row';
import { recordIdentityAttempt, type IdentityAttempt } from '../../portal/identity-attempts';
import type { LinkedCard } from './linked-card';

/**
 * Refuses an attempt that cannot count: identity already confirmed (409), or online
 * confirmation locked after three failures (423, the patient is queued at the desk).
 */
export async function requireOpenConfirmation(db: Knex, card: LinkedCard): Promise<void> {
  const counters = (await findOnlineIdentity(db, card.patientId, card.clinicId))?.counters ?? noAttempts;
  if (identityConfirmed(counters.status)) throw new HttpError(409, 'cabinet.identity.already_confirmed');
  if (counters.status === 'locked')
    throw new HttpError(423, 'portal.identity_locked', { params: { failures: counters.failedAttempts } });
}

/**
 * Feeds one attempt to the B6 counter (server/portal/identity-attempts.ts). A failure is refused
 * with `wrongCode` and the attempts left — or, when it is the third in a row, with the lock (423).
 */
export async function countAttempt(
  db: Knex,
  card: LinkedCard,
  attempt: Omit<IdentityAttempt, 'patientId'>,
  now: Date,
  wrongCode: 'cabinet.identity.code_wrong' | 'cabinet.identity.document_mismatch',
): Promise<void> {
  const answer = await recordIdentityAttempt(db, { ...attempt, patientId: card.patientId }, now, card.clinicId);
  if (attempt.outcome === 'passed') return;
  if (answer.status === 'locked')
    throw new HttpError(423, 'portal.identity_locked', { params: { failures: answer.failedAttempts } });
  throw new HttpError(422, wrongCode, { params: { left: answer.attemptsLeft } });
}
