import type { Knex } from 'knex';
import type { IdentityState } from '../../../shared/cabinet/cabinet-api';
import type { IdentityCodeChannel } from '../../../shared/cabinet/identity-requests';
import { failuresBeforeLock, identityConfirmed } from '../../../shared/domain/online-identity';
import { findOnlineIdentity, noAttempts } from '../../portal/online-identity-row';
import type { CabinetSession } from '../session/cabinet-session-types';
import { findCard, type LinkedCard } from './linked-card';

/** The channels that reach the contacts on the clinic's card (a card made online has none). */
export function codeChannelsOf(card: LinkedCard | undefined): IdentityCodeChannel[] {
  const channels: IdentityCodeChannel[] = [];
  if (!card || card.madeOnline) return channels;
  if (card.phone) channels.push('sms');
  if (card.email) channels.push('email');
  return channels;
}

/**
 * Where the account's person stands in confirming their identity (B6): the card's
 * `online_identity` row, as the desks see it too. An account not linked to a card yet has made no
 * attempt and has no channel.
 */
export async function identityStateOf(db: Knex, session: CabinetSession): Promise<IdentityState> {
  const card = session.patientId === null ? undefined : await findCard(db, session.clinicId, session.patientId);
  const row = card ? await findOnlineIdentity(db, card.patientId, card.clinicId) : undefined;
  const counters = row?.counters ?? noAttempts;
  return {
    status: counters.status,
    confirmed: identityConfirmed(counters.status),
    failedAttempts: counters.failedAttempts,
    attemptsLeft: counters.status === 'locked' ? 0 : Math.max(failuresBeforeLock - counters.failedAttempts, 0),
    lockedAt: counters.lockedAt,
    codeChannels: codeChannelsOf(card),
  };
}
