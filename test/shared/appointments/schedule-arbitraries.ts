import fc from 'fast-check';
import type { SlotQuery } from '../../../shared/appointments/free-slots';
import { addDays, hhmmOf } from '../../../shared/appointments/local-time';
import type {
  BusyInterval,
  ScheduleException,
  ScheduleSnapshot,
  ServiceType,
  WorkPattern,
} from '../../../shared/appointments/schedule';
import { at, calendar, specialist, service } from './schedule-fixtures';
import type { SlotContext } from '../../../shared/appointments/free-slots';

/**
 * Random schedules and bookings for the property tests: a few specialists sharing rooms, weekly
 * patterns with odd start minutes and breaks, leaves, one-off hours and clinic days off, bookings
 * anywhere (on the grid or not, of anyone), over a window that holds the New Year holidays, a
 * working Saturday (2027-02-20) and a shortened day (2027-03-05).
 */
export const windowStart = '2026-12-20';
export const windowDays = 81;

const specialistIds = ['sp-0', 'sp-1', 'sp-2'];
const roomIds = ['room-0', 'room-1'];
const serviceIds = ['svc-0', 'svc-1'];

const day = fc.integer({ min: 0, max: windowDays - 1 }).map((n) => addDays(windowStart, n));

const hours = fc
  .record({ starts: fc.integer({ min: 7 * 60, max: 12 * 60 }), length: fc.integer({ min: 30, max: 9 * 60 }) })
  .map(({ starts, length }) => ({ starts, ends: Math.min(starts + length, 23 * 60 + 59) }));

const breaksWithin = (starts: number, ends: number) =>
  fc
    .array(fc.record({ at: fc.integer({ min: starts, max: ends - 1 }), length: fc.integer({ min: 5, max: 60 }) }), {
      maxLength: 2,
    })
    .map((list) => {
      // Disjoint, inside the hours: each break starts after the previous one ends.
      const sorted = [...list].sort((a, b) => a.at - b.at);
      const out: { starts: string; ends: string }[] = [];
      let free = starts;
      for (const item of sorted) {
        const from = Math.max(item.at, free);
        const to = Math.min(from + item.length, ends);
        if (from >= to) continue;
        out.push({ starts: hhmmOf(from), ends: hhmmOf(to) });
        free = to;
      }
      return out;
    });

const patternArb = (specialistId: string, weekday: number, index: number): fc.Arbitrary<WorkPattern> =>
  hours.chain(({ starts, ends }) =>
    fc.record({
      id: fc.constant(`wp-${specialistId}-${weekday}-${index}`),
      specialistId: fc.constant(specialistId),
      roomId: fc.constantFrom<string | null>(null, null, ...roomIds),
      weekday: fc.constant(weekday),
      starts: fc.constant(hhmmOf(starts)),
      ends: fc.constant(hhmmOf(ends)),
      breaks: breaksWithin(starts, ends),
      serviceTypeIds: fc.oneof(
        { arbitrary: fc.constant(null), weight: 3 },
        { arbitrary: fc.subarray(serviceIds), weight: 1 },
      ),
      validFrom: fc.oneof({ arbitrary: fc.constant('2026-01-01'), weight: 3 }, { arbitrary: day, weight: 1 }),
      validTo: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: day, weight: 1 }),
    }),
  );

/** One pattern per chosen weekday (two patterns of a day are the example tests' business). */
const patternsOf = (specialistId: string): fc.Arbitrary<WorkPattern[]> =>
  fc
    .subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 })
    .chain((weekdays) => fc.tuple(...weekdays.map((weekday) => patternArb(specialistId, weekday, 0))));

const exceptionArb: fc.Arbitrary<ScheduleException> = fc
  .record({
    n: fc.integer({ min: 0, max: 1_000_000 }),
    specialistId: fc.constantFrom<string | null>(null, ...specialistIds),
    kind: fc.constantFrom('leave', 'sickness', 'hours', 'closed' as const),
    fromDate: day,
    length: fc.integer({ min: 0, max: 10 }),
    hours,
  })
  .map(({ n, specialistId, kind, fromDate, length, hours: h }) => ({
    id: `ex-${n}`,
    specialistId,
    kind,
    fromDate,
    toDate: addDays(fromDate, length),
    starts: kind === 'hours' ? hhmmOf(h.starts) : null,
    ends: kind === 'hours' ? hhmmOf(h.ends) : null,
    note: null,
  }));

/** A booking on one of `days` days from `from`. */
const busyArb = (from: string, days: number): fc.Arbitrary<BusyInterval> =>
  fc
    .record({
      n: fc.integer({ min: 0, max: 1_000_000 }),
      offset: fc.integer({ min: 0, max: days - 1 }),
      starts: fc.oneof(
        fc.integer({ min: 7 * 60, max: 21 * 60 }),
        fc.integer({ min: 7 * 12, max: 21 * 12 }).map((n) => n * 5),
      ),
      length: fc.oneof(fc.integer({ min: 5, max: 90 }), fc.constantFrom(10, 15, 20, 30)),
      specialistId: fc.constantFrom(...specialistIds, 'sp-other'),
      roomId: fc.constantFrom<string | null>(null, ...roomIds),
      patientId: fc.constantFrom('pt-0', 'pt-1', 'pt-2'),
      serviceTypeId: fc.constantFrom(...serviceIds),
    })
    .map(({ n, offset, starts, length, ...rest }) => {
      const date = addDays(from, offset);
      return {
        appointmentId: `ap-${n}`,
        startsAt: at(date, hhmmOf(starts)),
        endsAt: at(date, hhmmOf(Math.min(starts + length, 24 * 60))),
        ...rest,
      };
    });

const serviceArb = (id: string): fc.Arbitrary<ServiceType> =>
  fc
    .record({
      durationMin: fc.oneof(fc.constantFrom(10, 15, 20, 30, 45, 60), fc.integer({ min: 5, max: 90 })),
      dailyLimit: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 6 })),
    })
    .map((over) => service({ id, name: `Услуга ${id}`, ...over }));

export const scheduleArb: fc.Arbitrary<ScheduleSnapshot> = fc
  .record({
    count: fc.integer({ min: 1, max: specialistIds.length }),
    rooms: fc.array(fc.constantFrom<string | null>(null, ...roomIds), {
      minLength: specialistIds.length,
      maxLength: specialistIds.length,
    }),
    services: fc.tuple(serviceArb('svc-0'), serviceArb('svc-1')),
    exceptions: fc.array(exceptionArb, { maxLength: 4 }),
  })
  .chain(({ count, rooms, services, exceptions }) => {
    const ids = specialistIds.slice(0, count);
    return fc.tuple(...ids.map(patternsOf)).map((patterns) => ({
      specialists: ids.map((id, i) =>
        specialist({ id, displayName: `Врач ${i}`, roomId: rooms[i] ?? null, specialtyCode: '27' }),
      ),
      rooms: roomIds.map((id) => ({ id, name: id, active: true })),
      serviceTypes: services,
      patterns: patterns.flat(),
      exceptions,
    }));
  });

export interface Case {
  context: SlotContext;
  query: SlotQuery;
}

export const caseArb: fc.Arbitrary<Case> = fc
  .record({
    schedule: scheduleArb,
    target: fc.constantFrom('sp-0', 'sp-1', 'sp-2', 'specialty'),
    serviceTypeId: fc.constantFrom(...serviceIds),
    from: fc.integer({ min: 0, max: windowDays - 31 }),
    days: fc.integer({ min: 1, max: 31 }),
    // Mostly a few days before the range (the usual search), sometimes inside it.
    notBefore: fc.record({
      offset: fc.integer({ min: -3, max: 20 }),
      minutes: fc.integer({ min: 0, max: 24 * 60 - 1 }),
    }),
    limit: fc.oneof(fc.constant(100_000), fc.integer({ min: 1, max: 50 })),
  })
  .chain((c) => {
    const from = addDays(windowStart, c.from);
    return fc
      .array(busyArb(from, c.days), { minLength: c.days, maxLength: 12 * c.days, size: 'max' })
      .map((busy) => ({ ...c, from, busy }));
  })
  .map(({ schedule, busy, target, serviceTypeId, from, days, notBefore, limit }) => {
    const known = schedule.specialists.some((s) => s.id === target);
    const query: SlotQuery = {
      ...(target === 'specialty' || !known ? { specialtyCode: '27' } : { specialistId: target }),
      serviceTypeId,
      from,
      to: addDays(from, days - 1),
      notBefore: at(addDays(from, Math.min(notBefore.offset, days - 1)), hhmmOf(notBefore.minutes)),
      limit,
    };
    return { context: { schedule, calendar, busy }, query };
  });
