import type { Knex } from 'knex';
import { newTotpSecret, totpUri, verifyTotpCode, type TotpCheck } from '../../../shared/auth/totp';
import { open, seal } from '../../otp/secret-box';

/**
 * TOTP kept sealed on the server: the secret is made here, its URI shown once on the enrolling
 * person's screen, and from then on only codes travel. The last accepted step is kept here, so a
 * code accepted at one desk is refused at every other at once.
 */
const secretContext = (staffId: string) => `staff_totp.secret:${staffId}`;
const pendingContext = (staffId: string) => `staff_totp.pending:${staffId}`;

interface TotpRow {
  secret_sealed: string | null;
  last_step: number | string | null;
  pending_sealed: string | null;
}

/** A new pending secret for the person (an enrolled one keeps working until confirmed). */
export async function beginTotp(
  db: Knex,
  sealKey: Uint8Array,
  person: { staffId: string; login: string },
  now: Date,
): Promise<{ uri: string; secret: string }> {
  const secret = newTotpSecret();
  await db('staff_totp')
    .insert({
      staff_id: person.staffId,
      pending_sealed: seal(sealKey, pendingContext(person.staffId), Buffer.from(secret)),
      pending_at: now,
    })
    .onConflict('staff_id')
    .merge(['pending_sealed', 'pending_at']);
  return { uri: totpUri(secret, person.login), secret };
}

export type ConfirmOutcome = { ok: true; enrolledAt: Date } | { ok: false; reason: 'no_pending' | 'wrong' };

/** The app's code makes the pending secret the person's; that code's step is spent. */
export async function confirmTotp(
  trx: Knex.Transaction,
  sealKey: Uint8Array,
  staffId: string,
  code: string,
  now: Date,
): Promise<ConfirmOutcome> {
  const row = await readRow(trx, staffId);
  if (!row?.pending_sealed) return { ok: false, reason: 'no_pending' };
  const secret = open(sealKey, pendingContext(staffId), row.pending_sealed).toString('utf8');
  const check = verifyTotpCode(secret, code, now, null);
  if (!check.ok) return { ok: false, reason: 'wrong' };
  await trx('staff_totp')
    .where({ staff_id: staffId })
    .update({
      secret_sealed: seal(sealKey, secretContext(staffId), Buffer.from(secret)),
      enrolled_at: now,
      last_step: check.step,
      pending_sealed: null,
      pending_at: null,
      legacy_secret: null,
    });
  return { ok: true, enrolledAt: now };
}

/** Checks a sign-in code; an accepted step is stored in `trx`. */
export async function checkTotp(
  trx: Knex.Transaction,
  sealKey: Uint8Array,
  staffId: string,
  code: string,
  now: Date,
): Promise<TotpCheck | { ok: false; reason: 'totp_not_enrolled' }> {
  const row = await readRow(trx, staffId);
  if (!row?.secret_sealed) return { ok: false, reason: 'totp_not_enrolled' };
  const secret = open(sealKey, secretContext(staffId), row.secret_sealed).toString('utf8');
  const lastStep = row.last_step === null ? null : Number(row.last_step);
  const check = verifyTotpCode(secret, code, now, lastStep);
  if (check.ok) await trx('staff_totp').where({ staff_id: staffId }).update({ last_step: check.step });
  return check;
}

/** Seals the secrets migration 0006 moved out of the synced rows (run at start, before serving). */
export async function sealLegacyTotpSecrets(db: Knex, sealKey: Uint8Array): Promise<number> {
  const rows = await db('staff_totp')
    .whereNotNull('legacy_secret')
    .select<{ staff_id: string; legacy_secret: string }[]>('staff_id', 'legacy_secret');
  for (const row of rows) {
    await db('staff_totp')
      .where({ staff_id: row.staff_id, legacy_secret: row.legacy_secret })
      .update({
        secret_sealed: seal(sealKey, secretContext(row.staff_id), Buffer.from(row.legacy_secret)),
        legacy_secret: null,
      });
  }
  return rows.length;
}

async function readRow(trx: Knex.Transaction, staffId: string): Promise<TotpRow | undefined> {
  return trx('staff_totp').where({ staff_id: staffId }).forUpdate().first<TotpRow>();
}
