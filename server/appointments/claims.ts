import type { Knex } from 'knex';
import type { BusyInterval } from '../../shared/appointments/schedule';

/**
 * The slots bookings occupy (`appointment_claims`, migration 0012), where two bookings of one time
 * become impossible: the table's exclusion constraints refuse a claim that overlaps another of the
 * same specialist, room or patient, whichever transaction commits first. Every booking path claims
 * here — a desk's push (appointment-rule.ts) and the cabinet's hold (booking.ts) — so the race is
 * decided by PostgreSQL, not by what each path read a moment earlier.
 *
 * A claim is made in a SAVEPOINT: its refusal (23P01) rolls back the claim alone, and the caller's
 * transaction (a whole push) goes on to answer the other mutations.
 */
export interface Claim {
  /** The appointment's id (a cabinet hold's id is the id of the appointment it will become). */
  id: string;
  clinicId: string;
  specialistId: string;
  roomId: string | null;
  patientId: string;
  serviceTypeId: string;
  startsAt: string;
  endsAt: string;
  /** A cabinet hold's end; null for a booking. */
  holdExpiresAt: Date | null;
  /** The cabinet account that holds it. */
  accountId: string | null;
  /**
   * Claims of one group never stand in each other's way: a booking is a group of its own (its
   * id); the claim of its move joins the booking's group. Read back on every claim.
   */
  group?: string;
}

export type ClaimRefusal = 'appointments.slot.taken' | 'appointments.slot.patient_busy';

export type ClaimOutcome = { claimed: true } | { claimed: false; code: ClaimRefusal };

/** Which constraint refused a claim → what the person is told. */
const refusals: Readonly<Record<string, ClaimRefusal>> = {
  appointment_claims_specialist: 'appointments.slot.taken',
  appointment_claims_room: 'appointments.slot.taken',
  appointment_claims_patient: 'appointments.slot.patient_busy',
};

function refusalOf(error: unknown): ClaimRefusal | null {
  const { code, constraint, message } = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (code !== '23P01') return null;
  // node-postgres names the constraint; PGlite's error names it in its message only.
  const name =
    typeof constraint === 'string'
      ? constraint
      : Object.keys(refusals).find((known) => String(message ?? '').includes(`"${known}"`));
  return (name === undefined ? undefined : refusals[name]) ?? 'appointments.slot.taken';
}

/** Lapsed holds that stand in this claim's way go first (the sweep takes the rest). */
async function dropLapsedHolds(trx: Knex.Transaction, claim: Claim, now: Date): Promise<void> {
  await trx.raw(
    `DELETE FROM appointment_claims
     WHERE clinic_id = ? AND hold_expires_at <= ? AND during && tstzrange(?, ?, '[)')
       AND (specialist_id = ? OR room_id = ? OR patient_id = ?)`,
    [claim.clinicId, now, claim.startsAt, claim.endsAt, claim.specialistId, claim.roomId, claim.patientId],
  );
}

/**
 * Claims the claim's time, or says which constraint refused it. `replaces`: a move — the new claim
 * joins the moved booking's group, so the booking's own time does not stand in its way (fifteen
 * minutes later, the same doctor) while the old claim is still held; the caller frees the old one
 * once the new one is made. A move onto a time someone else holds is refused, the old claim intact.
 */
export async function claimSlot(
  trx: Knex.Transaction,
  claim: Claim,
  now: Date,
  options: { replaces?: string | null } = {},
): Promise<ClaimOutcome> {
  await dropLapsedHolds(trx, claim, now);
  const replaced = options.replaces ? await findClaim(trx, claim.clinicId, options.replaces) : undefined;
  const group = claim.group ?? replaced?.group ?? claim.id;
  try {
    await trx.transaction(async (savepoint) => {
      await savepoint.raw(
        `INSERT INTO appointment_claims
           (id, clinic_id, specialist_id, room_id, patient_id, service_type_id, during, claim_group,
            hold_expires_at, account_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, tstzrange(?, ?, '[)'), ?, ?, ?, ?)`,
        [
          claim.id,
          claim.clinicId,
          claim.specialistId,
          claim.roomId,
          claim.patientId,
          claim.serviceTypeId,
          claim.startsAt,
          claim.endsAt,
          group,
          claim.holdExpiresAt,
          claim.accountId,
          now,
        ],
      );
    });
    return { claimed: true };
  } catch (error) {
    const code = refusalOf(error);
    if (code === null) throw error;
    return { claimed: false, code };
  }
}

/** Frees a booking's time (a cancellation, the old time of a move); true when it held one. */
export async function releaseClaim(trx: Knex.Transaction | Knex, clinicId: string, id: string): Promise<boolean> {
  const deleted = await trx.raw<{ rows: unknown[] }>(
    'DELETE FROM appointment_claims WHERE clinic_id = ? AND id = ? RETURNING id',
    [clinicId, id],
  );
  return deleted.rows.length > 0;
}

export interface HeldClaim extends Claim {
  group: string;
  createdAt: Date;
}

interface ClaimRow {
  id: string;
  clinic_id: string;
  specialist_id: string;
  room_id: string | null;
  patient_id: string;
  service_type_id: string;
  starts_at: Date | string;
  ends_at: Date | string;
  claim_group: string;
  hold_expires_at: Date | string | null;
  account_id: string | null;
  created_at: Date | string;
}

const instantOf = (value: Date | string): string => new Date(value).toISOString();

function claimOf(row: ClaimRow): HeldClaim {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    specialistId: row.specialist_id,
    roomId: row.room_id,
    patientId: row.patient_id,
    serviceTypeId: row.service_type_id,
    startsAt: instantOf(row.starts_at),
    endsAt: instantOf(row.ends_at),
    holdExpiresAt: row.hold_expires_at === null ? null : new Date(row.hold_expires_at),
    accountId: row.account_id,
    group: row.claim_group,
    createdAt: new Date(row.created_at),
  };
}

const claimColumns = `id, clinic_id, specialist_id, room_id, patient_id, service_type_id,
  lower(during) AS starts_at, upper(during) AS ends_at, claim_group, hold_expires_at, account_id, created_at`;

/** One claim of the clinic, held or confirmed, lapsed or not. */
export async function findClaim(
  trx: Knex.Transaction | Knex,
  clinicId: string,
  id: string,
): Promise<HeldClaim | undefined> {
  const result = await trx.raw<{ rows: ClaimRow[] }>(
    `SELECT ${claimColumns} FROM appointment_claims WHERE clinic_id = ? AND id = ?`,
    [clinicId, id],
  );
  const row = result.rows[0];
  return row && claimOf(row);
}

export type HoldOutcome =
  | { confirmed: true; claim: HeldClaim }
  | { confirmed: false; code: 'appointments.hold.not_found' | 'appointments.hold.expired' };

/** Drops the account's live holds in a group (a move's earlier tries: one hold per move at a time). */
export async function dropHoldsOf(
  trx: Knex.Transaction,
  clinicId: string,
  accountId: string,
  group: string,
): Promise<void> {
  await trx.raw(
    `DELETE FROM appointment_claims
     WHERE clinic_id = ? AND account_id = ? AND claim_group = ? AND hold_expires_at IS NOT NULL`,
    [clinicId, accountId, group],
  );
}

/**
 * Makes the account's live hold a booking (its time stays claimed, now without end). A lapsed one
 * is dropped: its time may already be someone else's.
 */
export async function confirmHold(
  trx: Knex.Transaction,
  clinicId: string,
  holdId: string,
  accountId: string,
  now: Date,
  /** The group the hold must belong to: the moved booking's for a move; its own for a new booking. */
  group: string = holdId,
): Promise<HoldOutcome> {
  const held = await findClaim(trx, clinicId, holdId);
  if (!held || held.accountId !== accountId || held.holdExpiresAt === null || held.group !== group) {
    return { confirmed: false, code: 'appointments.hold.not_found' };
  }
  if (held.holdExpiresAt.getTime() <= now.getTime()) {
    await releaseClaim(trx, clinicId, holdId);
    return { confirmed: false, code: 'appointments.hold.expired' };
  }
  await trx('appointment_claims').where({ clinic_id: clinicId, id: holdId }).update({ hold_expires_at: null });
  return { confirmed: true, claim: { ...held, holdExpiresAt: null } };
}

/** Deletes every lapsed hold (the periodic sweep); returns how many. */
export async function sweepLapsedHolds(db: Knex, now: Date): Promise<number> {
  // RETURNING: PGlite's driver answers a bare DELETE with its raw result, not a count.
  const deleted = await db.raw<{ rows: unknown[] }>(
    'DELETE FROM appointment_claims WHERE hold_expires_at <= ? RETURNING id',
    [now],
  );
  return deleted.rows.length;
}

/**
 * What occupies time in `[from, to)` in the clinic — bookings and live holds — as the slot engine
 * reads it. `except`: a booking being moved does not stand in its own way.
 */
export async function busyBetween(
  trx: Knex.Transaction | Knex,
  clinicId: string,
  range: { from: string; to: string },
  now: Date,
  except: string | null = null,
): Promise<BusyInterval[]> {
  const result = await trx.raw<{ rows: ClaimRow[] }>(
    `SELECT ${claimColumns} FROM appointment_claims
     WHERE clinic_id = ? AND during && tstzrange(?, ?, '[)')
       AND (hold_expires_at IS NULL OR hold_expires_at > ?) AND id <> ?`,
    [clinicId, range.from, range.to, now, except ?? '00000000-0000-0000-0000-000000000000'],
  );
  return result.rows.map(claimOf).map((claim) => ({
    appointmentId: claim.id,
    specialistId: claim.specialistId,
    roomId: claim.roomId,
    patientId: claim.patientId,
    serviceTypeId: claim.serviceTypeId,
    startsAt: claim.startsAt,
    endsAt: claim.endsAt,
  }));
}

/** The patient's bookings and live holds from `now` on (the limit of future bookings), but `except`. */
export async function patientFutureCount(
  trx: Knex.Transaction | Knex,
  clinicId: string,
  patientId: string,
  now: Date,
  except: string | null = null,
): Promise<number> {
  const result = await trx.raw<{ rows: { n: unknown }[] }>(
    `SELECT count(*) AS n FROM appointment_claims
     WHERE clinic_id = ? AND patient_id = ? AND upper(during) > ?
       AND (hold_expires_at IS NULL OR hold_expires_at > ?) AND id <> ?`,
    [clinicId, patientId, now, now, except ?? '00000000-0000-0000-0000-000000000000'],
  );
  return Number(result.rows[0]?.n ?? 0);
}
