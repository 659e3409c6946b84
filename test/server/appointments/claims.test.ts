import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { busyBetween, claimSlot, confirmHold, sweepLapsedHolds, type Claim } from '../../../server/appointments/claims';
import { defaultClinicId } from '../../../server/clinics/clinics';
import { onPostgres, useTestServer } from '../support/test-server';

/**
 * The table that makes a double booking impossible (migration 0012): what the database refuses,
 * what each refusal is called, and that a refused claim leaves its transaction usable.
 */
const running = useTestServer();
let clinicId: string;
const db = () => running.db;

beforeAll(async () => {
  clinicId = await defaultClinicId(db());
});

const base = '2030-05-06T06:00:00.000Z';
const plus = (minutes: number) => new Date(Date.parse(base) + minutes * 60_000).toISOString();
const now = new Date('2030-05-01T00:00:00.000Z');

function claim(partial: Partial<Claim> = {}): Claim {
  return {
    id: uuidv7(),
    clinicId,
    specialistId: 'doctor-1',
    roomId: null,
    patientId: uuidv7(),
    serviceTypeId: 'consultation',
    startsAt: base,
    endsAt: plus(20),
    holdExpiresAt: null,
    accountId: null,
    ...partial,
  };
}

describe(`claims (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('refuses an overlap per specialist, per room and per patient, each by its own code, and the transaction goes on', async () => {
    const first = claim({ roomId: 'room-1' });
    const outcomes = await db().transaction(async (trx) => {
      const got = [await claimSlot(trx, first, now)];
      got.push(await claimSlot(trx, claim({ startsAt: plus(10), endsAt: plus(30) }), now));
      got.push(await claimSlot(trx, claim({ specialistId: 'doctor-2', roomId: 'room-1' }), now));
      got.push(await claimSlot(trx, claim({ specialistId: 'doctor-3', patientId: first.patientId }), now));
      // Back to back is no overlap; and the transaction still works after three refusals.
      got.push(await claimSlot(trx, claim({ startsAt: plus(20), endsAt: plus(40) }), now));
      // A move's claim joins the moved booking's group: its own old time does not refuse it.
      got.push(
        await claimSlot(trx, claim({ patientId: first.patientId, startsAt: plus(5), endsAt: plus(20) }), now, {
          replaces: first.id,
        }),
      );
      return got;
    });
    expect(outcomes).toEqual([
      { claimed: true },
      { claimed: false, code: 'appointments.slot.taken' },
      { claimed: false, code: 'appointments.slot.taken' },
      { claimed: false, code: 'appointments.slot.patient_busy' },
      { claimed: true },
      { claimed: true },
    ]);
    expect(await busyBetween(db(), clinicId, { from: base, to: plus(60) }, now)).toHaveLength(3);
  });

  it('of two transactions claiming one time at once, the second waits for the first and is refused', async () => {
    const time = { startsAt: plus(120), endsAt: plus(140) };
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        db().transaction(async (trx) => {
          const outcome = await claimSlot(trx, claim({ ...time, specialistId: 'doctor-race' }), now);
          // Holding the transaction open a moment longer lets the others run into the claim.
          await trx.raw('SELECT 1');
          return outcome;
        }),
      ),
    );
    expect(results.filter((result) => result.claimed)).toHaveLength(1);
    expect(results.filter((result) => !result.claimed)).toEqual(
      Array.from({ length: 7 }, () => ({ claimed: false, code: 'appointments.slot.taken' })),
    );
  });

  it('a lapsed hold stands in no one’s way and cannot be confirmed; a live one can', async () => {
    const time = { startsAt: plus(240), endsAt: plus(260), specialistId: 'doctor-hold' };
    const account = uuidv7();
    const lapsing = claim({ ...time, holdExpiresAt: new Date(now.getTime() + 600_000), accountId: account });
    await db().transaction((trx) => claimSlot(trx, lapsing, now));
    const later = new Date(now.getTime() + 601_000);
    expect(await busyBetween(db(), clinicId, { from: base, to: plus(300) }, later)).not.toContainEqual(
      expect.objectContaining({ appointmentId: lapsing.id }),
    );
    expect(await db().transaction((trx) => confirmHold(trx, clinicId, lapsing.id, account, later))).toEqual({
      confirmed: false,
      code: 'appointments.hold.expired',
    });
    const next = claim({ ...time, holdExpiresAt: new Date(later.getTime() + 600_000), accountId: account });
    expect(await db().transaction((trx) => claimSlot(trx, next, later))).toEqual({ claimed: true });
    expect(await db().transaction((trx) => confirmHold(trx, clinicId, next.id, uuidv7(), later))).toEqual({
      confirmed: false,
      code: 'appointments.hold.not_found',
    });
    const confirmed = await db().transaction((trx) => confirmHold(trx, clinicId, next.id, account, later));
    expect(confirmed).toMatchObject({ confirmed: true, claim: { id: next.id, holdExpiresAt: null } });
    // The sweep takes lapsed holds only.
    const stale = claim({ ...time, startsAt: plus(300), endsAt: plus(320), holdExpiresAt: now, accountId: account });
    await db().transaction((trx) => claimSlot(trx, stale, new Date(now.getTime() - 1)));
    expect(await sweepLapsedHolds(db(), later)).toBe(1);
    expect(await busyBetween(db(), clinicId, { from: base, to: plus(400) }, later)).toContainEqual(
      expect.objectContaining({ appointmentId: next.id }),
    );
  });
});
