import type { Knex } from 'knex';

/**
 * Wrong second-factor codes counted per person on the server, by the desk's lockout rules
 * (electron/auth/lockout.ts defaults): five wrong in a row lock for fifteen minutes; failures
 * older than the lock window stop counting; a right code clears them. So guessing online is
 * bounded for everyone at once, whichever desks the guesses come from.
 */
export const factorLockout = { maxAttempts: 5, lockMinutes: 15 } as const;

interface StateRow {
  failed_attempts: number;
  last_failed_at: Date | string | null;
  locked_until: Date | string | null;
}

const toMs = (value: Date | string | null): number | null => (value === null ? null : new Date(value).getTime());

/** Minutes the person is still locked for (row locked for the rest of `trx`), or null. */
export async function lockedMinutes(trx: Knex.Transaction, staffId: string, now: Date): Promise<number | null> {
  const row = await readState(trx, staffId);
  const until = toMs(row?.locked_until ?? null);
  if (until === null || until <= now.getTime()) return null;
  return Math.ceil((until - now.getTime()) / 60_000);
}

/** Counts one wrong code; returns the attempts left (0 when this one locked). */
export async function countFailure(trx: Knex.Transaction, staffId: string, now: Date): Promise<number> {
  const row = await readState(trx, staffId);
  const windowMs = factorLockout.lockMinutes * 60_000;
  const last = toMs(row?.last_failed_at ?? null);
  const stale = last === null || now.getTime() - last > windowMs;
  const failures = (stale ? 0 : (row?.failed_attempts ?? 0)) + 1;
  const locks = failures >= factorLockout.maxAttempts;
  await trx('staff_factor_state')
    .insert({
      staff_id: staffId,
      failed_attempts: locks ? 0 : failures,
      last_failed_at: now,
      locked_until: locks ? new Date(now.getTime() + windowMs) : null,
    })
    .onConflict('staff_id')
    .merge(['failed_attempts', 'last_failed_at', 'locked_until']);
  return locks ? 0 : factorLockout.maxAttempts - failures;
}

export async function clearFailures(trx: Knex.Transaction, staffId: string): Promise<void> {
  await trx('staff_factor_state')
    .where({ staff_id: staffId })
    .update({ failed_attempts: 0, last_failed_at: null, locked_until: null });
}

/** The person's row, locked FOR UPDATE so two desks guessing at once are counted one after the other. */
async function readState(trx: Knex.Transaction, staffId: string): Promise<StateRow | undefined> {
  await trx.raw('INSERT INTO staff_factor_state (staff_id) VALUES (?) ON CONFLICT (staff_id) DO NOTHING', [staffId]);
  return trx('staff_factor_state').where({ staff_id: staffId }).forUpdate().first<StateRow>();
}
