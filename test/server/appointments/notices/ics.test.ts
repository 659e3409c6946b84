import { describe, expect, it } from 'vitest';
import {
  escapeText,
  foldLine,
  icsText,
  mailboxOf,
  type CalendarEvent,
} from '../../../../server/appointments/notices/ics';
import { readIcs } from './ics-reader';

const event: CalendarEvent = {
  method: 'REQUEST',
  uid: '0193c3a1-7d2e-7b6f-9a1c-2f4e5d6c7b8a',
  sequence: 2,
  stamp: new Date('2026-12-07T09:15:42.123Z'),
  startsAt: '2026-12-10T11:30:00.000Z',
  endsAt: '2026-12-10T12:00:00.000Z',
  summary: 'Приём терапевта — Смирнов Андрей Павлович, терапевт',
  location: 'Кабинет 214; корпус 2, этаж 3',
  description: 'Возьмите паспорт, полис ОМС;\nнатощак, без завтрака. Путь: C:\\Windows',
  url: null,
  organizer: { name: 'Поликлиника №1', email: 'noreply@clinic.test' },
  attendee: 'olga@example.test',
};

describe('the .ics of a booking (RFC 5545)', () => {
  it('reads back with the booking’s fields: method, UID, SEQUENCE, UTC times, the escaped texts', () => {
    const parsed = readIcs(icsText(event));
    expect(parsed.calendar).toMatchObject({ VERSION: '2.0', METHOD: 'REQUEST' });
    expect(parsed.event).toMatchObject({
      UID: event.uid,
      SEQUENCE: '2',
      DTSTAMP: '20261207T091542Z',
      DTSTART: '20261210T113000Z',
      DTEND: '20261210T120000Z',
      SUMMARY: event.summary,
      LOCATION: event.location,
      DESCRIPTION: event.description,
      STATUS: 'CONFIRMED',
      ORGANIZER: 'mailto:noreply@clinic.test',
      ATTENDEE: 'mailto:olga@example.test',
    });
    expect(parsed.params.ORGANIZER).toBe('CN=Поликлиника №1');
  });

  it('folds long Cyrillic lines at 75 octets without splitting a character, with CRLF and one space', () => {
    const text = icsText(event);
    const parsed = readIcs(text);
    const continued = parsed.physicalLines.filter((line) => line.startsWith(' '));
    expect(continued.length).toBeGreaterThan(0);
    // Two-octet letters: a line is 75 octets or one short of it, never a broken character.
    expect(text).not.toContain('\uFFFD');
    expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
    const folded = foldLine(`DESCRIPTION:${'ж'.repeat(100)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'ж'.repeat(100)}`);
  });

  it('keeps a line of exactly 75 octets whole', () => {
    const line = `SUMMARY:${'a'.repeat(67)}`;
    expect(Buffer.byteLength(line)).toBe(75);
    expect(foldLine(line)).toBe(line);
    expect(foldLine(`${line}b`)).toBe(`${line}\r\n b`);
  });

  it('escapes backslashes, semicolons, commas and newlines in text', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('cancels with METHOD:CANCEL and STATUS:CANCELLED, the same UID', () => {
    const parsed = readIcs(icsText({ ...event, method: 'CANCEL', sequence: 3 }));
    expect(parsed.calendar.METHOD).toBe('CANCEL');
    expect(parsed.event).toMatchObject({ UID: event.uid, SEQUENCE: '3', STATUS: 'CANCELLED' });
  });

  it('reads the organiser from the sender, quoting a name with a comma', () => {
    expect(mailboxOf('"Поликлиника" <noreply@clinic.ru>')).toEqual({ name: 'Поликлиника', email: 'noreply@clinic.ru' });
    expect(mailboxOf('noreply@clinic.ru')).toEqual({ name: null, email: 'noreply@clinic.ru' });
    expect(mailboxOf('nobody')).toBeNull();
    const text = icsText({ ...event, organizer: { name: 'Поликлиника, филиал', email: 'a@b.ru' } });
    expect(text.replace(/\r\n /g, '')).toContain('ORGANIZER;CN="Поликлиника, филиал":mailto:a@b.ru');
  });
});
