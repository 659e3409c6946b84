import type { Knex } from 'knex';
import { HttpError } from '../../http/http-error';
import { codeMac } from './one-time-codes';

/**
 * Per-account lockout (A3 for the cabinet): five wrong passwords or codes in a row lock sign-in
 * and code checks for 15 minutes (423 `cabinet.locked`, with `retryAfter`). An e-mail with no
 * usable account is counted and locked the same way (`cabinet_sign_in_throttle`), so a lock says
 * nothing about whether an account exists.
 */
export const maxFailures = 5;
export const lockMs = 15 * 60_000;

/** Whose failures are counted: an account, or an e-mail that has none (unknown, not activated). */
export type LockSubject = { accountId: string } | { clinicId: string; email: string };

interface LockState {
  failed_sign_ins: number;
  locked_until: Date | string | null;
}

function throttleKey(db: Knex, subject: { clinicId: string; email: string }) {
  return { clinic_id: subject.clinicId, email_mac: codeMac(db, 'sign_in_email', subject.email) };
}

async function lockState(db: Knex, subject: LockSubject): Promise<LockState | undefined> {
  if ('accountId' in subject)
    return db('cabinet_accounts')
      .where({ id: subject.accountId })
      .first<LockState | undefined>('failed_sign_ins', 'locked_until');
  return db('cabinet_sign_in_throttle')
    .where(throttleKey(db, subject))
    .first<LockState | undefined>('failed_sign_ins', 'locked_until');
}

/** The refusal of a locked subject (423, `retryAfter` in seconds and the Retry-After header). */
export function lockedRefusal(lockedUntil: Date, now: Date): HttpError {
  const seconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  return new HttpError(423, 'cabinet.locked', {
    params: { retryAfter: seconds, minutes: Math.ceil(seconds / 60) },
    headers: { 'retry-after': String(seconds) },
  });
}

/** The lock's refusal while the subject is locked; undefined when it may try. */
export async function lockOf(db: Knex, subject: LockSubject, now: Date): Promise<HttpError | undefined> {
  const state = await lockState(db, subject);
  if (!state?.locked_until) return undefined;
  const until = new Date(state.locked_until);
  return until.getTime() > now.getTime() ? lockedRefusal(until, now) : undefined;
}

/**
 * Counts a wrong try and returns what to answer: `wrong` itself, or the lock's refusal when this
 * try was the fifth (the count starts over after the lock).
 */
export async function countFailure(db: Knex, subject: LockSubject, now: Date, wrong: HttpError): Promise<HttpError> {
  let failed: number;
  if ('accountId' in subject) {
    const rows = await db('cabinet_accounts')
      .where({ id: subject.accountId })
      .increment('failed_sign_ins', 1)
      .returning<{ failed_sign_ins: number }[]>('failed_sign_ins');
    failed = rows[0]?.failed_sign_ins ?? 1;
  } else {
    const rows = await db('cabinet_sign_in_throttle')
      .insert({ ...throttleKey(db, subject), failed_sign_ins: 1, updated_at: now })
      .onConflict(['clinic_id', 'email_mac'])
      .merge({ failed_sign_ins: db.raw('cabinet_sign_in_throttle.failed_sign_ins + 1'), updated_at: now })
      .returning<{ failed_sign_ins: number }[]>('failed_sign_ins');
    failed = rows[0]?.failed_sign_ins ?? 1;
  }
  if (failed < maxFailures) return wrong;
  const until = new Date(now.getTime() + lockMs);
  const lock = { failed_sign_ins: 0, locked_until: until };
  if ('accountId' in subject) await db('cabinet_accounts').where({ id: subject.accountId }).update(lock);
  else
    await db('cabinet_sign_in_throttle')
      .where(throttleKey(db, subject))
      .update({ ...lock, updated_at: now });
  return lockedRefusal(until, now);
}

/** A full success (signed in, code confirmed): the count starts over. */
export async function clearFailures(db: Knex, accountId: string): Promise<void> {
  await db('cabinet_accounts').where({ id: accountId }).update({ failed_sign_ins: 0, locked_until: null });
}
