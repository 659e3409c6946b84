import { afterEach, describe, expect, it } from 'vitest';
import type { AppointmentView } from '../../../../shared/api/appointments-calls';
import { addException, at } from '../../../support/appointment-fixtures';
import { openClinicDesk, type ClinicDesk } from './clinic-desk';

let clinic: ClinicDesk | undefined;
afterEach(async () => {
  await clinic?.desk.cleanup();
  clinic = undefined;
});

async function open(): Promise<ClinicDesk> {
  clinic = await openClinicDesk();
  return clinic;
}

/** A request at the therapist's for patient `i` at `date` `hhmm` (the primary visit, 20 min, unless told). */
function therapist(c: ClinicDesk, i: number, date: string, hhmm: string, serviceTypeId?: string) {
  return {
    patientId: c.patients[i]!,
    specialistId: c.fixture.specialists.therapist,
    serviceTypeId: serviceTypeId ?? c.fixture.services.therapistFirst,
    startsAt: at(date, hhmm),
  };
}

describe('a clerk books at the desk (E1; the issue’s bad input)', () => {
  it('writes a request, waiting for the server, through the door: audited and queued for sync', async () => {
    const c = await open();
    const view = await c.call<AppointmentView>('clerk', 'appointments.book', {
      ...therapist(c, 0, '2026-11-26', '09:20'),
      note: 'Повторно по результатам анализов',
    });
    expect(view).toMatchObject({
      status: 'requested',
      pending: 'waiting',
      source: 'desk',
      mode: 'in_person',
      startsAt: at('2026-11-26', '09:20'),
      endsAt: at('2026-11-26', '09:40'),
      patientName: 'Орлова Мария Сергеевна',
      specialistName: 'Смирнова Ольга Ивановна',
      serviceName: 'Приём терапевта первичный',
      roomId: c.fixture.rooms.room101,
      roomName: 'Кабинет 101',
      patientTimeZone: 'Europe/Moscow',
      note: 'Повторно по результатам анализов',
    });
    expect(c.desk.count('sync_outbox', "table_name = 'appointments' AND row_id = ?", [view.id])).toBe(1);
    expect(c.desk.count('audit_events', "action = 'appointments.book' AND patient_id = ?", [view.patientId])).toBe(1);
  });

  it('takes the room of the day’s pattern (the surgeon in кабинет 101 on Tuesdays)', async () => {
    const c = await open();
    const view = await c.call<AppointmentView>('clerk', 'appointments.book', {
      patientId: c.patients[0],
      specialistId: c.fixture.specialists.surgeon,
      serviceTypeId: c.fixture.services.surgeonFirst,
      startsAt: at('2026-12-01', '14:00'),
    });
    expect(view.roomName).toBe('Кабинет 101');
  });

  it('refuses each bad request with its own code and field, and writes nothing', async () => {
    const c = await open();
    await c.call('clerk', 'appointments.book', therapist(c, 0, '2026-11-26', '09:00'));
    addException(c.fixture, {
      specialistId: c.fixture.specialists.therapist,
      kind: 'leave',
      fromDate: '2026-12-07',
      toDate: '2026-12-11',
    });
    const before = c.desk.count('appointments');
    const cases: [string, Record<string, unknown>, string, string][] = [
      [
        'unknown specialist',
        { ...therapist(c, 1, '2026-11-26', '10:00'), specialistId: 'nobody' },
        'appointments.specialist.unknown',
        'specialistId',
      ],
      [
        'unknown service',
        { ...therapist(c, 1, '2026-11-26', '10:00'), serviceTypeId: 'nothing' },
        'appointments.service.unknown',
        'serviceTypeId',
      ],
      ['in the past', therapist(c, 1, '2026-11-25', '09:00'), 'appointments.slot.past', 'startsAt'],
      ['on a holiday (31.12.2026)', therapist(c, 1, '2026-12-31', '10:00'), 'appointments.slot.holiday', 'startsAt'],
      ['on a Saturday', therapist(c, 1, '2026-11-28', '10:00'), 'appointments.slot.holiday', 'startsAt'],
      ['on leave', therapist(c, 1, '2026-12-08', '10:00'), 'appointments.slot.leave', 'startsAt'],
      ['before the hours', therapist(c, 1, '2026-11-26', '08:40'), 'appointments.slot.outside_hours', 'startsAt'],
      [
        'past the end of the hours',
        therapist(c, 1, '2026-11-26', '14:50'),
        'appointments.slot.outside_hours',
        'startsAt',
      ],
      ['off the 5-minute grid', therapist(c, 1, '2026-11-26', '10:03'), 'appointments.slot.misaligned', 'startsAt'],
      ['over the break', therapist(c, 1, '2026-11-26', '11:50'), 'appointments.slot.break', 'startsAt'],
      [
        'a service the surgeon does not offer',
        { ...therapist(c, 1, '2026-11-27', '10:00'), specialistId: c.fixture.specialists.surgeon },
        'appointments.slot.not_offered',
        'serviceTypeId',
      ],
      ['a taken time', therapist(c, 1, '2026-11-26', '09:10'), 'appointments.slot.taken', 'startsAt'],
      [
        'the patient busy with another specialist',
        {
          patientId: c.patients[0],
          specialistId: c.fixture.specialists.surgeon,
          serviceTypeId: c.fixture.services.surgeonFirst,
          startsAt: at('2026-12-02', '10:00'),
        },
        'appointments.slot.patient_busy',
        'patientId',
      ],
      ['a year without a calendar', therapist(c, 1, '2027-01-11', '10:00'), 'appointments.calendar.missing', ''],
      [
        'a card that does not exist',
        { ...therapist(c, 1, '2026-11-26', '10:00'), patientId: '01900000-0000-7000-8000-000000000000' },
        'patient.not_found',
        'patientId',
      ],
    ];
    // The patient sees the therapist (кабинет 101) at 10:00 on Wednesday; the surgeon works in 205 then.
    await c.call('clerk', 'appointments.book', therapist(c, 0, '2026-12-02', '10:00'));
    for (const [what, input, code, field] of cases) {
      const error = await c.refusal('clerk', 'appointments.book', input);
      expect({ what, code: error.code, field: error.field ?? '' }).toEqual({ what, code, field });
    }
    expect(c.desk.count('appointments')).toBe(before + 1);
  });

  it('refuses a surgeon’s seventh primary visit of a day (the service’s daily limit of 6)', async () => {
    const c = await open();
    const patients = [...c.patients];
    for (const [i, hhmm] of ['10:00', '10:30', '11:00', '11:30', '12:00', '12:30'].entries())
      await c
        .call('clerk', 'appointments.book', {
          patientId: patients[i % 3],
          specialistId: c.fixture.specialists.surgeon,
          serviceTypeId: c.fixture.services.surgeonFirst,
          startsAt: at('2026-11-27', hhmm),
        })
        .catch(() => undefined);
    const error = await c.refusal('clerk', 'appointments.book', {
      patientId: patients[0],
      specialistId: c.fixture.specialists.surgeon,
      serviceTypeId: c.fixture.services.surgeonFirst,
      startsAt: at('2026-11-27', '15:00'),
    });
    expect(error).toMatchObject({ code: 'appointments.slot.service_limit' });
  });

  it('refuses a sixth future booking of one patient (at most 5), and a cancelled one frees its place', async () => {
    const c = await open();
    const ids: string[] = [];
    for (const date of ['2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02'])
      ids.push((await c.call<AppointmentView>('clerk', 'appointments.book', therapist(c, 2, date, '10:00'))).id);
    const error = await c.refusal('clerk', 'appointments.book', therapist(c, 2, '2026-12-03', '10:00'));
    expect(error).toMatchObject({ code: 'appointments.slot.too_many', field: 'patientId' });
    await c.call('clerk', 'appointments.cancel', { appointmentId: ids[0], reason: 'Пациент заболел' });
    await expect(c.call('clerk', 'appointments.book', therapist(c, 2, '2026-12-03', '10:00'))).resolves.toMatchObject({
      status: 'requested',
    });
  });

  it('refuses a malformed or hostile request before any rule runs', async () => {
    const c = await open();
    const bad = [
      { ...therapist(c, 0, '2026-11-26', '10:00'), startsAt: '26.11.2026 10:00' },
      { ...therapist(c, 0, '2026-11-26', '10:00'), specialistId: 'x'.repeat(65) },
      { ...therapist(c, 0, '2026-11-26', '10:00'), note: 'я'.repeat(1001) },
      { ...therapist(c, 0, '2026-11-26', '10:00'), status: 'booked' },
      {},
    ];
    for (const input of bad) {
      const error = await c.refusal('clerk', 'appointments.book', input);
      expect(error.code).toMatch(/^input\./);
    }
    expect(c.desk.count('appointments')).toBe(0);
  });

  it('lets only those who book book: a doctor and an administrator are refused', async () => {
    const c = await open();
    for (const role of ['doctor', 'admin'] as const)
      expect(await c.refusal(role, 'appointments.book', therapist(c, 0, '2026-11-26', '10:00'))).toMatchObject({
        code: 'forbidden',
      });
    await expect(
      c.call('senior_clerk', 'appointments.book', therapist(c, 0, '2026-11-26', '10:00')),
    ).resolves.toMatchObject({ status: 'requested' });
  });
});
