import type { z } from 'zod';
import type { CallOutput, Contract } from '../../../shared/api/contract';
import { freeSlots } from '../../../shared/appointments/free-slots';
import { addDays, localInstant } from '../../../shared/appointments/local-time';
import { clinicTimeZone } from '../../../shared/appointments/schedule';
import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../../core/context';
import { daysOf } from './appointment-reads';
import { readBusy } from './busy-intervals';
import { scheduleCalendar } from './schedule-calendar';
import { readSchedule } from './schedule-rows';

type SlotsInput = z.output<Contract['appointments.slots']['input']>;

/**
 * Free slots (E1), earliest first, computed by the shared engine from this desk's copy of the
 * schedule and the bookings — its own requests not yet confirmed count as taken, so a desk offline
 * never offers a time it has just asked for. No patient data: not audited.
 */
export function findSlots(
  ctx: Pick<ServiceContext, 'store' | 'clock'>,
  input: SlotsInput,
): CallOutput<'appointments.slots'> {
  if (input.specialistId === undefined && input.specialtyCode === undefined)
    throw new AppError('appointments.search.target', { field: 'specialistId' });
  const dates = daysOf(input.from, input.to);
  return ctx.store.read((tx) => {
    const schedule = readSchedule(tx);
    const calendar = scheduleCalendar(ctx, dates);
    const specialistIds = schedule.specialists
      .filter((s) =>
        input.specialistId === undefined ? s.specialtyCode === input.specialtyCode : s.id === input.specialistId,
      )
      .map((s) => s.id);
    // Rooms are shared between specialists: every booking of the range is asked, not only theirs.
    const everyone = schedule.specialists.map((s) => s.id);
    const busy = readBusy(
      tx,
      specialistIds.length === 0 ? [] : everyone,
      localInstant(input.from, '00:00', clinicTimeZone),
      localInstant(addDays(input.to, 1), '00:00', clinicTimeZone),
    );
    const items = freeSlots(
      { schedule, calendar, busy },
      {
        ...(input.specialistId === undefined ? {} : { specialistId: input.specialistId }),
        ...(input.specialtyCode === undefined ? {} : { specialtyCode: input.specialtyCode }),
        serviceTypeId: input.serviceTypeId,
        from: input.from,
        to: input.to,
        notBefore: ctx.clock.now().toISOString(),
        limit: input.limit,
      },
    );
    return { items };
  });
}
