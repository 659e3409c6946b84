import type { AppointmentView } from '../../../../shared/api/appointments-calls';
import type { Interval, Span } from './layout';

/** One column of the calendar: one specialist or room on one date. */
export interface CalendarColumn {
  key: string;
  date: string;
  resourceId: string;
  resourceKind: 'specialist' | 'room';
  /** What the header says: the day in the week view of one resource, the resource in the day view. */
  title: string;
  subtitle: string | null;
  /** The resource's own name (for the cursor's spoken label). */
  resourceName: string;
  /** Working periods and breaks in minutes; null: not known (a room's column). */
  periods: readonly Span[] | null;
  breaks: readonly Span[];
  reason: 'holiday' | 'leave' | 'sickness' | 'closed' | 'no_pattern' | null;
}

/** A booking placed in its column, minutes since the clinic's local midnight. */
export interface CalendarItem extends Interval {
  appointment: AppointmentView;
}

/** Pixels per minute: a 15-minute step is 22.5 px, an hour 90 px. */
export const pxPerMinute = 1.5;
/** The step the cursor moves by and the grid's lines. */
export const gridStep = 15;
