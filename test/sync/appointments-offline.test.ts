import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentView } from '../../shared/api/appointments-calls';
import { addDays, isoWeekday, localDate } from '../../shared/appointments/local-time';
import { clinicTimeZone } from '../../shared/appointments/schedule';
import { importDictionary } from '../../electron/services/dictionaries/import-dictionary';
import { newId } from '../../electron/store/ids';
import { actingAs, at, seedSchedule, type ScheduleFixture } from '../support/appointment-fixtures';
import { importDocumentDictionaries } from '../support/document-dictionaries';
import { validSnils } from '../support/fixtures';
import { enrolPatient } from '../support/temp-desk';
import { ok } from './chart-desks';
import { addPerson, person } from './clinic-staff';
import { openSyncDesk, pendingOutbox, startSyncServer, type SyncDesk, type SyncServer } from './sync-harness';

/**
 * E1 "booking that cannot double-book", at the desk: a desk offline can only queue a request,
 * shown as waiting; when it reconnects the server decides (server/appointments/) and the desk
 * shows the answer — booked, or refused with the server's code when another desk took the time
 * first. Two desks, the real server, the schedule written at a desk by a senior clerk and synced.
 */

let server: SyncServer;
let deskA: SyncDesk;
let deskB: SyncDesk;
let fixture: ScheduleFixture;
let patients: string[];
/** A Wednesday at least a week ahead of the server's clock (the desks' own clocks say 25.11.2026). */
let day: string;

function wednesdayAhead(): string {
  let date = addDays(localDate(new Date().toISOString(), clinicTimeZone), 8);
  while (isoWeekday(date) !== 3 || date.slice(5) <= '01-08') date = addDays(date, 1);
  return date;
}

/**
 * The production calendar the desk checks with: 2026 as decreed, and the test day's year if
 * later — weekends only (as the server counts a year no desk published).
 */
function importCalendars(desk: SyncDesk): void {
  importDocumentDictionaries(desk.ctx);
  const year = day.slice(0, 4);
  if (year !== '2026')
    importDictionary(actingAs(desk, 'admin'), `calendar-ru/${year}`, year, [
      { code: `${year}-01-01`, name: 'выходной', data: { kind: 'off' } },
    ]);
}

/** The desk works as a senior clerk the clinic's admin added (pulled first), in a proven session. */
async function actAsSeniorClerk(desk: SyncDesk): Promise<void> {
  await desk.sync();
  const admin = desk.store.read((tx) =>
    tx.get<{ id: string; display_name: string }>(
      "SELECT id, display_name FROM staff WHERE kind = 'person' AND role = 'admin' AND active = 1 ORDER BY created_at LIMIT 1",
    ),
  );
  if (!admin) throw new Error('the desk has pulled no admin of the clinic');
  const senior = person(desk, newId(), 'senior_clerk', 'Старший регистратор');
  addPerson(desk, person(desk, admin.id, 'admin', admin.display_name), senior);
  desk.ctx.actor = senior;
}

/** One sync round with the network down: it fails, nothing leaves the desk. */
async function syncOffline(desk: SyncDesk): Promise<void> {
  desk.transport.fault = 'down';
  await desk.sync().catch(() => undefined);
  desk.transport.fault = 'none';
}

const request = (patient: number, hhmm: string) => ({
  patientId: patients[patient],
  specialistId: fixture.specialists.therapist,
  serviceTypeId: fixture.services.therapistFirst,
  startsAt: at(day, hhmm),
});

const view = async (desk: SyncDesk, id: string) =>
  (await ok<{ appointment: AppointmentView }>(desk, 'appointments.get', { appointmentId: id })).appointment;

beforeAll(async () => {
  day = wednesdayAhead();
  server = await startSyncServer();
  deskA = await openSyncDesk(server, 'Регистратура 1');
  deskB = await openSyncDesk(server, 'Регистратура 2');
  const clerkA = deskA.ctx.actor;
  await actAsSeniorClerk(deskA);
  fixture = seedSchedule(deskA);
  importCalendars(deskA);
  patients = [];
  for (const [i, surname] of ['Орлова', 'Белова', 'Козлова'].entries())
    patients.push(await enrolPatient(deskA, { surname, snils: validSnils(`41234560${i}`) }));
  await deskA.sync();
  expect(pendingOutbox(deskA)).toBe(0);
  deskA.ctx.actor = clerkA;
  importCalendars(deskB);
  await deskB.sync();
}, 180_000);

afterAll(async () => {
  await deskA?.cleanup();
  await deskB?.cleanup();
  await server?.stop();
});

describe('a desk offline books, and learns the server’s answer when it reconnects (E1)', () => {
  it('pulled the schedule and the cards the other desk wrote', async () => {
    const options = await ok<{ specialists: { id: string }[] }>(deskB, 'appointments.options', {});
    expect(options.specialists.map((s) => s.id).sort()).toEqual(Object.values(fixture.specialists).sort());
    expect(deskB.count('patients')).toBe(3);
  });

  it('a request made offline waits; on reconnecting it is booked', async () => {
    const booked = await ok<AppointmentView>(deskB, 'appointments.book', request(0, '09:00'));
    expect(booked).toMatchObject({ status: 'requested', pending: 'waiting' });
    await syncOffline(deskB);
    expect(await view(deskB, booked.id)).toMatchObject({ status: 'requested', pending: 'waiting' });

    await deskB.sync();
    expect(pendingOutbox(deskB)).toBe(0);
    expect(await view(deskB, booked.id)).toMatchObject({
      status: 'booked',
      pending: null,
      bookedAt: expect.any(String),
      roomId: fixture.rooms.room101,
    });
    // The other desk sees it booked too, and no longer offers its time.
    await deskA.sync();
    expect(await view(deskA, booked.id)).toMatchObject({ status: 'booked', pending: null });
    const slots = await ok<{ items: { startsAt: string }[] }>(deskA, 'appointments.slots', {
      specialistId: fixture.specialists.therapist,
      serviceTypeId: fixture.services.therapistFirst,
      from: day,
      to: day,
      limit: 1,
    });
    expect(slots.items.map((slot) => slot.startsAt)).toEqual([at(day, '09:20')]);
  });

  it('a request made offline for a time another desk took first is refused on reconnecting, with the server’s code', async () => {
    const late = await ok<AppointmentView>(deskB, 'appointments.book', request(1, '10:00'));
    await syncOffline(deskB);
    const first = await ok<AppointmentView>(deskA, 'appointments.book', request(2, '10:00'));
    await deskA.sync();
    expect(await view(deskA, first.id)).toMatchObject({ status: 'booked', pending: null });

    await deskB.sync();
    expect(await view(deskB, late.id)).toMatchObject({
      status: 'requested',
      pending: 'refused',
      refusedCode: 'appointments.slot.taken',
    });
    // The winner's booking reached this desk; the refused request holds no time of its own.
    expect(await view(deskB, first.id)).toMatchObject({ status: 'booked', patientId: patients[2] });
    const range = await ok<{ appointments: AppointmentView[] }>(deskB, 'appointments.range', {
      from: day,
      to: day,
      specialistIds: [fixture.specialists.therapist],
    });
    expect(range.appointments.map((a) => [a.id, a.pending])).toEqual(
      expect.arrayContaining([
        [late.id, 'refused'],
        [first.id, null],
      ]),
    );
    expect(
      await deskB.dispatch('appointments.cancel', { appointmentId: late.id, reason: 'Уже отказано' }),
    ).toMatchObject({ ok: false, error: { code: 'appointments.not_active' } });
  });

  it('a move made offline: the new time is booked and the old one freed when the server confirms', async () => {
    const original = await ok<AppointmentView>(deskB, 'appointments.book', request(1, '11:00'));
    await deskB.sync();
    const moved = await ok<AppointmentView>(deskB, 'appointments.move', {
      appointmentId: original.id,
      startsAt: at(day, '11:20'),
    });
    await syncOffline(deskB);
    expect(await view(deskB, original.id)).toMatchObject({ status: 'booked', replacedBy: moved.id });
    await deskB.sync();
    expect(await view(deskB, moved.id)).toMatchObject({ status: 'booked', replacesId: original.id, pending: null });
    expect(await view(deskB, original.id)).toMatchObject({ status: 'moved', replacedBy: moved.id });
  });
});
