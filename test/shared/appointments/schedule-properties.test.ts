import { isWeekend } from '../../../shared/domain/business-days';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBooking } from '../../../shared/appointments/booking-check';
import { freeSlots, type Slot } from '../../../shared/appointments/free-slots';
import { addDays, localDate, minutesOf } from '../../../shared/appointments/local-time';
import { clinicTimeZone, slotStepMinutes, type ScheduleSnapshot } from '../../../shared/appointments/schedule';
import { workingDay } from '../../../shared/appointments/working-day';
import { at, calendar } from './schedule-fixtures';
import { caseArb, scheduleArb, type Case } from './schedule-arbitraries';

/** E1, the item 7: the schedule's rules as properties over random schedules and bookings. */

const minuteMs = 60_000;
const ms = (instant: string) => Date.parse(instant);
const overlaps = (a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }) =>
  ms(a.startsAt) < ms(b.endsAt) && ms(b.startsAt) < ms(a.endsAt);
const dayOf = (slot: Slot) => localDate(slot.startsAt, clinicTimeZone);
const serviceOf = (c: Case) => c.context.schedule.serviceTypes.find((s) => s.id === c.query.serviceTypeId)!;
const ownHoursOn = (schedule: ScheduleSnapshot, specialistId: string, date: string) =>
  schedule.exceptions.some(
    (e) => e.specialistId === specialistId && e.kind === 'hours' && e.fromDate <= date && date <= e.toDate,
  );

function property(check: (c: Case, slots: Slot[]) => void): void {
  fc.assert(
    fc.property(caseArb, (c) => check(c, freeSlots(c.context, c.query))),
    { numRuns: 100 },
  );
}

describe('free slots over random schedules and bookings', () => {
  it('offers only slots that the booking check accepts', () => {
    property((c, slots) => {
      for (const slot of slots) {
        const problem = checkBooking(
          { ...c.context, now: c.query.notBefore, patientFuture: 0 },
          {
            appointmentId: 'ap-probe',
            patientId: 'pt-probe',
            specialistId: slot.specialistId,
            serviceTypeId: slot.serviceTypeId,
            startsAt: slot.startsAt,
            endsAt: slot.endsAt,
            replacesId: null,
          },
        );
        expect(problem, `${slot.specialistId} ${slot.startsAt}`).toBeNull();
      }
    });
  });

  it('keeps every slot inside the hours, clear of breaks and of the specialist’s and the room’s bookings', () => {
    property((c, slots) => {
      const duration = serviceOf(c).durationMin * minuteMs;
      for (const slot of slots) {
        const date = dayOf(slot);
        const day = workingDay(c.context.schedule, calendar, slot.specialistId, date);
        expect(ms(slot.endsAt) - ms(slot.startsAt)).toBe(duration);
        expect(ms(slot.startsAt)).toBeGreaterThanOrEqual(ms(c.query.notBefore));
        const period = day.periods.find(
          (p) => ms(at(date, p.starts)) <= ms(slot.startsAt) && ms(slot.endsAt) <= ms(at(date, p.ends)),
        );
        expect(period).toBeDefined();
        expect((ms(slot.startsAt) - ms(at(date, period!.starts))) % (slotStepMinutes * minuteMs)).toBe(0);
        for (const lunch of day.breaks) {
          expect(overlaps(slot, { startsAt: at(date, lunch.starts), endsAt: at(date, lunch.ends) })).toBe(false);
        }
        const clash = c.context.busy.find(
          (busy) =>
            (busy.specialistId === slot.specialistId || (slot.roomId !== null && busy.roomId === slot.roomId)) &&
            overlaps(slot, busy),
        );
        expect(clash).toBeUndefined();
      }
    });
  });

  it('gives nothing on a weekday off by the calendar, unless the specialist has one-off hours that day', () => {
    property((c, slots) => {
      for (const slot of slots) {
        const date = dayOf(slot);
        if (!calendar.isBusinessDay(date) && !isWeekend(date))
          expect(ownHoursOn(c.context.schedule, slot.specialistId, date)).toBe(true);
      }
    });
  });

  it('gives nothing on a day of leave, sickness or closure with no one-off hours of the specialist', () => {
    property((c, slots) => {
      for (const slot of slots) {
        const date = dayOf(slot);
        const closing = c.context.schedule.exceptions.some(
          (e) =>
            (e.specialistId === slot.specialistId || e.specialistId === null) &&
            e.kind !== 'hours' &&
            e.fromDate <= date &&
            date <= e.toDate,
        );
        if (closing) expect(ownHoursOn(c.context.schedule, slot.specialistId, date)).toBe(true);
      }
    });
  });

  it('ends a shortened day an hour before the pattern does', () => {
    property((c, slots) => {
      for (const slot of slots) {
        const date = dayOf(slot);
        if (!calendar.isShortenedDay(date) || ownHoursOn(c.context.schedule, slot.specialistId, date)) continue;
        const latest = Math.max(
          ...c.context.schedule.patterns
            .filter((p) => p.specialistId === slot.specialistId && p.validFrom <= date && (p.validTo ?? date) >= date)
            .map((p) => minutesOf(p.ends)),
        );
        expect(ms(slot.endsAt)).toBeLessThanOrEqual(ms(at(date, '00:00')) + (latest - 60) * minuteMs);
      }
    });
  });

  it('respects the service’s daily limit', () => {
    property((c, slots) => {
      const limit = serviceOf(c).dailyLimit;
      if (limit === null) return;
      for (const slot of slots) {
        const date = dayOf(slot);
        const taken = c.context.busy.filter(
          (b) =>
            b.specialistId === slot.specialistId &&
            b.serviceTypeId === slot.serviceTypeId &&
            localDate(b.startsAt, clinicTimeZone) === date,
        ).length;
        expect(taken).toBeLessThan(limit);
      }
    });
  });

  it('lists slots earliest first, without repeats, never more than the limit', () => {
    property((c, slots) => {
      expect(slots.length).toBeLessThanOrEqual(c.query.limit);
      const order = [...c.context.schedule.specialists].sort((a, b) =>
        a.displayName.localeCompare(b.displayName, 'ru'),
      );
      const rank = (slot: Slot) => order.findIndex((s) => s.id === slot.specialistId);
      for (let i = 1; i < slots.length; i++) {
        const [a, b] = [slots[i - 1]!, slots[i]!];
        expect(ms(a.startsAt) < ms(b.startsAt) || (a.startsAt === b.startsAt && rank(a) < rank(b))).toBe(true);
      }
    });
  });

  it('hides no free time at period start + k × duration', () => {
    property((c, slots) => {
      if (c.query.limit < 100_000) return;
      const listed = new Set(slots.map((s) => `${s.specialistId} ${s.startsAt}`));
      const service = serviceOf(c);
      const stride = Math.ceil(service.durationMin / slotStepMinutes) * slotStepMinutes;
      const targets = c.query.specialistId
        ? [c.query.specialistId]
        : c.context.schedule.specialists.filter((s) => s.active).map((s) => s.id);
      for (let date = c.query.from; date <= c.query.to; date = addDays(date, 1)) {
        for (const specialistId of targets) {
          for (const period of workingDay(c.context.schedule, calendar, specialistId, date).periods) {
            for (let m = minutesOf(period.starts); m + service.durationMin <= minutesOf(period.ends); m += stride) {
              const startsAt = new Date(ms(at(date, '00:00')) + m * minuteMs).toISOString();
              if (ms(startsAt) < ms(c.query.notBefore)) continue;
              const endsAt = new Date(ms(startsAt) + service.durationMin * minuteMs).toISOString();
              const problem = checkBooking(
                { ...c.context, now: c.query.notBefore, patientFuture: 0 },
                {
                  appointmentId: 'ap-probe',
                  patientId: 'pt-probe',
                  specialistId,
                  serviceTypeId: service.id,
                  startsAt,
                  endsAt,
                  replacesId: null,
                },
              );
              if (problem === null)
                expect(listed.has(`${specialistId} ${startsAt}`), `${specialistId} ${startsAt}`).toBe(true);
            }
          }
        }
      }
    });
  });

  it('does not depend on the order the bookings are read in', () => {
    const withPermutation = caseArb.chain((c) =>
      fc
        .shuffledSubarray([...c.context.busy], { minLength: c.context.busy.length, maxLength: c.context.busy.length })
        .map((busy) => ({ c, busy })),
    );
    fc.assert(
      fc.property(withPermutation, ({ c, busy }) => {
        const byStart = [...busy].sort((a, b) => ms(a.startsAt) - ms(b.startsAt));
        const expected = freeSlots({ ...c.context, busy: byStart }, c.query);
        expect(freeSlots({ ...c.context, busy }, c.query)).toEqual(expected);
        expect(freeSlots({ ...c.context, busy: byStart.reverse() }, c.query)).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });

  it('works a transferred Saturday by Monday’s hours when there is no Saturday pattern', () => {
    fc.assert(
      fc.property(scheduleArb, (schedule) => {
        const monday = schedule.patterns
          .filter((p) => p.specialistId === 'sp-0' && p.weekday !== 6)
          .map((p) => ({
            ...p,
            validFrom: '2026-01-01',
            validTo: null,
          }));
        const only = { ...schedule, patterns: monday, exceptions: [] };
        const base = {
          specialistId: 'sp-0',
          serviceTypeId: 'svc-0',
          notBefore: at('2026-12-01', '00:00'),
          limit: 1000,
        };
        const context = { schedule: only, calendar, busy: [] };
        const saturday = freeSlots(context, { ...base, from: '2027-02-20', to: '2027-02-20' });
        const aMonday = freeSlots(context, { ...base, from: '2027-02-15', to: '2027-02-15' });
        const clock = (s: Slot) => ms(s.startsAt) % 86_400_000;
        expect(saturday.map(clock)).toEqual(aMonday.map(clock));
        if (monday.some((p) => p.weekday === 1) && aMonday.length > 0) expect(saturday.length).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });
});
