import { afterEach, describe, expect, it } from 'vitest';
import type { AppointmentView, ScheduleView } from '../../../../shared/api/appointments-calls';
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

type Range = {
  appointments: AppointmentView[];
  days: { specialistId: string; date: string; reason: string | null; periods: unknown[]; breaks: unknown[] }[];
};

describe('the day and week views, the doctor’s day, the patient’s bookings (E1, screens)', () => {
  it('shows a week of each specialist: hours, breaks, days off with their reason, and the bookings', async () => {
    const c = await open();
    const booked = await c.call<AppointmentView>('clerk', 'appointments.book', {
      patientId: c.patients[0],
      specialistId: c.fixture.specialists.therapist,
      serviceTypeId: c.fixture.services.therapistFirst,
      startsAt: at('2026-12-01', '09:00'),
    });
    addException(c.fixture, {
      specialistId: c.fixture.specialists.therapist,
      kind: 'sickness',
      fromDate: '2026-12-03',
      toDate: '2026-12-03',
    });
    const week = await c.call<Range>('clerk', 'appointments.range', {
      from: '2026-11-30',
      to: '2026-12-06',
      specialistIds: [c.fixture.specialists.therapist],
    });
    expect(week.appointments.map((a) => a.id)).toEqual([booked.id]);
    expect(week.days.map((d) => [d.date, d.reason])).toEqual([
      ['2026-11-30', null],
      ['2026-12-01', null],
      ['2026-12-02', null],
      ['2026-12-03', 'sickness'],
      ['2026-12-04', null],
      ['2026-12-05', 'holiday'],
      ['2026-12-06', 'holiday'],
    ]);
    expect(week.days[0]).toMatchObject({
      periods: [{ starts: '09:00', ends: '15:00' }],
      breaks: [{ starts: '12:00', ends: '12:30' }],
    });
    expect(c.desk.count('audit_events', "action = 'appointments.range'")).toBe(1);
  });

  it('shows a room’s day: whoever works in it, and its bookings', async () => {
    const c = await open();
    const surgeon = await c.call<AppointmentView>('clerk', 'appointments.book', {
      patientId: c.patients[1],
      specialistId: c.fixture.specialists.surgeon,
      serviceTypeId: c.fixture.services.surgeonFirst,
      startsAt: at('2026-12-01', '15:00'),
    });
    const day = await c.call<Range>('clerk', 'appointments.range', {
      from: '2026-12-01',
      to: '2026-12-01',
      roomIds: [c.fixture.rooms.room101],
    });
    expect(day.appointments.map((a) => a.id)).toEqual([surgeon.id]);
    expect(day.days.map((d) => d.specialistId).sort()).toEqual(
      [c.fixture.specialists.therapist, c.fixture.specialists.surgeon].sort(),
    );
  });

  it('refuses a range over 31 days or reversed, and a year without a production calendar', async () => {
    const c = await open();
    expect(await c.refusal('clerk', 'appointments.range', { from: '2026-11-01', to: '2026-12-15' })).toMatchObject({
      code: 'appointments.search.range',
    });
    expect(await c.refusal('clerk', 'appointments.range', { from: '2026-12-02', to: '2026-12-01' })).toMatchObject({
      code: 'appointments.search.range',
    });
    expect(await c.refusal('clerk', 'appointments.range', { from: '2026-12-28', to: '2027-01-03' })).toMatchObject({
      code: 'appointments.calendar.missing',
      message: { en: 'The production calendar for 2027 has not been imported: free times cannot be computed' },
    });
    expect(
      await c.refusal('clerk', 'appointments.slots', {
        specialistId: c.fixture.specialists.therapist,
        serviceTypeId: c.fixture.services.therapistFirst,
        from: '2026-12-28',
        to: '2027-01-10',
      }),
    ).toMatchObject({ code: 'appointments.calendar.missing' });
    expect(
      await c.refusal('clerk', 'appointments.slots', {
        serviceTypeId: c.fixture.services.therapistFirst,
        from: '2026-12-01',
        to: '2026-12-02',
      }),
    ).toMatchObject({ code: 'appointments.search.target' });
  });

  it('finds the first free times by specialty, earliest first, leaving out a taken one', async () => {
    const c = await open();
    await c.call('clerk', 'appointments.book', {
      patientId: c.patients[0],
      specialistId: c.fixture.specialists.therapist,
      serviceTypeId: c.fixture.services.therapistFirst,
      startsAt: at('2026-11-26', '09:00'),
    });
    const { items } = await c.call<{ items: { startsAt: string; specialistId: string }[] }>(
      'clerk',
      'appointments.slots',
      {
        specialtyCode: '27',
        serviceTypeId: c.fixture.services.therapistFirst,
        from: '2026-11-25',
        to: '2026-11-26',
        limit: 2,
      },
    );
    // Today after noon: 12:30 right after the break, then the 20-minute grid from 09:00 goes on (12:40).
    expect(items.map((slot) => slot.startsAt)).toEqual([at('2026-11-25', '12:30'), at('2026-11-25', '12:40')]);
    const tomorrow = await c.call<{ items: { startsAt: string }[] }>('clerk', 'appointments.slots', {
      specialistId: c.fixture.specialists.therapist,
      serviceTypeId: c.fixture.services.therapistFirst,
      from: '2026-11-26',
      to: '2026-11-26',
      limit: 1,
    });
    expect(tomorrow.items.map((slot) => slot.startsAt)).toEqual([at('2026-11-26', '09:20')]);
  });

  it('gives a doctor their own day, and the patient’s card upcoming bookings first', async () => {
    clinic = await openClinicDesk({ therapistIsDoctor: true });
    const c = clinic;
    const book = (date: string, hhmm: string) =>
      c.call<AppointmentView>('clerk', 'appointments.book', {
        patientId: c.patients[0],
        specialistId: c.fixture.specialists.therapist,
        serviceTypeId: c.fixture.services.therapistRepeat,
        startsAt: at(date, hhmm),
      });
    const later = await book('2026-11-30', '10:00');
    const sooner = await book('2026-11-26', '10:00');
    const cancelled = await book('2026-11-26', '11:00');
    await c.call('clerk', 'appointments.cancel', { appointmentId: cancelled.id, reason: 'Пациент отменил' });
    const card = await c.call<{ items: AppointmentView[] }>('doctor', 'appointments.patient', {
      patientId: c.patients[0],
    });
    expect(card.items.map((a) => a.id)).toEqual([sooner.id, cancelled.id, later.id]);
    const mine = await c.call<{ specialistId: string | null; appointments: AppointmentView[] }>(
      'doctor',
      'appointments.mine',
      {
        date: '2026-11-26',
      },
    );
    expect(mine.specialistId).toBe(c.fixture.specialists.therapist);
    expect(mine.appointments.map((a) => a.id)).toEqual([sooner.id]);
    expect(c.desk.count('audit_events', "action = 'appointments.mine'")).toBe(1);
    // A clerk is no specialist: an empty day, not an error.
    expect(await c.call('clerk', 'appointments.mine', { date: '2026-11-26' })).toEqual({
      specialistId: null,
      appointments: [],
    });
  });
});

describe('managing the schedule (E1: admins and senior clerks; changes sync)', () => {
  it('keeps specialists, rooms, services, patterns and exceptions, names from the НСИ', async () => {
    const c = await open();
    const schedule = await c.call<ScheduleView>('admin', 'schedules.get', {});
    expect(schedule.specialists.map((s) => [s.displayName, s.specialtyName, s.positionName])).toEqual([
      ['Кузнецов Андрей Петрович', 'Хирургия', 'Врач-хирург'],
      ['Смирнова Ольга Ивановна', 'Терапия', 'Врач-терапевт'],
    ]);
    // The names travel with the row, for the server (which holds no НСИ) to show patients.
    expect(
      c.desk.store.read((tx) =>
        tx.get('SELECT specialty_name, position_name FROM specialists WHERE display_name = ?', [
          'Смирнова Ольга Ивановна',
        ]),
      ),
    ).toEqual({ specialty_name: 'Терапия', position_name: 'Врач-терапевт' });
    expect(schedule.patterns).toHaveLength(10);
    const room = await c.call<{ id: string }>('senior_clerk', 'schedules.saveRoom', {
      name: 'Процедурный',
      active: true,
    });
    await c.call('senior_clerk', 'schedules.saveRoom', { id: room.id, name: 'Процедурный кабинет', active: false });
    const options = await c.call<ScheduleView>('clerk', 'appointments.options', {});
    expect(options.rooms.map((r) => r.name)).toEqual(['Кабинет 101', 'Кабинет 205']);
    expect(c.desk.count('sync_outbox', "table_name = 'rooms' AND row_id = ?", [room.id])).toBe(2);
  });

  it('lets an admin, who reads no patients, find and name the schedule’s НСИ codes — those dictionaries only', async () => {
    const c = await open();
    const found = await c.call<{ items: { code: string; name: string }[] }>(
      'admin',
      'dictionaries.searchScheduleCodes',
      {
        name: 'specialties',
        query: 'тера',
      },
    );
    expect(found.items.map((item) => [item.code, item.name])).toEqual([['27', 'Терапия']]);
    const named = await c.call<{ item: { name: string } | null }>('admin', 'dictionaries.getScheduleCode', {
      name: 'positions',
      code: '122',
    });
    expect(named.item?.name).toBe('Врач-хирург');
    expect((await c.refusal('admin', 'dictionaries.search', { name: 'specialties', query: 'тера' })).code).toBe(
      'forbidden',
    );
    expect(
      (await c.refusal('admin', 'dictionaries.searchScheduleCodes', { name: 'insurers', query: 'Ингос' })).code,
    ).toBe('input.enum');
    expect((await c.refusal('clerk', 'dictionaries.getScheduleCode', { name: 'positions', code: '122' })).code).toBe(
      'forbidden',
    );
  });

  it('refuses codes not in the imported dictionaries, bad hours, breaks and overlaps, bad exceptions', async () => {
    const c = await open();
    const specialist = {
      staffId: null,
      displayName: 'Новикова Елена',
      specialtyCode: '27',
      positionCode: '109',
      department: null,
      roomId: null,
      active: true,
    };
    const pattern = {
      specialistId: c.fixture.specialists.therapist,
      roomId: null,
      weekday: 6,
      starts: '09:00',
      ends: '13:00',
      breaks: [],
      serviceTypeIds: null,
      validFrom: '2026-12-01',
      validTo: null,
    };
    const exception = {
      specialistId: null,
      kind: 'closed',
      fromDate: '2026-12-10',
      toDate: '2026-12-10',
      starts: null,
      ends: null,
      note: null,
    };
    const cases: [string, unknown, string, string][] = [
      ['schedules.saveSpecialist', { ...specialist, specialtyCode: '999' }, 'schedules.code.unknown', 'specialtyCode'],
      ['schedules.saveSpecialist', { ...specialist, positionCode: '1' }, 'schedules.code.unknown', 'positionCode'],
      ['schedules.saveSpecialist', { ...specialist, roomId: 'nowhere' }, 'schedules.not_found', 'roomId'],
      ['schedules.saveSpecialist', { ...specialist, id: 'nobody' }, 'schedules.not_found', 'id'],
      [
        'schedules.saveServiceType',
        {
          serviceCode: 'A99.99.999',
          name: 'Нет такой',
          durationMin: 15,
          mode: 'in_person',
          dailyLimit: null,
          instructions: null,
          active: true,
        },
        'schedules.code.unknown',
        'serviceCode',
      ],
      ['schedules.savePattern', { ...pattern, ends: '08:00' }, 'schedules.pattern.hours', 'ends'],
      [
        'schedules.savePattern',
        { ...pattern, breaks: [{ starts: '12:30', ends: '13:30' }] },
        'schedules.pattern.break',
        'breaks',
      ],
      [
        'schedules.savePattern',
        { ...pattern, weekday: 1, starts: '14:00', ends: '17:00' },
        'schedules.pattern.overlap',
        'starts',
      ],
      ['schedules.savePattern', { ...pattern, validTo: '2026-11-01' }, 'schedules.exception.range', 'validTo'],
      [
        'schedules.savePattern',
        { ...pattern, specialistId: 'nobody' },
        'appointments.specialist.unknown',
        'specialistId',
      ],
      ['schedules.savePattern', { ...pattern, serviceTypeIds: ['nothing'] }, 'schedules.not_found', 'serviceTypeIds'],
      ['schedules.saveException', { ...exception, toDate: '2026-12-09' }, 'schedules.exception.range', 'toDate'],
      ['schedules.saveException', { ...exception, kind: 'hours' }, 'schedules.exception.hours', 'starts'],
      ['schedules.removePattern', { id: 'nothing' }, 'schedules.not_found', 'id'],
    ];
    const before = c.desk.count('sync_outbox');
    for (const [name, input, code, field] of cases)
      expect({ name, ...(await c.refusal('senior_clerk', name, input)) }).toMatchObject({ name, code, field });
    expect(c.desk.count('sync_outbox')).toBe(before);
    for (const role of ['clerk', 'doctor'] as const)
      expect(await c.refusal(role, 'schedules.saveRoom', { name: 'Кабинет', active: true })).toMatchObject({
        code: 'forbidden',
      });
  });

  it('removes a pattern: the day has no hours, and nothing can be booked then', async () => {
    const c = await open();
    const schedule = await c.call<ScheduleView>('admin', 'schedules.get', {});
    const thursday = schedule.patterns.find(
      (p) => p.specialistId === c.fixture.specialists.therapist && p.weekday === 4,
    )!;
    await c.call('admin', 'schedules.removePattern', { id: thursday.id });
    const day = await c.call<Range>('clerk', 'appointments.range', {
      from: '2026-11-26',
      to: '2026-11-26',
      specialistIds: [c.fixture.specialists.therapist],
    });
    expect(day.days[0]).toMatchObject({ reason: 'no_pattern', periods: [] });
    expect(
      await c.refusal('clerk', 'appointments.book', {
        patientId: c.patients[0],
        specialistId: c.fixture.specialists.therapist,
        serviceTypeId: c.fixture.services.therapistFirst,
        startsAt: at('2026-11-26', '10:00'),
      }),
    ).toMatchObject({ code: 'appointments.slot.outside_hours' });
  });
});
