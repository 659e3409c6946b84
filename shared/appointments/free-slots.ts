import type { BusinessCalendar } from '../domain/business-days';
import type { BusyInterval, ScheduleSnapshot } from './schedule';

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

/** Free slots for `query`, earliest first. Throws AppError for a bad query (range, unknown service). */
export function freeSlots(context: SlotContext, query: SlotQuery): Slot[] {
  void context;
  void query;
  throw new Error('freeSlots: implemented by issue 13 H1');
}
