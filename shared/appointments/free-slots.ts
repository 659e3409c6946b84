import type { BusinessCalendar } from '../domain/business-days';
import { epochDay } from '../domain/business-days';
import { isCalendarDate } from '../domain/calendar-date';
import { AppError } from '../errors/app-error';
import { BusyIndex, instantMs, isoOf, type Span } from './busy-index';
import { addDays, dayClock, minutesOf } from './local-time';
import {
  clinicTimeZone,
  maxSearchDays,
  slotStepMinutes,
  type BusyInterval,
  type ScheduleSnapshot,
  type ServiceType,
  type Specialist,
} from './schedule';
import { calendarFacts, resolveDay, type CalendarFacts, type ResolvedDay } from './working-day';

/**
 * Free slots, computed from the schedule and the bookings (E1) — the same code at the desk and
 * on the server, so a desk offline offers what the server will accept. Pure: no clock, no I/O.
 */

export interface SlotQuery {
  /** One of: a specialist, or every active specialist of a specialty. */
  specialistId?: string;
  specialtyCode?: string;
  serviceTypeId: string;
  /** Inclusive ISO dates in the clinic's zone; at most `maxSearchDays` days. */
  from: string;
  to: string;
  /** Slots starting before this instant are not offered (now, at the caller). */
  notBefore: string;
  /** At most this many, earliest first (ties: by specialist's name, then id). */
  limit: number;
}

export interface Slot {
  specialistId: string;
  /** The room the pattern names, else the specialist's own; null when neither does. */
  roomId: string | null;
  serviceTypeId: string;
  startsAt: string;
  endsAt: string;
}

export interface SlotContext {
  schedule: ScheduleSnapshot;
  /** The production calendar for the years searched (the caller knows which years are missing). */
  calendar: BusinessCalendar;
  /** Active bookings (and live holds) of the specialists and rooms concerned in the range. */
  busy: readonly BusyInterval[];
}

const minuteMs = 60_000;
const stepMs = slotStepMinutes * minuteMs;

export interface FramePeriod extends Span {
  roomId: string | null;
  serviceTypeIds: readonly string[] | null;
}

/** A specialist's day in instants: its periods and breaks, and the day's own bounds. */
export interface DayFrame {
  date: string;
  day: ResolvedDay;
  dayStart: number;
  dayEnd: number;
  periods: FramePeriod[];
  breaks: (Span & { starts: string; ends: string })[];
}

/** A date as every specialist shares it: the calendar's word and the clinic's clock that day. */
export interface SearchDate {
  date: string;
  facts: CalendarFacts;
  clock: (minutes: number) => number;
  dayStart: number;
  dayEnd: number;
}

export function searchDate(calendar: BusinessCalendar, date: string): SearchDate {
  const clock = dayClock(date, clinicTimeZone);
  return {
    date,
    facts: calendarFacts(calendar, date),
    clock,
    dayStart: clock(0),
    dayEnd: dayClock(addDays(date, 1), clinicTimeZone)(0),
  };
}

export function dayFrame(
  schedule: ScheduleSnapshot,
  calendar: BusinessCalendar,
  specialistId: string,
  on: SearchDate,
): DayFrame {
  const day = resolveDay(schedule, calendar, specialistId, on.date, on.facts);
  const at = (hhmm: string): number => on.clock(minutesOf(hhmm));
  return {
    date: on.date,
    day,
    dayStart: on.dayStart,
    dayEnd: on.dayEnd,
    periods: day.periods.map((p) => ({
      start: at(p.starts),
      end: at(p.ends),
      roomId: p.roomId,
      serviceTypeIds: p.serviceTypeIds,
    })),
    breaks: day.breaks.map((b) => ({ start: at(b.starts), end: at(b.ends), starts: b.starts, ends: b.ends })),
  };
}

export const offers = (period: FramePeriod, serviceTypeId: string): boolean =>
  period.serviceTypeIds === null || period.serviceTypeIds.includes(serviceTypeId);

/** Overlapping or touching spans joined, in order of start. */
function merged(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ start: span.start, end: span.end });
  }
  return out;
}

/**
 * The free starts (ms) of one period, in order: on the 5-minute grid, wholly inside the period,
 * clear of every blocker; of those, only the ones at period start + k × duration or right after
 * a blocker (a booking of the specialist or the room, or a break) ends — a readable list. A
 * duration off the grid (7 min) steps by the grid's next multiple (10 min), so every start is on it.
 */
function periodStarts(period: Span, durationMs: number, blockers: Span[], notBefore: number): number[] {
  const last = period.end - durationMs;
  if (last < period.start) return [];
  const onGrid = (ms: number): number => period.start + Math.ceil((ms - period.start) / stepMs) * stepMs;
  const stride = Math.ceil(durationMs / stepMs) * stepMs;
  const after: number[] = [];
  for (const blocker of blockers) {
    if (blocker.end <= period.start || blocker.end > last) continue;
    after.push(onGrid(blocker.end));
  }
  const starts: number[] = [];
  let next = period.start;
  let a = 0;
  let b = 0;
  let previous = -Infinity;
  while (next <= last || a < after.length) {
    const fromGrid = next <= last ? next : Infinity;
    const fromAfter = a < after.length ? (after[a] as number) : Infinity;
    const start = Math.min(fromGrid, fromAfter);
    if (start === fromGrid) next += stride;
    if (start === fromAfter) a++;
    if (start === previous || start > last || start < notBefore) continue;
    previous = start;
    while (b < blockers.length && (blockers[b] as Span).end <= start) b++;
    const blocker = blockers[b];
    if (blocker && blocker.start < start + durationMs) continue;
    starts.push(start);
  }
  return starts;
}

interface DaySlot {
  start: number;
  specialist: number;
  roomId: string | null;
}

function daySlots(
  context: SlotContext,
  index: BusyIndex,
  schedule: ScheduleSnapshot,
  specialist: Specialist,
  order: number,
  service: ServiceType,
  on: SearchDate,
  notBefore: number,
  found: DaySlot[],
): void {
  if (on.dayEnd <= notBefore) return;
  const frame = dayFrame(schedule, context.calendar, specialist.id, on);
  if (frame.periods.length === 0) return;
  if (
    service.dailyLimit !== null &&
    index.countStarting(specialist.id, service.id, frame.dayStart, frame.dayEnd) >= service.dailyLimit
  ) {
    return;
  }
  const durationMs = service.durationMin * minuteMs;
  for (const period of frame.periods) {
    if (!offers(period, service.id) || period.end <= notBefore) continue;
    const blockers = index.overlapping('specialist', specialist.id, period.start, period.end);
    if (period.roomId !== null) index.overlapping('room', period.roomId, period.start, period.end, blockers);
    for (const b of frame.breaks) if (b.end > period.start && b.start < period.end) blockers.push(b);
    for (const start of periodStarts(period, durationMs, merged(blockers), notBefore)) {
      found.push({ start, specialist: order, roomId: period.roomId });
    }
  }
}

const collator = new Intl.Collator('ru');

function targets(schedule: ScheduleSnapshot, query: SlotQuery): Specialist[] {
  const { specialistId, specialtyCode } = query;
  if (specialistId === undefined && specialtyCode === undefined) {
    throw new AppError('appointments.search.target', { field: 'specialistId' });
  }
  if (specialistId !== undefined) {
    const specialist = schedule.specialists.find((s) => s.id === specialistId && s.active);
    if (!specialist) throw new AppError('appointments.specialist.unknown', { field: 'specialistId' });
    // Both given: the specialist, if of that specialty.
    return specialtyCode === undefined || specialist.specialtyCode === specialtyCode ? [specialist] : [];
  }
  return schedule.specialists
    .filter((s) => s.active && s.specialtyCode === specialtyCode)
    .sort((a, b) => collator.compare(a.displayName, b.displayName) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The range's days, or `appointments.search.range`. */
export function searchDays(from: string, to: string): string[] {
  if (!isCalendarDate(from))
    throw new AppError('appointments.search.range', { field: 'from', params: { max: maxSearchDays } });
  if (!isCalendarDate(to) || to < from || epochDay(to) - epochDay(from) + 1 > maxSearchDays) {
    throw new AppError('appointments.search.range', { field: 'to', params: { max: maxSearchDays } });
  }
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** Only the patterns and exceptions that concern one specialist (the day rules scan them per day). */
function scheduleOf(schedule: ScheduleSnapshot, specialist: Specialist): ScheduleSnapshot {
  return {
    specialists: [specialist],
    rooms: [],
    serviceTypes: [],
    patterns: schedule.patterns.filter((p) => p.specialistId === specialist.id),
    exceptions: schedule.exceptions.filter((e) => e.specialistId === null || e.specialistId === specialist.id),
  };
}

/** Free slots for `query`, earliest first. Throws AppError for a bad query (range, unknown service). */
export function freeSlots(context: SlotContext, query: SlotQuery): Slot[] {
  const days = searchDays(query.from, query.to);
  const service = context.schedule.serviceTypes.find((s) => s.id === query.serviceTypeId && s.active);
  if (!service) throw new AppError('appointments.service.unknown', { field: 'serviceTypeId' });
  const specialists = targets(context.schedule, query);
  const notBefore = instantMs(query.notBefore);
  if (Number.isNaN(notBefore)) throw new Error(`freeSlots: notBefore is not an instant: ${query.notBefore}`);
  const limit = Math.max(0, Math.floor(query.limit));
  if (limit === 0 || specialists.length === 0) return [];

  const schedules = specialists.map((s) => scheduleOf(context.schedule, s));
  // Only the bookings of these specialists and of the rooms they work in can block a slot.
  const ids = new Set(specialists.map((s) => s.id));
  const rooms = new Set(specialists.map((s) => s.roomId));
  for (const schedule of schedules) for (const p of schedule.patterns) rooms.add(p.roomId);
  rooms.delete(null);
  const index = new BusyIndex(context.busy.filter((b) => ids.has(b.specialistId) || rooms.has(b.roomId)));
  const durationMs = service.durationMin * minuteMs;
  const slots: Slot[] = [];
  // Day by day: every slot of a day is earlier than the next day's, so the search stops at `limit`.
  for (const date of days) {
    const on = searchDate(context.calendar, date);
    const found: DaySlot[] = [];
    specialists.forEach((specialist, order) => {
      const schedule = schedules[order] as ScheduleSnapshot;
      daySlots(context, index, schedule, specialist, order, service, on, notBefore, found);
    });
    found.sort((a, b) => a.start - b.start || a.specialist - b.specialist);
    for (const slot of found) {
      if (slots.length >= limit) return slots;
      slots.push({
        specialistId: (specialists[slot.specialist] as Specialist).id,
        roomId: slot.roomId,
        serviceTypeId: service.id,
        startsAt: isoOf(slot.start),
        endsAt: isoOf(slot.start + durationMs),
      });
    }
  }
  return slots;
}
