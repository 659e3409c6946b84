import type { BusyInterval } from './schedule';

/**
 * The bookings (busy intervals) of a search by specialist and by room: a month of a busy
 * department is some 15,000 intervals, and parsing their instants was most of a search's time
 * (bench/slots.bench.ts). A list is parsed and sorted the first time a search reads it (a search
 * for one specialist parses that specialist's and its rooms' only), each interval's instants once.
 */

/** A stretch of time in ms since the epoch, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

const digit = (text: string, i: number): number => text.charCodeAt(i) - 48;
const number2 = (text: string, i: number): number => digit(text, i) * 10 + digit(text, i + 1);

/** The form `toISOString` writes and the row schemas require (a regular expression: faster than a loop). */
const isoInstant = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

const minuteMs = 60_000;
const dayMs = 86_400_000;
const clockTexts: string[] = [];
let dayPrefix = { day: NaN, text: '' };

/**
 * ms → `2026-12-08T06:00:00.000Z`, as `toISOString` writes it; whole minutes (every slot) from a
 * table, the rest through it: thousands of slots are written per search.
 */
export function isoOf(ms: number): string {
  if (ms % minuteMs !== 0 || ms < 0) return new Date(ms).toISOString();
  const day = Math.floor(ms / dayMs);
  if (day !== dayPrefix.day) dayPrefix = { day, text: new Date(day * dayMs).toISOString().slice(0, 11) };
  const minute = (ms - day * dayMs) / minuteMs;
  let clock = clockTexts[minute];
  if (clock === undefined) {
    clock = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z`;
    clockTexts[minute] = clock;
  }
  return dayPrefix.text + clock;
}

/** `2026-12-08T06:00:00.000Z` → ms, several times faster than Date.parse; any other form through it. */
export function instantMs(instant: string): number {
  if (instant.length !== 24 || !isoInstant.test(instant)) return Date.parse(instant);
  return Date.UTC(
    number2(instant, 0) * 100 + number2(instant, 2),
    number2(instant, 5) - 1,
    number2(instant, 8),
    number2(instant, 11),
    number2(instant, 14),
    number2(instant, 17),
    number2(instant, 20) * 10 + digit(instant, 22),
  );
}

type Kind = 'specialist' | 'room';

interface List {
  /** Indexes into the interval list, sorted by start once parsed. */
  items: number[];
  sorted: boolean;
  /** The longest interval's length, to find those that began before a window and reach into it. */
  longest: number;
}

export class BusyIndex {
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  private readonly lists: Record<Kind, Map<string, List>> = { specialist: new Map(), room: new Map() };

  /** `ignored`: bookings that do not count (a move's old booking; the request itself). */
  constructor(
    private readonly busy: readonly BusyInterval[],
    ignored: ReadonlySet<string> = new Set(),
  ) {
    this.starts = new Float64Array(busy.length).fill(NaN);
    this.ends = new Float64Array(busy.length);
    for (let i = 0; i < busy.length; i++) {
      const interval = busy[i] as BusyInterval;
      if (ignored.size > 0 && ignored.has(interval.appointmentId)) continue;
      this.add('specialist', interval.specialistId, i);
      if (interval.roomId !== null) this.add('room', interval.roomId, i);
    }
  }

  private add(kind: Kind, id: string, i: number): void {
    const list = this.lists[kind].get(id);
    if (list) list.items.push(i);
    else this.lists[kind].set(id, { items: [i], sorted: false, longest: 0 });
  }

  private list(kind: Kind, id: string): List | undefined {
    const list = this.lists[kind].get(id);
    if (list && !list.sorted) {
      const { starts, ends } = this;
      for (const i of list.items) {
        if (Number.isNaN(starts[i])) {
          const interval = this.busy[i] as BusyInterval;
          starts[i] = instantMs(interval.startsAt);
          ends[i] = instantMs(interval.endsAt);
        }
        list.longest = Math.max(list.longest, (ends[i] as number) - (starts[i] as number));
      }
      // Rows usually come in order of start already; then there is nothing to sort.
      const { items } = list;
      let ordered = true;
      for (let k = 1; k < items.length && ordered; k++) {
        ordered = (starts[items[k - 1] as number] as number) <= (starts[items[k] as number] as number);
      }
      if (!ordered) items.sort((a, b) => (starts[a] as number) - (starts[b] as number));
      list.sorted = true;
    }
    return list;
  }

  /** The first item of `list` starting at or after `at`. */
  private firstFrom(items: readonly number[], at: number): number {
    let low = 0;
    let high = items.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.starts[items[middle] as number] as number) < at) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The bookings of a specialist or a room overlapping `[from, to)`, in order of start, added to `found`. */
  overlapping(kind: Kind, id: string, from: number, to: number, found: Span[] = []): Span[] {
    const list = this.list(kind, id);
    if (!list) return found;
    const { items } = list;
    for (let k = this.firstFrom(items, from - list.longest); k < items.length; k++) {
      const i = items[k] as number;
      const start = this.starts[i] as number;
      if (start >= to) break;
      const end = this.ends[i] as number;
      if (end > from) found.push({ start, end });
    }
    return found;
  }

  /** How many of a service the specialist has starting in `[from, to)` (the daily limit). */
  countStarting(specialistId: string, serviceTypeId: string, from: number, to: number): number {
    const list = this.list('specialist', specialistId);
    if (!list) return 0;
    let count = 0;
    const { items } = list;
    for (let k = this.firstFrom(items, from); k < items.length; k++) {
      const i = items[k] as number;
      if ((this.starts[i] as number) >= to) break;
      if ((this.busy[i] as BusyInterval).serviceTypeId === serviceTypeId) count++;
    }
    return count;
  }
}
