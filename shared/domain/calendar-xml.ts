import { AppError, type ErrorParams } from '../errors/app-error';
import type { ErrorCode } from '../errors/catalog';
import { isWeekend, type CalendarYear } from './business-days';
import { isCalendarDate } from './calendar-date';

/**
 * The xmlcalendar format (xmlcalendar.ru): `<calendar year="2026">`, a list of `<holiday>`s and
 * a list of `<day d="MM.DD" t="1|2|3" [h="holiday id"] [f="MM.DD moved from"]/>`, where t=1 is
 * a day off, t=2 a shortened working day (a working one even on a Saturday), t=3 a working
 * weekend day. The reader is strict: anything it does not know is an error naming the line,
 * because a silently skipped day would shift every deadline computed from the calendar.
 */
export interface CalendarDay {
  date: string;
  kind: 'off' | 'shortened' | 'working';
  /** The holiday's title when the day is one (h=…). */
  holiday: string | null;
  /** `MM.DD` of the day off this one was moved from (f=…), as the file says it. */
  movedFrom: string | null;
}

export interface ParsedCalendar extends CalendarYear {
  /** The file's own date (`date="2025.09.30"`) as ISO, null when absent: a natural version. */
  issued: string | null;
  days: CalendarDay[];
}

interface Tag {
  kind: 'open' | 'close' | 'empty';
  name: string;
  attributes: Map<string, string>;
  line: number;
}

// One token at the current position: declaration, comment, closing tag, or opening/empty tag.
const tokenPattern =
  /<\?xml(?:\s[^<>?]*)?\?>|<!--(?:(?!--)[\s\S])*-->|<\/([A-Za-z][\w.-]*)\s*>|<([A-Za-z][\w.-]*)((?:\s+[A-Za-z][\w.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const attributePattern = /([A-Za-z][\w.-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const allowed: Record<string, { parent: string | null; empty: boolean; required: string[]; optional: string[] }> = {
  calendar: { parent: null, empty: false, required: ['year'], optional: ['lang', 'date', 'country'] },
  holidays: { parent: 'calendar', empty: false, required: [], optional: [] },
  holiday: { parent: 'holidays', empty: true, required: ['id', 'title'], optional: [] },
  days: { parent: 'calendar', empty: false, required: [], optional: [] },
  day: { parent: 'days', empty: true, required: ['d', 't'], optional: ['h', 'f'] },
};

function fail(code: ErrorCode, params: ErrorParams): never {
  throw new AppError(code, { params });
}

function decode(raw: string, line: number): string {
  return raw.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
    const numeric = /^#(?:x([0-9a-fA-F]{1,6})|(\d{1,7}))$/.exec(name);
    const code = numeric ? parseInt(numeric[1] ?? numeric[2] ?? '', numeric[1] ? 16 : 10) : NaN;
    if (whole.endsWith(';') && entities[name] !== undefined) return entities[name];
    if (whole.endsWith(';') && numeric && code <= 0x10ffff) return String.fromCodePoint(code);
    return fail('calendar.xml.syntax', { line });
  });
}

/** Splits the text into tags; text between them may only be white space. */
function* tags(text: string): Generator<Tag> {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let position = bom;
  let line = 1;
  let counted = 0;
  const lineAt = (index: number) => {
    for (; counted < index; counted++) if (text.charCodeAt(counted) === 10) line++;
    return line;
  };
  for (;;) {
    while (position < text.length && /\s/.test(text[position]!)) position++;
    if (position >= text.length) return;
    tokenPattern.lastIndex = position;
    const match = tokenPattern.exec(text);
    if (!match) fail('calendar.xml.syntax', { line: lineAt(position) });
    const token = match[0];
    // The declaration, when present, is the very first thing in the file.
    if (token.startsWith('<?xml') && position !== bom) fail('calendar.xml.syntax', { line: lineAt(position) });
    const tagLine = lineAt(position);
    position += token.length;
    if (token.startsWith('<?') || token.startsWith('<!--')) continue;
    if (match[1] !== undefined) {
      yield { kind: 'close', name: match[1], attributes: new Map(), line: tagLine };
      continue;
    }
    const attributes = new Map<string, string>();
    for (const attribute of (match[3] ?? '').matchAll(attributePattern)) {
      const name = attribute[1]!;
      if (attributes.has(name)) fail('calendar.xml.attribute', { line: tagLine, element: match[2]!, name });
      attributes.set(name, decode(attribute[2] ?? attribute[3] ?? '', tagLine));
    }
    yield { kind: match[4] === '/' ? 'empty' : 'open', name: match[2]!, attributes, line: tagLine };
  }
}

function checkAttributes(tag: Tag): void {
  const rule = allowed[tag.name]!;
  for (const name of tag.attributes.keys()) {
    if (!rule.required.includes(name) && !rule.optional.includes(name))
      fail('calendar.xml.attribute', { line: tag.line, element: tag.name, name });
  }
  for (const name of rule.required) {
    if (!tag.attributes.has(name)) fail('calendar.xml.attribute', { line: tag.line, element: tag.name, name });
  }
}

function monthDay(value: string): boolean {
  return /^(0[1-9]|1[0-2])\.(0[1-9]|[12]\d|3[01])$/.test(value);
}

/**
 * Reads one year of the production calendar. `expectedYear` (from the file name, say) must match
 * the file's own year when given.
 */
export function parseCalendarXml(text: string, expectedYear?: number): ParsedCalendar {
  const stack: string[] = [];
  const holidays = new Map<string, string>();
  const days = new Map<string, CalendarDay>();
  let year: number | null = null;
  let issued: string | null = null;
  let closed = false;
  let lastLine = 1;

  for (const tag of tags(text)) {
    lastLine = tag.line;
    if (closed) fail('calendar.xml.element', { line: tag.line, name: tag.name });
    if (tag.kind === 'close') {
      if (stack.pop() !== tag.name) fail('calendar.xml.syntax', { line: tag.line });
      if (stack.length === 0) closed = true;
      continue;
    }
    const rule = allowed[tag.name];
    if (!rule || rule.parent !== (stack.at(-1) ?? null) || (rule.empty && tag.kind !== 'empty')) {
      fail('calendar.xml.element', { line: tag.line, name: tag.name });
    }
    checkAttributes(tag);
    const value = (name: string) => tag.attributes.get(name) ?? '';
    const badValue = (name: string): never =>
      fail('calendar.xml.value', { line: tag.line, name, value: value(name).slice(0, 40) });

    if (tag.name === 'calendar') {
      if (!/^\d{4}$/.test(value('year'))) badValue('year');
      year = Number(value('year'));
      if (expectedYear !== undefined && year !== expectedYear)
        fail('calendar.xml.year_mismatch', { year, expected: expectedYear });
      if (tag.attributes.has('date')) {
        const iso = value('date').replace(/^(\d{4})\.(\d{2})\.(\d{2})$/, '$1-$2-$3');
        if (!isCalendarDate(iso)) badValue('date');
        issued = iso;
      }
    } else if (tag.name === 'holiday') {
      if (!/^\d{1,3}$/.test(value('id')) || holidays.has(value('id'))) badValue('id');
      holidays.set(value('id'), value('title').trim());
    } else if (tag.name === 'day') {
      const date = `${year}-${value('d').replace('.', '-')}`;
      if (!monthDay(value('d')) || !isCalendarDate(date)) badValue('d');
      const kind = ({ '1': 'off', '2': 'shortened', '3': 'working' } as const)[value('t')] ?? badValue('t');
      if (tag.attributes.has('h') && !holidays.has(value('h'))) badValue('h');
      if (tag.attributes.has('f') && !monthDay(value('f'))) badValue('f');
      if (days.has(date)) fail('calendar.xml.duplicate', { line: tag.line, day: date });
      if (kind === 'working' && !isWeekend(date)) fail('calendar.xml.working_weekday', { line: tag.line, day: date });
      days.set(date, {
        date,
        kind,
        holiday: tag.attributes.has('h') ? (holidays.get(value('h')) ?? null) : null,
        movedFrom: tag.attributes.has('f') ? value('f') : null,
      });
    }
    if (tag.kind === 'open') stack.push(tag.name);
  }
  if (!closed || year === null) fail('calendar.xml.syntax', { line: lastLine });

  const list = [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  return {
    year,
    issued,
    days: list,
    daysOff: list.filter((day) => day.kind === 'off').map((day) => day.date),
    shortenedDays: list.filter((day) => day.kind === 'shortened').map((day) => day.date),
    workingWeekendDays: list.filter((day) => day.kind !== 'off' && isWeekend(day.date)).map((day) => day.date),
  };
}
