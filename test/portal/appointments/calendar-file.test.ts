import { describe, expect, it } from 'vitest';
import { calendarFile } from '../../../portal/screens/appointments/calendar-file';

/** The file's content lines, unfolded (RFC 5545 §3.1). */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n').filter(Boolean);
}

describe('«Добавить в календарь»: the visit’s .ics', () => {
  const ics = calendarFile(
    {
      uid: '019af3c2-0000-7000-8000-000000000001',
      startsAt: '2026-12-08T06:00:00.000Z',
      endsAt: '2026-12-08T06:20:00.000Z',
      summary: 'Приём: Петрова Мария Ивановна, терапевт; повторный',
      location: 'Кабинет 214, 2 этаж',
      description:
        'Первичный приём\n\nВозьмите паспорт, полис ОМС и результаты анализов за последние полгода — они понадобятся врачу',
      url: null,
    },
    '2026-12-07T10:00:00.000Z',
  );

  it('holds one event at the visit’s UTC times, with a reminder', () => {
    const lines = unfold(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('DTSTART:20261208T060000Z');
    expect(lines).toContain('DTEND:20261208T062000Z');
    expect(lines).toContain('DTSTAMP:20261207T100000Z');
    expect(lines).toContain('UID:019af3c2-0000-7000-8000-000000000001');
    expect(lines).toContain('TRIGGER:-PT1H');
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
  });

  it('escapes commas, semicolons and line breaks in its texts', () => {
    const lines = unfold(ics);
    expect(lines).toContain('SUMMARY:Приём: Петрова Мария Ивановна\\, терапевт\\; повторный');
    expect(lines).toContain('LOCATION:Кабинет 214\\, 2 этаж');
    expect(lines.find((line) => line.startsWith('DESCRIPTION:Первичный'))).toContain('приём\\n\\nВозьмите');
  });

  it('folds long lines at 75 octets without splitting a Cyrillic letter', () => {
    const physical = ics.split('\r\n').filter(Boolean);
    expect(physical.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of physical) {
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    expect(ics.endsWith('\r\n')).toBe(true);
  });
});
