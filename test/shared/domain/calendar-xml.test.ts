import { describe, expect, it } from 'vitest';
import { parseCalendarXml } from '../../../shared/domain/calendar-xml';
import { expectAppError } from '../errors/app-error-expect';
import { calendarXml } from './calendar-fixtures';

// Day lines start at line 7 of a calendarXml() document.
const withDays = (...days: string[]) => calendarXml(2030, days);

describe('reading the xmlcalendar format strictly', () => {
  it('reads days off, shortened days and working weekend days, whatever the spacing and line ends', () => {
    const text = `\ufeff${withDays(
      '<day d="01.01" t="1" h="1"/>',
      '<day d=\'01.02\'\tt="1" h="1" />',
      '<!-- перенос -->',
      '<day d="01.05" t="3"/>',
      '<day d="03.02" t="2" f="01.01"/>',
    ).replace(/\n/g, '\r\n')}`;
    const parsed = parseCalendarXml(text, 2030);
    expect(parsed.year).toBe(2030);
    expect(parsed.issued).toBe('2029-09-30');
    expect(parsed.daysOff).toEqual(['2030-01-01', '2030-01-02']);
    expect(parsed.shortenedDays).toEqual(['2030-03-02']);
    // 5 January 2030 is a Saturday (t=3), 2 March 2030 a shortened Saturday: both are worked.
    expect(parsed.workingWeekendDays).toEqual(['2030-01-05', '2030-03-02']);
    expect(parsed.days[0]).toEqual({
      date: '2030-01-01',
      kind: 'off',
      holiday: 'Новогодние каникулы',
      movedFrom: null,
    });
    expect(parsed.days.at(-1)?.movedFrom).toBe('01.01');
  });

  it('decodes entities in titles and refuses a bare ampersand', () => {
    const good = calendarXml(2030, []).replace('Новогодние каникулы', 'Дни &quot;А&quot; &amp; &#1041;');
    expect(parseCalendarXml(good).days).toEqual([]);
    expectAppError(
      () => parseCalendarXml(calendarXml(2030, []).replace('Новогодние каникулы', 'А & Б')),
      'calendar.xml.syntax',
      { line: 4 },
    );
  });

  it.each([
    ['an unknown element', withDays('<week d="01.01" t="1"/>'), 'calendar.xml.element', { line: 7, name: 'week' }],
    ['a day outside <days>', calendarXml(2030, [], '<day d="01.01" t="1"/>'), 'calendar.xml.element', { name: 'day' }],
    [
      'an unknown attribute',
      withDays('<day d="01.01" t="1" x="2"/>'),
      'calendar.xml.attribute',
      { line: 7, name: 'x' },
    ],
    [
      'a repeated attribute',
      withDays('<day d="01.01" t="1" t="2"/>'),
      'calendar.xml.attribute',
      { line: 7, name: 't' },
    ],
    ['a missing type', withDays('<day d="01.01"/>'), 'calendar.xml.attribute', { line: 7, name: 't' }],
    ['an unknown type', withDays('<day d="01.01" t="4"/>'), 'calendar.xml.value', { line: 7, name: 't', value: '4' }],
    ['a day that does not exist', withDays('<day d="02.30" t="1"/>'), 'calendar.xml.value', { line: 7, name: 'd' }],
    ['a day in another shape', withDays('<day d="1.1" t="1"/>'), 'calendar.xml.value', { line: 7, name: 'd' }],
    [
      'a reference to an unknown holiday',
      withDays('<day d="01.01" t="1" h="9"/>'),
      'calendar.xml.value',
      { line: 7, name: 'h' },
    ],
    [
      'a day listed twice',
      withDays('<day d="01.01" t="1"/>', '<day d="01.01" t="1"/>'),
      'calendar.xml.duplicate',
      { line: 8, day: '2030-01-01' },
    ],
    [
      'a "working weekend day" on a Monday',
      withDays('<day d="01.07" t="3"/>'),
      'calendar.xml.working_weekday',
      { line: 7, day: '2030-01-07' },
    ],
    ['text between elements', withDays('1 января', '<day d="01.01" t="1"/>'), 'calendar.xml.syntax', { line: 7 }],
    ['a day that is not closed', withDays('<day d="01.01" t="1">'), 'calendar.xml.element', { line: 7, name: 'day' }],
    [
      'a mismatched closing tag',
      calendarXml(2030, []).replace('</days>', '</holidays>'),
      'calendar.xml.syntax',
      { line: 7 },
    ],
    ['a truncated file', withDays('<day d="01.01" t="1"/>').slice(0, -12), 'calendar.xml.syntax', {}],
    [
      'a second root',
      calendarXml(2030, [], '<calendar year="2031"></calendar>'),
      'calendar.xml.element',
      { name: 'calendar' },
    ],
    ['a declaration that is not first', ` ${calendarXml(2030, [])}`, 'calendar.xml.syntax', { line: 1 }],
    [
      'a year that is not four digits',
      calendarXml(2030, []).replace('year="2030"', 'year="30"'),
      'calendar.xml.value',
      { name: 'year' },
    ],
    ['an empty file', '', 'calendar.xml.syntax', { line: 1 }],
    ['an HTML error page', '<!DOCTYPE html><html><body>502</body></html>', 'calendar.xml.syntax', { line: 1 }],
  ])('refuses %s, naming the line', (_what, text, code, params) => {
    const message = expectAppError(() => parseCalendarXml(text), code, params);
    if ('line' in params) expect(message.ru).toContain(`строка ${params.line}`);
  });

  it('refuses a file whose year is not the one expected', () => {
    const message = expectAppError(() => parseCalendarXml(calendarXml(2030, []), 2031), 'calendar.xml.year_mismatch', {
      year: 2030,
      expected: 2031,
    });
    expect(message.en).toBe('The file describes 2030, but 2031 was expected');
  });
});
