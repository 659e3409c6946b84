import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClinic } from '../../../server/clinics/clinics';
import { outcomes, pushAs } from '../portal/portal-setup';
import { enrolTestDevice, mutation, staffRow, testStaff, useTestServer, type TestDevice } from '../support/test-server';
import {
  addMinutes,
  at,
  bookingRow,
  claimsBetween,
  dayAhead,
  deskChange,
  patientsOnServer,
  requested,
  scheduleOnServer,
  type TestSchedule,
} from './appointment-setup';

const running = useTestServer();
let desk: TestDevice;
let ids: TestSchedule;
let patients: string[];
/** A Wednesday more than a week ahead: a working day of both therapists. */
let day: string;

beforeAll(async () => {
  desk = await enrolTestDevice(running.db, running.server);
  ids = await scheduleOnServer(desk);
  patients = await patientsOnServer(desk, 12);
  day = dayAhead(3);
}, 120_000);

const book = (patient: number, hhmm: string, extra: Partial<Parameters<typeof requested>[0]> = {}) =>
  requested({
    patientId: patients[patient]!,
    specialistId: ids.therapist,
    serviceTypeId: ids.consultation,
    startsAt: at(day, hhmm),
    ...extra,
  });

describe('a desk’s booking judged by the server (E1: booking that cannot double-book)', () => {
  it('books a requested time: the row becomes booked with its room, the time is claimed', async () => {
    const booking = book(0, '09:00');
    expect(outcomes(await pushAs(desk, booking))).toEqual(['applied']);
    expect(await bookingRow(running.db, booking.rowId)).toMatchObject({
      status: 'booked',
      room_id: ids.roomId,
      source: 'desk',
      booked_at: expect.any(String),
    });
    expect(await claimsBetween(running.db, at(day, '09:00'), at(day, '09:20'))).toEqual([booking.rowId]);
  });

  it('refuses a second booking of a taken time, from any desk, and of a patient already booked then', async () => {
    const first = book(1, '09:40');
    expect(outcomes(await pushAs(desk, first))).toEqual(['applied']);
    const otherDesk = await enrolTestDevice(running.db, running.server, 'Регистратура 2');
    expect(await pushAs(otherDesk, book(2, '09:40'))).toEqual([
      expect.objectContaining({ status: 'refused', code: 'appointments.slot.taken', field: 'starts_at' }),
    ]);
    // Overlapping by ten minutes is as taken as the same start.
    expect(outcomes(await pushAs(otherDesk, book(2, '09:50')))).toEqual(['appointments.slot.taken']);
    const withColleague = book(1, '09:40', { specialistId: ids.colleague });
    expect(outcomes(await pushAs(otherDesk, withColleague))).toEqual(['appointments.slot.patient_busy']);
    expect(await claimsBetween(running.db, at(day, '09:40'), at(day, '10:00'))).toEqual([first.rowId]);
  });

  it('each bad input has its own code, and nothing is stored', async () => {
    const saturday = addDaysOf(day, 3);
    const cases: Array<[ReturnType<typeof book>, string]> = [
      [book(3, '09:00', { startsAt: '2020-03-04T06:00:00.000Z' }), 'appointments.slot.past'],
      [book(3, '07:00'), 'appointments.slot.outside_hours'],
      [book(3, '16:50'), 'appointments.slot.outside_hours'],
      [book(3, '10:03'), 'appointments.slot.misaligned'],
      [book(3, '12:50'), 'appointments.slot.break'],
      [book(3, '10:00', { endsAt: at(day, '10:30') }), 'appointments.slot.duration'],
      [book(3, '10:00', { startsAt: at(saturday, '10:00') }), 'appointments.slot.holiday'],
      [book(3, '10:00', { serviceTypeId: ids.notOffered, endsAt: at(day, '10:30') }), 'appointments.slot.not_offered'],
      [book(3, '10:00', { specialistId: uuidv7() }), 'appointments.specialist.unknown'],
      [book(3, '10:00', { serviceTypeId: uuidv7() }), 'appointments.service.unknown'],
      [book(3, '10:00', { patientId: uuidv7() }), 'appointments.patient.unknown'],
      [
        requested({
          patientId: patients[3]!,
          specialistId: ids.therapist,
          serviceTypeId: ids.consultation,
          startsAt: 'tomorrow',
          endsAt: 'tomorrow',
        }),
        'appointments.row.invalid',
      ],
      [book(3, '10:00', {}), 'applied'],
    ];
    const forged = [
      [book(4, '11:00'), { status: 'booked' }, 'appointments.transition'],
      [book(4, '11:00'), { source: 'cabinet' }, 'appointments.field.server_only'],
      [book(4, '11:00'), { booked_at: new Date().toISOString() }, 'appointments.field.server_only'],
    ] as const;
    for (const [booking, code] of cases) {
      expect(outcomes(await pushAs(desk, booking)), code).toEqual([code]);
    }
    for (const [booking, changed, code] of forged) {
      expect(outcomes(await pushAs(desk, { ...booking, changed: { ...booking.changed, ...changed } }))).toEqual([code]);
    }
    expect(await claimsBetween(running.db, at(day, '11:00'), at(day, '11:20'))).toEqual([]);
  });

  it('a day off, a service’s daily limit and the limit of future bookings', async () => {
    const friday = addDaysOf(day, 2);
    const leave = {
      specialist_id: ids.therapist,
      kind: 'leave',
      from_date: friday,
      to_date: friday,
      starts: null,
      ends: null,
      note: 'Отпуск',
      deleted_at: null,
    };
    const pushed = await pushAs(
      desk,
      mutation({ table: 'schedule_exceptions', actorId: testStaff.admin, changed: leave }),
    );
    expect(outcomes(pushed)).toEqual(['applied']);
    expect(outcomes(await pushAs(desk, book(5, '10:00', { startsAt: at(friday, '10:00') })))).toEqual([
      'appointments.slot.leave',
    ]);
    const ecg = (patient: number, hhmm: string) =>
      book(patient, hhmm, { serviceTypeId: ids.limited, endsAt: addMinutes(at(day, hhmm), 30) });
    expect(outcomes(await pushAs(desk, ecg(5, '14:00')))).toEqual(['applied']);
    expect(outcomes(await pushAs(desk, ecg(6, '15:00')))).toEqual(['appointments.slot.service_limit']);
    // Patient 7 books five future visits; the sixth is one too many.
    const five = ['14:00', '14:20', '14:40', '15:00', '15:20'].map((hhmm) =>
      book(7, hhmm, { specialistId: ids.colleague }),
    );
    expect(outcomes(await pushAs(desk, ...five))).toEqual(five.map(() => 'applied'));
    expect(outcomes(await pushAs(desk, book(7, '16:00', { specialistId: ids.colleague })))).toEqual([
      'appointments.slot.too_many',
    ]);
  });

  it('a move takes the new time before the old is freed: onto a taken time it leaves the old booking as it was', async () => {
    const original = book(8, '10:40');
    const blocker = book(9, '11:20');
    expect(outcomes(await pushAs(desk, original, blocker))).toEqual(['applied', 'applied']);
    const ontoTaken = book(8, '11:20', { replacesId: original.rowId });
    expect(outcomes(await pushAs(desk, ontoTaken))).toEqual(['appointments.slot.taken']);
    expect(await bookingRow(running.db, original.rowId)).toMatchObject({ status: 'booked', replaced_by: null });
    expect(await claimsBetween(running.db, at(day, '10:40'), at(day, '11:00'))).toEqual([original.rowId]);

    // Ten minutes later, overlapping its own old time: the old time does not stand in its way.
    const moved = book(8, '10:50', { replacesId: original.rowId });
    expect(outcomes(await pushAs(desk, moved))).toEqual(['applied']);
    expect(await bookingRow(running.db, original.rowId)).toMatchObject({ status: 'moved', replaced_by: moved.rowId });
    expect(await bookingRow(running.db, moved.rowId)).toMatchObject({ status: 'booked', replaces_id: original.rowId });
    expect(await claimsBetween(running.db, at(day, '10:40'), at(day, '11:10'))).toEqual([moved.rowId]);
    // A moved booking is not moved again, nor cancelled.
    expect(outcomes(await pushAs(desk, book(8, '15:40', { replacesId: original.rowId })))).toEqual([
      'appointments.not_active',
    ]);
  });

  it('a cancellation frees the time; arrival is kept; other changes are refused', async () => {
    const booking = book(10, '15:40');
    expect(outcomes(await pushAs(desk, booking))).toEqual(['applied']);
    const moveInPlace = await deskChange(running.db, booking.rowId, { starts_at: at(day, '16:00') });
    expect(await pushAs(desk, moveInPlace)).toEqual([
      expect.objectContaining({ code: 'appointments.field.fixed', field: 'starts_at' }),
    ]);
    const early = await deskChange(running.db, booking.rowId, {
      status: 'no_show',
      no_show_at: new Date().toISOString(),
    });
    expect(outcomes(await pushAs(desk, early))).toEqual(['appointments.mark.too_early']);
    const backwards = await deskChange(running.db, booking.rowId, { status: 'requested' });
    expect(outcomes(await pushAs(desk, backwards))).toEqual(['appointments.transition']);
    const cancel = await deskChange(running.db, booking.rowId, {
      status: 'cancelled',
      cancelled_at: new Date().toISOString(),
      cancelled_by: testStaff.clerk,
      cancel_reason: 'Пациент попросил по телефону',
    });
    expect(outcomes(await pushAs(desk, cancel))).toEqual(['applied']);
    expect(await claimsBetween(running.db, at(day, '15:40'), at(day, '16:00'))).toEqual([]);
    const again = book(11, '15:40');
    expect(outcomes(await pushAs(desk, again))).toEqual(['applied']);
    const arrived = await deskChange(running.db, again.rowId, {
      status: 'arrived',
      arrived_at: new Date().toISOString(),
    });
    expect(outcomes(await pushAs(desk, arrived))).toEqual(['applied']);
    expect(await claimsBetween(running.db, at(day, '15:40'), at(day, '16:00'))).toEqual([again.rowId]);
    const reopened = await deskChange(running.db, booking.rowId, { status: 'booked' });
    expect(outcomes(await pushAs(desk, reopened))).toEqual(['appointments.not_active']);
  });

  it('the schedule is the senior clerk’s and admin’s; an attachment belongs to its booking’s patient', async () => {
    const room = mutation({ table: 'rooms', changed: { name: 'Кабинет 103', active: 1 } });
    expect(outcomes(await pushAs(desk, room))).toEqual(['sync.actor_forbidden']);
    const booking = book(11, '16:40');
    expect(outcomes(await pushAs(desk, booking))).toEqual(['applied']);
    const attachment = (changed: Record<string, string | null>) =>
      mutation({
        table: 'appointment_attachments',
        changed: {
          appointment_id: booking.rowId,
          patient_id: patients[11]!,
          kind: 'referral',
          title: 'Направление',
          scan_id: null,
          chart_entry_id: null,
          added_via: 'desk',
          deleted_at: null,
          created_at: new Date().toISOString(),
          ...changed,
        },
      });
    expect(outcomes(await pushAs(desk, attachment({ patient_id: patients[10]! })))).toEqual([
      'appointments.row.invalid',
    ]);
    expect(outcomes(await pushAs(desk, attachment({ appointment_id: uuidv7() })))).toEqual(['appointments.not_found']);
    expect(outcomes(await pushAs(desk, attachment({ added_via: 'cabinet' })))).toEqual([
      'appointments.field.server_only',
    ]);
    expect(outcomes(await pushAs(desk, attachment({})))).toEqual(['applied']);
  });

  it('a doctor reads bookings but writes none; another clinic’s specialist is unknown to its desks', async () => {
    const doctor = uuidv7();
    const made = await pushAs(
      desk,
      mutation({ table: 'staff', rowId: doctor, actorId: testStaff.admin, changed: staffRow('doc', 'doctor') }),
    );
    expect(outcomes(made)).toEqual(['applied']);
    expect(
      outcomes(
        await pushAs(
          desk,
          requested(
            {
              patientId: patients[11]!,
              specialistId: ids.therapist,
              serviceTypeId: ids.consultation,
              startsAt: at(day, '16:20'),
            },
            {},
            doctor,
          ),
        ),
      ),
    ).toEqual(['sync.actor_forbidden']);

    const clinicB = (await createClinic(running.db, 'Клиника Б', new Date())).id;
    const deskB = await enrolTestDevice(running.db, running.server, 'Б', { staff: false, clinicId: clinicB });
    const staffB = { admin: uuidv7(), clerk: uuidv7() };
    const seeded = await pushAs(
      deskB,
      mutation({ table: 'staff', rowId: staffB.admin, actorId: staffB.admin, changed: staffRow('b.admin', 'admin') }),
      mutation({ table: 'staff', rowId: staffB.clerk, actorId: staffB.admin, changed: staffRow('b.clerk', 'clerk') }),
    );
    expect(outcomes(seeded)).toEqual(['applied', 'applied']);
    const patientB = mutation({
      actorId: staffB.clerk,
      changed: { surname: 'Б', name: 'Б', patronymic: null, birth_date: '1990-01-01', sex: 'M' },
    });
    expect(outcomes(await pushAs(deskB, patientB))).toEqual(['applied']);
    const foreign = requested(
      {
        patientId: patientB.rowId,
        specialistId: ids.therapist,
        serviceTypeId: ids.consultation,
        startsAt: at(day, '16:20'),
      },
      {},
      staffB.clerk,
    );
    expect(outcomes(await pushAs(deskB, foreign))).toEqual(['appointments.specialist.unknown']);
    // Clinic A's patient is no patient of clinic B either.
    const theirs = requested(
      {
        patientId: patients[11]!,
        specialistId: ids.therapist,
        serviceTypeId: ids.consultation,
        startsAt: at(day, '16:20'),
      },
      {},
      staffB.clerk,
    );
    expect(outcomes(await pushAs(deskB, theirs))).toEqual(['appointments.patient.unknown']);
  });
});

function addDaysOf(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
