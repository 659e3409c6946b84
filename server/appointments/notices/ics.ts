/**
 * An appointment as an iCalendar object (RFC 5545) with its iTIP method (RFC 5546), written by
 * hand: a few properties do not need a library. The rules that matter to mail clients: CRLF line
 * ends; lines longer than 75 octets folded (CRLF + one space) between whole UTF-8 characters;
 * TEXT values with `\`, `;`, `,` and newlines escaped; times in UTC (`…Z`); `REQUEST` to add or
 * update an event and `CANCEL` to remove it, both matched by UID, the later SEQUENCE winning.
 */
export interface CalendarEvent {
  method: 'REQUEST' | 'CANCEL';
  uid: string;
  sequence: number;
  /** When this version was made (DTSTAMP), an instant. */
  stamp: Date;
  startsAt: string;
  endsAt: string;
  summary: string;
  location: string | null;
  description: string | null;
  /** A remote visit's link. */
  url: string | null;
  organizer: { name: string | null; email: string } | null;
  attendee: string | null;
}

const maxOctets = 75;
const encoder = new TextEncoder();

/** RFC 5545 §3.3.11: the TEXT value's escapes. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value (CN=…): quoted when it holds `:;,`; a DQUOTE and control characters cannot appear. */
function paramValue(value: string): string {
  const clean = value.replace(/["\u0000-\u001f\u007f]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** RFC 5545 §3.1: a content line folded at 75 octets, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // A continuation line starts with the space, which counts towards its 75.
    const limit = parts.length === 0 ? maxOctets : maxOctets - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** `2026-12-10T11:30:00.000Z` → `20261210T113000Z`. */
export function utcStamp(instant: string | Date): string {
  const iso = (typeof instant === 'string' ? new Date(instant) : instant).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** The whole object: CRLF after every line, the last one too. */
export function icsText(event: CalendarEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Medcard Desk//Appointments//RU',
    'CALSCALE:GREGORIAN',
    `METHOD:${event.method}`,
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    `DTSTART:${utcStamp(event.startsAt)}`,
    `DTEND:${utcStamp(event.endsAt)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    ...(event.organizer
      ? [
          `ORGANIZER${event.organizer.name ? `;CN=${paramValue(event.organizer.name)}` : ''}:mailto:${event.organizer.email}`,
        ]
      : []),
    ...(event.attendee ? [`ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:${event.attendee}`] : []),
    `STATUS:${event.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}

/** The address and display name in a From header: `"Поликлиника" <noreply@clinic.ru>` or a bare address. */
export function mailboxOf(from: string): { name: string | null; email: string } | null {
  const angle = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from);
  if (angle) return { name: angle[1]?.trim() || null, email: angle[2]! };
  const bare = from.trim();
  return /^[^\s@<>]+@[^\s@<>]+$/.test(bare) ? { name: null, email: bare } : null;
}
