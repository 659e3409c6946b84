import type { AppointmentView, ScheduleView } from '../../../../shared/api/appointments-calls';
import type { CalendarColumn, CalendarItem } from './calendar-model';
import { addDays, localMoment, minuteOf, shortDate, weekStart, weekdayOf } from './clinic-time';
import { visibleRange, type Span } from './layout';

export type CalendarPeriod = 'day' | 'week';
export type CalendarBy = 'specialist' | 'room';

/** Which resources: all, a department's specialists (`dept:<name>`), or one (its id). */
export type ResourceChoice = string;

export interface WorkingDayView {
  specialistId: string;
  date: string;
  roomId: string | null;
  periods: { starts: string; ends: string }[];
  breaks: { starts: string; ends: string }[];
  reason: CalendarColumn['reason'];
}

export function periodDates(period: CalendarPeriod, date: string): string[] {
  if (period === 'day') return [date];
  const monday = weekStart(date);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

interface Resource {
  id: string;
  name: string;
  detail: string | null;
}

export function chosenResources(options: ScheduleView, by: CalendarBy, choice: ResourceChoice): Resource[] {
  if (by === 'room') {
    return options.rooms
      .filter((room) => room.active && (choice === 'all' || choice === room.id))
      .map((room) => ({ id: room.id, name: room.name, detail: null }));
  }
  const department = choice.startsWith('dept:') ? choice.slice(5) : null;
  return options.specialists
    .filter((specialist) => specialist.active)
    .filter((specialist) =>
      choice === 'all' ? true : department !== null ? specialist.department === department : specialist.id === choice,
    )
    .map((specialist) => ({
      id: specialist.id,
      name: specialist.displayName,
      detail: specialist.specialtyName ?? specialist.positionName,
    }));
}

/** What the grid draws for these resources and dates: its columns, each column's bookings, the hours shown. */
export function buildCalendar(
  dates: readonly string[],
  by: CalendarBy,
  resources: readonly Resource[],
  days: readonly WorkingDayView[],
  appointments: readonly AppointmentView[],
  weekdayName: (weekday: number) => string,
): { columns: CalendarColumn[]; items: CalendarItem[][]; range: Span } {
  const dayOf = new Map(days.map((day) => [`${day.specialistId}|${day.date}`, day]));
  const columns: CalendarColumn[] = [];
  // Many columns: «Алексеева Н. П.»; one specialist's week keeps the whole name in the picker above.
  const short = (name: string) => (by === 'specialist' && resources.length > 3 ? initials(name) : name);
  const dayTitle = (date: string) => `${weekdayName(weekdayOf(date))} ${shortDate(date)}`;
  for (const date of dates) {
    for (const resource of resources) {
      const day = by === 'specialist' ? dayOf.get(`${resource.id}|${date}`) : undefined;
      const single = dates.length === 1;
      columns.push({
        key: `${date}|${resource.id}`,
        date,
        resourceId: resource.id,
        resourceKind: by,
        title: single ? short(resource.name) : dayTitle(date),
        subtitle: single ? resource.detail : resources.length > 1 ? short(resource.name) : null,
        resourceName: resource.name,
        periods:
          by === 'room'
            ? null
            : (day?.periods ?? []).map((span) => ({ starts: minuteOf(span.starts), ends: minuteOf(span.ends) })),
        breaks: (day?.breaks ?? []).map((span) => ({ starts: minuteOf(span.starts), ends: minuteOf(span.ends) })),
        reason: day?.reason ?? null,
      });
    }
  }
  const index = new Map(columns.map((column, position) => [column.key, position]));
  const items: CalendarItem[][] = columns.map(() => []);
  const spans: Span[] = columns.flatMap((column) => column.periods ?? []);
  for (const appointment of appointments) {
    if (appointment.status === 'cancelled' || appointment.status === 'moved') continue;
    const starts = localMoment(appointment.startsAt);
    const ends = localMoment(appointment.endsAt);
    const resourceId = by === 'specialist' ? appointment.specialistId : appointment.roomId;
    const position = index.get(`${starts.date}|${resourceId}`);
    if (position === undefined) continue;
    const end = ends.date === starts.date ? ends.minute : 24 * 60;
    items[position]!.push({
      id: appointment.id,
      start: starts.minute,
      end: Math.max(end, starts.minute + 5),
      appointment,
    });
    spans.push({ starts: starts.minute, ends: end });
  }
  for (const list of items) list.sort((a, b) => a.start - b.start);
  return { columns, items, range: visibleRange(spans) };
}

/** «Алексеева Наталья Павловна» → «Алексеева Н. П.»; a name of another shape stays as it is. */
export function initials(fullName: string): string {
  const [surname, ...rest] = fullName.trim().split(/\s+/);
  if (!surname || rest.length === 0) return fullName;
  return `${surname} ${rest.map((part) => `${part[0]}.`).join(' ')}`;
}
