import { beforeAll, describe, expect, it } from 'vitest';
import { cabinetAppointmentPaths, holdSchema, slotTakenSchema } from '../../../shared/cabinet/appointments-api';
import { pushResponseSchema, type MutationResult } from '../../../shared/sync/protocol';
import { cabinetOptions, type Answer } from '../cabinet/accounts/cabinet-browser';
import { signedInPatient } from '../cabinet/chart/chart-setup';
import { enrolTestDevice, onPostgres, useTestServer, type TestDevice } from '../support/test-server';
import {
  at,
  bookingRow,
  claimsBetween,
  dayAhead,
  patientsOnServer,
  requested,
  scheduleOnServer,
  type TestSchedule,
} from './appointment-setup';

/**
 * The race (E1, "done means"): 100 bookings of one time at once — signed pushes from ten
 * desks and holds from the cabinet's patients over HTTP with real sessions. Exactly one wins;
 * every other is told the time is taken, the cabinet's with the nearest free times. The same file
 * runs on PGlite and, with DATABASE_URL, on PostgreSQL (where the pushes and holds really overlap).
 */
const running = useTestServer(() => ({ cabinet: cabinetOptions() }));
const deskCount = 10;
const fromDesks = 60;
const fromCabinet = 40;
let desks: TestDevice[];
let ids: TestSchedule;
let patients: string[];
let browsers: Awaited<ReturnType<typeof signedInPatient>>['browser'][];
let day: string;

beforeAll(async () => {
  desks = [await enrolTestDevice(running.db, running.server, 'Регистратура 1')];
  for (let n = 2; n <= deskCount; n += 1)
    desks.push(await enrolTestDevice(running.db, running.server, `Регистратура ${n}`));
  ids = await scheduleOnServer(desks[0]!);
  patients = await patientsOnServer(desks[0]!, fromDesks + fromCabinet);
  browsers = [];
  for (const patientId of patients.slice(fromDesks)) {
    browsers.push((await signedInPatient(running.db, running.server, patientId, new Date())).browser);
  }
  day = dayAhead(4);
}, 300_000);

describe(`100 bookings of one time at once (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('exactly one wins; every other desk and patient is told the time is taken, the patients with alternatives', async () => {
    const startsAt = at(day, '10:00');
    const pushes = patients
      .slice(0, fromDesks)
      .map((patientId) =>
        requested({ patientId, specialistId: ids.therapist, serviceTypeId: ids.consultation, startsAt }),
      );
    const [deskAnswers, cabinetAnswers] = await Promise.all([
      Promise.all(
        pushes.map(async (booking, n) => {
          const reply = await desks[n % deskCount]!.push([booking]);
          expect(reply.status).toBe(200);
          return pushResponseSchema.parse(reply.json()).results[0]!;
        }),
      ),
      Promise.all(
        browsers.map((browser): Promise<Answer> =>
          browser.post(cabinetAppointmentPaths.holds, {
            specialistId: ids.therapist,
            serviceTypeId: ids.consultation,
            startsAt,
          }),
        ),
      ),
    ]);

    const deskWins = deskAnswers.filter((result: MutationResult) => result.status === 'applied');
    const cabinetWins = cabinetAnswers.filter((answer) => answer.status === 201);
    expect(deskWins.length + cabinetWins.length).toBe(1);
    for (const result of deskAnswers.filter((r) => r.status !== 'applied')) {
      expect(result).toMatchObject({ status: 'refused', code: 'appointments.slot.taken', field: 'starts_at' });
    }
    for (const answer of cabinetAnswers.filter((a) => a.status !== 201)) {
      expect(answer.status).toBe(409);
      const taken = slotTakenSchema.parse(answer.body);
      expect(taken.alternatives.length).toBeGreaterThan(0);
      expect(taken.alternatives.map((slot) => slot.startsAt)).not.toContain(startsAt);
    }

    // One claim of that time, and it is the winner's.
    const claims = await claimsBetween(running.db, startsAt, at(day, '10:20'));
    expect(claims).toHaveLength(1);
    if (deskWins.length === 1) {
      const winner = pushes[deskAnswers.indexOf(deskWins[0]!)]!;
      expect(claims).toEqual([winner.rowId]);
      expect(await bookingRow(running.db, winner.rowId)).toMatchObject({ status: 'booked' });
    } else {
      expect(claims).toEqual([holdSchema.parse(cabinetWins[0]!.body).holdId]);
    }
    // No booking row but the winner's was written for that time.
    const rows = await running
      .db('records')
      .where({ table_name: 'appointments' })
      .whereRaw("data->>'starts_at' = ?", [startsAt]);
    expect(rows).toHaveLength(deskWins.length);
  }, 300_000);
});
