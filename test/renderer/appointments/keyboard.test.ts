import { describe, expect, it } from 'vitest';
import {
  moveCursor,
  moveTarget,
  startFromPointer,
  type GridShape,
} from '../../../renderer/screens/appointments/calendar/keyboard';
import type { Interval } from '../../../renderer/screens/appointments/calendar/layout';

const at = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
const shape: GridShape = { columns: 3, starts: at('08:00'), ends: at('20:00'), step: 15 };
const columns: Interval[][] = [
  [{ id: 'ivanov', start: at('09:00'), end: at('09:20') }],
  [{ id: 'long', start: at('10:00'), end: at('11:00') }],
  [],
];
const blocksOf = (column: number) => columns[column] ?? [];
const cursor = (column: number, time: string) => ({ column, minute: at(time) });

describe('the calendar cursor moves by keys', () => {
  it('steps down a free column by the grid step and stops at the last step', () => {
    expect(moveCursor(cursor(2, '09:00'), 'ArrowDown', shape, blocksOf)).toEqual(cursor(2, '09:15'));
    expect(moveCursor(cursor(2, '19:45'), 'ArrowDown', shape, blocksOf)).toEqual(cursor(2, '19:45'));
  });

  it('lands on a booking at its start and leaves it at its end, even off the step (09:20)', () => {
    expect(moveCursor(cursor(0, '08:45'), 'ArrowDown', shape, blocksOf)).toEqual(cursor(0, '09:00'));
    expect(moveCursor(cursor(0, '09:00'), 'ArrowDown', shape, blocksOf)).toEqual(cursor(0, '09:20'));
    expect(moveCursor(cursor(0, '09:20'), 'ArrowDown', shape, blocksOf)).toEqual(cursor(0, '09:30'));
    expect(moveCursor(cursor(0, '09:20'), 'ArrowUp', shape, blocksOf)).toEqual(cursor(0, '09:00'));
    expect(moveCursor(cursor(0, '09:00'), 'ArrowUp', shape, blocksOf)).toEqual(cursor(0, '08:45'));
  });

  it('goes to the neighbouring column at the same time, resting on a booking it enters', () => {
    expect(moveCursor(cursor(0, '10:30'), 'ArrowRight', shape, blocksOf)).toEqual(cursor(1, '10:00'));
    expect(moveCursor(cursor(2, '10:30'), 'ArrowRight', shape, blocksOf)).toEqual(cursor(2, '10:30'));
    expect(moveCursor(cursor(0, '10:30'), 'ArrowLeft', shape, blocksOf)).toEqual(cursor(0, '10:30'));
  });

  it('jumps to the day’s first and last steps and by an hour', () => {
    expect(moveCursor(cursor(2, '12:00'), 'Home', shape, blocksOf)).toEqual(cursor(2, '08:00'));
    expect(moveCursor(cursor(2, '12:00'), 'End', shape, blocksOf)).toEqual(cursor(2, '19:45'));
    expect(moveCursor(cursor(2, '12:00'), 'PageDown', shape, blocksOf)).toEqual(cursor(2, '13:00'));
    expect(moveCursor(cursor(2, '08:30'), 'PageUp', shape, blocksOf)).toEqual(cursor(2, '08:00'));
  });

  it('leaves other keys to the page', () => {
    expect(moveCursor(cursor(2, '12:00'), 'a', shape, blocksOf)).toBeNull();
  });
});

describe('a booking being moved', () => {
  const target = { column: 0, start: at('09:00'), duration: 20 };

  it('moves by the grid step, by 5 minutes with Shift, and by a column sideways', () => {
    expect(moveTarget(target, 'ArrowDown', shape)).toEqual({ ...target, start: at('09:15') });
    expect(moveTarget(target, 'ArrowUp', shape, true)).toEqual({ ...target, start: at('08:55') });
    expect(moveTarget(target, 'ArrowRight', shape)).toEqual({ ...target, column: 1 });
    expect(moveTarget(target, 'ArrowLeft', shape)).toEqual(target);
  });

  it('never leaves the visible hours', () => {
    expect(moveTarget({ ...target, start: at('08:00') }, 'ArrowUp', shape)).toEqual({ ...target, start: at('08:00') });
    expect(moveTarget({ ...target, start: at('19:40') }, 'ArrowDown', shape)).toEqual({
      ...target,
      start: at('19:40'),
    });
  });

  it('drops where the pointer is, on the 5-minute grid', () => {
    expect(startFromPointer(62 * 1.5, 1.5, shape, 20)).toBe(at('09:00'));
    expect(startFromPointer(10_000, 1.5, shape, 20)).toBe(at('19:40'));
    expect(startFromPointer(-40, 1.5, shape, 20)).toBe(at('08:00'));
  });
});
