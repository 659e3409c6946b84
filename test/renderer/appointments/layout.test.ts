import { describe, expect, it } from 'vitest';
import { layoutLanes, offHours, visibleRange } from '../../../renderer/screens/appointments/calendar/layout';

const at = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
const block = (id: string, starts: string, ends: string) => ({ id, start: at(starts), end: at(ends) });

describe('the calendar lays overlapping bookings side by side', () => {
  it('gives bookings that do not overlap the whole width', () => {
    const placed = layoutLanes([block('a', '09:00', '09:20'), block('b', '09:20', '09:40')]);
    expect(placed.get('a')).toEqual({ lane: 0, lanes: 1 });
    expect(placed.get('b')).toEqual({ lane: 0, lanes: 1 });
  });

  it('puts two bookings of one time (a request waiting beside a booking) in two lanes of half the width', () => {
    const placed = layoutLanes([block('booked', '10:00', '10:30'), block('waiting', '10:10', '10:40')]);
    expect(placed.get('booked')).toEqual({ lane: 0, lanes: 2 });
    expect(placed.get('waiting')).toEqual({ lane: 1, lanes: 2 });
  });

  it('reuses a lane freed within a chain, and the whole chain shares one width', () => {
    const placed = layoutLanes([
      block('long', '09:00', '11:00'),
      block('first', '09:00', '09:30'),
      block('second', '09:30', '10:00'),
      block('third', '09:45', '10:15'),
      block('later', '12:00', '12:20'),
    ]);
    expect(placed.get('long')).toEqual({ lane: 0, lanes: 3 });
    expect(placed.get('first')).toEqual({ lane: 1, lanes: 3 });
    expect(placed.get('second')).toEqual({ lane: 1, lanes: 3 });
    expect(placed.get('third')).toEqual({ lane: 2, lanes: 3 });
    expect(placed.get('later')).toEqual({ lane: 0, lanes: 1 });
  });

  it('never lets two overlapping bookings share a lane, whatever their order', () => {
    const blocks = Array.from({ length: 60 }, (_, index) => {
      const start = 480 + ((index * 37) % 600);
      return { id: `b${index}`, start, end: start + 15 + ((index * 11) % 45) };
    });
    const placed = layoutLanes([...blocks].reverse());
    for (const a of blocks) {
      for (const b of blocks) {
        if (a.id >= b.id || a.end <= b.start || b.end <= a.start) continue;
        expect(placed.get(a.id)!.lane).not.toBe(placed.get(b.id)!.lane);
        expect(placed.get(a.id)!.lanes).toBe(placed.get(b.id)!.lanes);
      }
    }
  });
});

describe('the hours the calendar shows', () => {
  it('covers every working period and booking in whole hours', () => {
    expect(
      visibleRange([
        { starts: at('09:30'), ends: at('13:00') },
        { starts: at('14:00'), ends: at('18:10') },
      ]),
    ).toEqual({ starts: at('09:00'), ends: at('19:00') });
  });

  it('shows 08:00–20:00 when nobody works that day', () => {
    expect(visibleRange([])).toEqual({ starts: at('08:00'), ends: at('20:00') });
  });

  it('shades the time before, between and after the working periods', () => {
    const range = { starts: at('08:00'), ends: at('20:00') };
    expect(
      offHours(range, [
        { starts: at('14:00'), ends: at('18:00') },
        { starts: at('09:00'), ends: at('13:00') },
      ]),
    ).toEqual([
      { starts: at('08:00'), ends: at('09:00') },
      { starts: at('13:00'), ends: at('14:00') },
      { starts: at('18:00'), ends: at('20:00') },
    ]);
    expect(offHours(range, [])).toEqual([range]);
  });
});
