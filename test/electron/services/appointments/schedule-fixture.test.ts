import { afterEach, describe, expect, it } from 'vitest';
import { at, seedSchedule } from '../../../support/appointment-fixtures';
import { enrolPatient, openTempDesk, type TempDesk } from '../../../support/temp-desk';

let desk: TempDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

describe('the schedule fixture (issue 13)', () => {
  it('makes a clinic whose first free slots a clerk can find and book', async () => {
    desk = await openTempDesk({ role: 'clerk' });
    const fixture = seedSchedule(desk);
    const patientId = await enrolPatient(desk, {});
    const slots = await desk.dispatch('appointments.slots', {
      specialistId: fixture.specialists.therapist,
      serviceTypeId: fixture.services.therapistFirst,
      from: '2026-11-26',
      to: '2026-11-26',
      limit: 3,
    });
    expect(slots).toMatchObject({
      ok: true,
      data: { items: [{ startsAt: at('2026-11-26', '09:00') }, { startsAt: at('2026-11-26', '09:20') }, {}] },
    });
    const booked = await desk.dispatch('appointments.book', {
      patientId,
      specialistId: fixture.specialists.therapist,
      serviceTypeId: fixture.services.therapistFirst,
      startsAt: at('2026-11-26', '09:00'),
    });
    expect(booked).toMatchObject({
      ok: true,
      data: { status: 'requested', pending: 'waiting', roomName: 'Кабинет 101', patientName: 'Семёнова Анна Петровна' },
    });
  });
});
