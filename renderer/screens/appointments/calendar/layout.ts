/**
 * Where the calendar draws things: pure geometry, tested on its own
 * (test/renderer/appointments/layout.test.ts). A column is one resource (a specialist or a room)
 * on one date; its bookings are intervals of minutes since the clinic's local midnight.
 */

export interface Interval {
  id: string;
  /** Minutes since local midnight. */
  start: number;
  end: number;
}

export interface Placed {
  /** The lane the block takes, 0-based, and how many lanes its overlapping group has. */
  lane: number;
  lanes: number;
}

/**
 * Overlapping blocks side by side: blocks are taken by start (longer first on a tie) and each goes
 * to the first lane free at its start; a group of blocks that overlap one another, directly or
 * through a chain, shares its lane count so that they all have the same width.
 */
export function layoutLanes(intervals: readonly Interval[]): Map<string, Placed> {
  const sorted = [...intervals].sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1));
  const placed = new Map<string, Placed>();
  let group: string[] = [];
  let laneEnds: number[] = [];
  let groupEnd = -Infinity;
  const closeGroup = () => {
    for (const id of group) placed.get(id)!.lanes = laneEnds.length;
    group = [];
    laneEnds = [];
  };
  for (const interval of sorted) {
    if (interval.start >= groupEnd) closeGroup();
    let lane = laneEnds.findIndex((end) => end <= interval.start);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(interval.end);
    } else {
      laneEnds[lane] = interval.end;
    }
    placed.set(interval.id, { lane, lanes: 1 });
    group.push(interval.id);
    groupEnd = Math.max(groupEnd, interval.end);
  }
  closeGroup();
  return placed;
}

export interface Span {
  starts: number;
  ends: number;
}

/** The hours the grid shows: every working period and booking, widened to whole hours (default 08–20). */
export function visibleRange(spans: readonly Span[], fallback: Span = { starts: 8 * 60, ends: 20 * 60 }): Span {
  if (spans.length === 0) return fallback;
  let starts = Infinity;
  let ends = -Infinity;
  for (const span of spans) {
    starts = Math.min(starts, span.starts);
    ends = Math.max(ends, span.ends);
  }
  return { starts: Math.max(0, Math.floor(starts / 60) * 60), ends: Math.min(24 * 60, Math.ceil(ends / 60) * 60) };
}

/**
 * The parts of the visible range a specialist does not work: before, between and after the working
 * periods (breaks are listed separately, as the schedule gives them).
 */
export function offHours(range: Span, periods: readonly Span[]): Span[] {
  const sorted = [...periods].sort((a, b) => a.starts - b.starts);
  const off: Span[] = [];
  let cursor = range.starts;
  for (const period of sorted) {
    if (period.starts > cursor) off.push({ starts: cursor, ends: Math.min(period.starts, range.ends) });
    cursor = Math.max(cursor, period.ends);
  }
  if (cursor < range.ends) off.push({ starts: cursor, ends: range.ends });
  return off.filter((span) => span.ends > span.starts);
}
