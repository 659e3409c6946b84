import type { Interval } from './layout';

/**
 * The calendar's keyboard (UX.md: keyboard-first), pure so it is tested on its own
 * (test/renderer/appointments/keyboard.test.ts): a cursor over the grid's columns and minutes that
 * lands on a booking when it enters one, and a booking being moved (`M`, arrows, Enter, Esc).
 */

export interface GridShape {
  columns: number;
  /** The visible minutes [starts, ends) and the step arrows move by. */
  starts: number;
  ends: number;
  step: number;
}

export interface Cursor {
  column: number;
  minute: number;
}

/** The booking of a column that covers `minute`, if any (the earliest when several overlap). */
export function blockAt<T extends Interval>(blocks: readonly T[], minute: number): T | undefined {
  let found: T | undefined;
  for (const block of blocks) {
    if (block.start <= minute && minute < block.end && (!found || block.start < found.start)) found = block;
  }
  return found;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

function snap(minute: number, shape: GridShape): number {
  const steps = Math.floor((minute - shape.starts) / shape.step);
  return clamp(shape.starts + steps * shape.step, shape.starts, shape.ends - shape.step);
}

/** A cursor that lands inside a booking rests on the booking's start. */
function rest(cursor: Cursor, blocksOf: (column: number) => readonly Interval[]): Cursor {
  const block = blockAt(blocksOf(cursor.column), cursor.minute);
  return block ? { ...cursor, minute: block.start } : cursor;
}

/**
 * Where the cursor goes on `key`: up and down by one step (over a booking in one move), left and
 * right to the neighbouring column at the same time, Home / End to the column's first and last
 * step, PageUp / PageDown by an hour. Null: the key is not the grid's.
 */
export function moveCursor(
  cursor: Cursor,
  key: string,
  shape: GridShape,
  blocksOf: (column: number) => readonly Interval[],
): Cursor | null {
  const here = blockAt(blocksOf(cursor.column), cursor.minute);
  const last = shape.ends - shape.step;
  let next: Cursor;
  const after = (minute: number) => shape.starts + (Math.floor((minute - shape.starts) / shape.step) + 1) * shape.step;
  const before = (minute: number) => shape.starts + (Math.ceil((minute - shape.starts) / shape.step) - 1) * shape.step;
  switch (key) {
    case 'ArrowDown': {
      // A booking that ends off the step (09:20) hands over to that minute: the first free start.
      const to = here ? here.end : after(cursor.minute);
      next = { ...cursor, minute: to > last ? cursor.minute : to };
      break;
    }
    case 'ArrowUp': {
      const to = before(here ? here.start : cursor.minute);
      next = { ...cursor, minute: to < shape.starts ? cursor.minute : to };
      break;
    }
    case 'ArrowLeft':
      next = { ...cursor, column: clamp(cursor.column - 1, 0, shape.columns - 1) };
      break;
    case 'ArrowRight':
      next = { ...cursor, column: clamp(cursor.column + 1, 0, shape.columns - 1) };
      break;
    case 'Home':
      next = { ...cursor, minute: shape.starts };
      break;
    case 'End':
      next = { ...cursor, minute: last };
      break;
    case 'PageUp':
      next = { ...cursor, minute: snap(Math.max(shape.starts, cursor.minute - 60), shape) };
      break;
    case 'PageDown':
      next = { ...cursor, minute: snap(Math.min(last, cursor.minute + 60), shape) };
      break;
    default:
      return null;
  }
  return rest(next, blocksOf);
}

/** A booking on its way to a new place: its column and start; its length stays. */
export interface MoveTarget {
  column: number;
  start: number;
  duration: number;
}

/**
 * Moving a booking: up and down by `step` (Shift: 5 minutes, the schedule's own grid), left and
 * right by a column (a day in the week view, a specialist in the day view); it never leaves the
 * visible hours. Null: not a moving key.
 */
export function moveTarget(target: MoveTarget, key: string, shape: GridShape, fine = false): MoveTarget | null {
  const step = fine ? 5 : shape.step;
  const latest = shape.ends - target.duration;
  switch (key) {
    case 'ArrowUp':
      return { ...target, start: clamp(target.start - step, shape.starts, latest) };
    case 'ArrowDown':
      return { ...target, start: clamp(target.start + step, shape.starts, latest) };
    case 'ArrowLeft':
      return { ...target, column: clamp(target.column - 1, 0, shape.columns - 1) };
    case 'ArrowRight':
      return { ...target, column: clamp(target.column + 1, 0, shape.columns - 1) };
    default:
      return null;
  }
}

/** A pointer's offset in a column (pixels) as a start on the 5-minute grid, the booking kept inside the hours. */
export function startFromPointer(offsetPx: number, pxPerMinute: number, shape: GridShape, duration: number): number {
  const minute = shape.starts + offsetPx / pxPerMinute;
  return clamp(Math.round(minute / 5) * 5, shape.starts, shape.ends - duration);
}
